package jgrad.symbolic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A product as it is typed, multiplied as SymPy multiplies it: from the left, one factor at a time, which
 * decides where a number is distributed ({@code 2*(x + 1)*x} is {@code (2*x + 2)*x}). Multiplying the whole
 * product again for each factor made a product of thousands of factors quadratic, so a factor that can only
 * join the product (a number, or a factor with a new base, once the product has two factors or more) waits,
 * and the waiting ones join at once: the same product, since joining changes nothing else in it.
 */
final class Product {
    private Expr product;
    private final List<Expr> waiting = new ArrayList<>();
    private final Set<Expr> bases = new HashSet<>();
    private int factors; // not numbers, in the product and waiting

    Product(Expr first) {
        product = first;
        recount();
    }

    void times(Expr f) {
        if (factors >= 2 && (f instanceof Num || joins(f))) {
            waiting.add(f);
            if (!(f instanceof Num)) {
                bases.add(base(f));
                factors++;
            }
            return;
        }
        flush();
        product = Expr.mul(product, f);
        recount();
    }

    Expr result() {
        flush();
        return product;
    }

    /**
     * Nothing in the product to combine with. In a product of two factors or more that is all: a number is
     * distributed over a sum only when the sum is the one factor left (2*(x + 1) = 2*x + 2).
     */
    private boolean joins(Expr f) {
        Expr b = base(f);
        return !(f instanceof Mul || b instanceof Num) && !bases.contains(b);
    }

    /** The base that factors combine on, as in {@link Algebra#mul}: x**2 and x**y on x, exp(x) on E. */
    private static Expr base(Expr f) {
        return switch (f) {
            case Pow p -> p.base();
            case Fn fn when fn.func() == Func.EXP -> Const.E;
            default -> f;
        };
    }

    private void flush() {
        if (!waiting.isEmpty()) {
            List<Expr> all = new ArrayList<>(waiting.size() + 1);
            all.add(product);
            all.addAll(waiting);
            product = Expr.mul(all);
            waiting.clear();
        }
    }

    private void recount() {
        bases.clear();
        factors = 0;
        for (Expr g : product instanceof Mul m ? m.factors() : List.of(product)) {
            if (!(g instanceof Num)) {
                bases.add(base(g));
                factors++;
            }
        }
    }
}
