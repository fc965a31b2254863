package jgrad.symbolic;

/** A named real constant: {@code pi} or Euler's number, printed {@code E} as SymPy does. */
public record Const(String name, double value) implements Expr {
    public static final Const PI = new Const("pi", Math.PI);
    public static final Const E = new Const("E", Math.E);

    @Override
    public String toString() {
        return name;
    }
}
