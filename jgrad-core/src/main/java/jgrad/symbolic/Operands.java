package jgrad.symbolic;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * The operands of a sum or a product: an immutable list that keeps its hash code and the number of
 * nodes below it. Formulas are trees of records, whose hash codes and sizes would otherwise be
 * recomputed from the leaves at every level, which made large formulas quadratic to build.
 */
final class Operands extends AbstractList<Expr> implements RandomAccess {
    private final Expr[] items;
    private final int hash;
    private final long nodes;
    private List<Expr> printOrder; // of a sum, once asked for: sorting compares sums by it again and again

    private Operands(Expr[] items) {
        this.items = items;
        int h = 1;
        long n = 1; // the sum or product itself
        for (Expr e : items) {
            if (e == null) {
                throw new NullPointerException("operand is null");
            }
            h = 31 * h + e.hashCode();
            n = Nodes.check(n + Nodes.of(e));
        }
        this.hash = h;
        this.nodes = n;
    }

    static List<Expr> of(List<Expr> list) {
        return list instanceof Operands o ? o : new Operands(list.toArray(Expr[]::new));
    }

    /** Nodes of the sum or product these are the operands of. */
    long nodes() {
        return nodes;
    }

    /** The terms of a sum in SymPy's print order, computed once (a benign race: every thread computes the same). */
    List<Expr> printOrder(Supplier<List<Expr>> compute) {
        List<Expr> order = printOrder;
        if (order == null) {
            order = compute.get();
            printOrder = order;
        }
        return order;
    }

    @Override
    public Expr get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (o instanceof Operands other) {
            if (other.hash != hash || other.items.length != items.length) {
                return false;
            }
            for (int i = 0; i < items.length; i++) {
                if (items[i] != other.items[i] && !items[i].equals(other.items[i])) {
                    return false;
                }
            }
            return true;
        }
        return super.equals(o);
    }
}
