package jgrad.symbolic;

/** {@code base**exponent}; square roots and reciprocals are powers too, as in SymPy. Build with {@link Expr#pow}. */
public record Pow(Expr base, Expr exponent) implements Expr {
    public Pow {
        Nodes.check(Nodes.of(base) + Nodes.of(exponent) + 1);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
