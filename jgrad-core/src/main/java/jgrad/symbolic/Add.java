package jgrad.symbolic;

import java.util.List;

/** A sum of two or more terms. Build with {@link Expr#add}, which keeps it canonical. */
public record Add(List<Expr> terms) implements Expr {
    public Add {
        terms = Operands.of(terms); // immutable, with its hash code and size kept
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
