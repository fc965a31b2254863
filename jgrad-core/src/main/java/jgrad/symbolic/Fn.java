package jgrad.symbolic;

/** A function of one argument, such as {@code sin(x)}. Build with {@link Expr#fn}. */
public record Fn(Func func, Expr arg) implements Expr {
    @Override
    public String toString() {
        return Printer.print(this);
    }
}
