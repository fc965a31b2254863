package jgrad.symbolic;

/** {@code Max(a, b)} or {@code Min(a, b)}: differentiable wherever a != b. */
public record MinMax(boolean max, Expr a, Expr b) implements Expr {
    public MinMax {
        Nodes.check(Nodes.of(a) + Nodes.of(b) + 1);
    }

    public String name() {
        return max ? "Max" : "Min";
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
