package jgrad.symbolic;

/** A variable such as {@code x} or {@code theta1}; all variables are real. */
public record Var(String name) implements Expr {
    @Override
    public String toString() {
        return name;
    }
}
