package jgrad.symbolic;

import java.util.List;

/** A product of two or more factors, the numeric coefficient (if any) first. Build with {@link Expr#mul}. */
public record Mul(List<Expr> factors) implements Expr {
    public Mul {
        factors = Operands.of(factors);
    }

    /** The numeric coefficient: 3 for {@code 3*x*y}, 1 when there is none. */
    public Num coefficient() {
        return factors.getFirst() instanceof Num n ? n : Num.ONE;
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
