package jgrad.symbolic;

/** A function of one argument, such as {@code sin(x)}. Build with {@link Expr#fn}. */
public record Fn(Func func, Expr arg) implements Expr {
    public Fn {
        Nodes.check(Nodes.of(arg) + 1);
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
