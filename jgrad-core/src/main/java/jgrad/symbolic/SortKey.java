package jgrad.symbolic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * SymPy's orderings, so that formulas print exactly as SymPy prints them.
 *
 * <ul>
 *   <li>{@link #ORDER} is {@code default_sort_key}: numbers, then symbols by name, then products,
 *       sums and powers, then functions (exp before sin before cos); a power sorts by its base.
 *       Products print their factors in this order.
 *   <li>{@link #printOrder} is {@code Add.as_ordered_terms}: terms as monomials over all the bases in
 *       the sum, highest powers first ({@code 4*x**3 - 9*x**2}, {@code x + 3}).
 * </ul>
 */
final class SortKey {
    private SortKey() {}

    static final Comparator<Expr> ORDER = SortKey::compare;

    private record Split(Num coeff, Expr base, Expr exp) {}

    /** Python's tuple (class_key, args, exp, coeff) of Expr.sort_key, compared field by field. */
    private static int compare(Expr a, Expr b) {
        if (a == b) {
            return 0;
        }
        Budget.spend(1); // deep formulas compare level by level: counted, so that comparing is bounded too
        Split x = split(a), y = split(b);
        int c = compareClass(x.base, y.base);
        if (c == 0) {
            c = compareArgs(x.base, y.base);
        }
        if (c == 0 && x.exp != y.exp) {
            c = x.exp == null ? -1 : y.exp == null ? 1 : compare(x.exp, y.exp);
        }
        return c != 0 ? c : x.coeff.compareTo(y.coeff);
    }

    private static Split split(Expr e) {
        if (e instanceof Num n) {
            return new Split(n, n, null);
        }
        Num coeff = Num.ONE;
        if (e instanceof Mul m && m.factors().getFirst() instanceof Num c) {
            coeff = c;
            List<Expr> rest = m.factors().subList(1, m.factors().size());
            e = rest.size() == 1 ? rest.getFirst() : new Mul(rest);
        }
        return e instanceof Pow p ? new Split(coeff, p.base(), p.exponent()) : new Split(coeff, e, Num.ONE);
    }

    private static int compareClass(Expr a, Expr b) {
        int c = Integer.compare(classGroup(a), classGroup(b));
        if (c == 0) {
            c = Integer.compare(classIndex(a), classIndex(b));
        }
        return c != 0 ? c : className(a).compareTo(className(b));
    }

    private static int classGroup(Expr e) {
        return switch (e) {
            case Num n -> 1;
            case Var v -> 2;
            case Const k -> 2;
            case Mul m -> 3;
            case Add a -> 3;
            case Pow p -> 3;
            case Fn f -> 4;
            case MinMax m -> 5;
        };
    }

    private static int classIndex(Expr e) {
        return switch (e) {
            case Add a -> 1;
            case Pow p -> 2;
            case Fn f -> f.func().sortIndex();
            default -> 0;
        };
    }

    private static String className(Expr e) {
        return switch (e) {
            case Num n -> "Number";
            case Var v -> "Symbol";
            case Const k -> k == Const.PI || k.name().equals("pi") ? "Pi" : "Exp1";
            case Mul m -> "Mul";
            case Add a -> "Add";
            case Pow p -> "Pow";
            case Fn f -> f.func().printName();
            case MinMax m -> m.name();
        };
    }

    private static int compareArgs(Expr a, Expr b) {
        if (a instanceof Var || a instanceof Const) {
            return a.toString().compareTo(b.toString());
        }
        List<Expr> x = args(a), y = args(b);
        int c = Integer.compare(x.size(), y.size());
        for (int i = 0; c == 0 && i < x.size(); i++) {
            c = compare(x.get(i), y.get(i));
        }
        return c;
    }

    private static List<Expr> args(Expr e) {
        return switch (e) {
            case Add a -> printOrder(a);
            case Mul m -> m.factors();
            case Pow p -> List.of(p.base(), p.exponent());
            case Fn f -> List.of(f.arg());
            case MinMax m -> List.of(m.a(), m.b());
            default -> List.of();
        };
    }

    /** One term of a sum seen as a monomial: coefficient (numbers like pi included) and base -> integer power. */
    private record Monomial(Expr term, double coeff, Map<Expr, Long> powers) {}

    /**
     * A monomial's exponent vector over the sum's bases, sparse: the ranks of its bases, ascending, and their
     * powers. Compared without walking every base of the sum, which made long sums quadratic to print.
     */
    private record Exponents(Monomial monomial, int[] ranks, long[] powers) {
        static Exponents of(Monomial m, Map<Expr, Integer> rank) {
            long[][] pairs = m.powers.entrySet().stream().filter(e -> e.getValue() != 0)
                    .map(e -> new long[] {rank.get(e.getKey()), e.getValue()}).sorted(Comparator.comparingLong(a -> a[0]))
                    .toArray(long[][]::new);
            int[] ranks = new int[pairs.length];
            long[] powers = new long[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                ranks[i] = (int) pairs[i][0];
                powers[i] = pairs[i][1];
            }
            return new Exponents(m, ranks, powers);
        }

        /** Lex order on the exponent vectors, highest first. */
        static int compare(Exponents p, Exponents q) {
            int i = 0, j = 0;
            while (i < p.ranks.length || j < q.ranks.length) {
                int rp = i < p.ranks.length ? p.ranks[i] : Integer.MAX_VALUE, rq = j < q.ranks.length ? q.ranks[j] : Integer.MAX_VALUE;
                long ep = rp <= rq ? p.powers[i++] : 0, eq = rq <= rp ? q.powers[j++] : 0;
                if (ep != eq) {
                    return Long.compare(eq, ep);
                }
            }
            return 0;
        }
    }

    /** The terms of a sum in the order SymPy prints them ({@code Expr.as_ordered_terms}). */
    static List<Expr> printOrder(Add sum) {
        return ((Operands) sum.terms()).printOrder(() -> computePrintOrder(sum.terms()));
    }

    private static List<Expr> computePrintOrder(List<Expr> terms) {
        if (terms.size() == 2) { // SymPy's special case: 1 - x and pi - x rather than -x + 1
            Expr number = isNumber(terms.get(0)) ? terms.get(0) : terms.get(1);
            Expr other = number == terms.get(0) ? terms.get(1) : terms.get(0);
            boolean positive = number instanceof Num n ? n.signum() > 0 : number instanceof Const;
            if (isNumber(number) && positive && other instanceof Mul m
                    && m.factors().size() == 2 && m.coefficient().signum() < 0) {
                return List.of(number, other);
            }
        }
        List<Monomial> monomials = new ArrayList<>();
        TreeSet<Expr> gens = new TreeSet<>(ORDER);
        for (Expr t : terms) {
            Monomial m = monomial(t);
            gens.addAll(m.powers.keySet());
            monomials.add(m);
        }
        Map<Expr, Integer> rank = new HashMap<>();
        for (Expr g : gens) {
            rank.put(g, rank.size());
        }
        Budget.spendSorting(terms.size());
        return monomials.stream().map(m -> Exponents.of(m, rank))
                .sorted(((Comparator<Exponents>) Exponents::compare).thenComparingDouble(e -> e.monomial().coeff())
                        .thenComparing(e -> e.monomial().term(), ORDER))
                .map(e -> e.monomial().term()).toList();
    }

    private static boolean isNumber(Expr e) {
        return e instanceof Num || e instanceof Const;
    }

    private static Monomial monomial(Expr term) {
        double coeff = 1;
        Map<Expr, Long> powers = new HashMap<>();
        for (Expr f : term instanceof Mul m ? m.factors() : List.of(term)) {
            if (f.variables().isEmpty()) {
                coeff *= f.eval(Map.of()); // numbers, pi, sqrt(2): part of the coefficient
                continue;
            }
            Expr[] be = decomposePower(f);
            powers.merge(be[0], ((Num) be[1]).numerator().longValue(), Long::sum);
        }
        return new Monomial(term, coeff, powers);
    }

    /**
     * SymPy's {@code decompose_power}: x**3 -> (x, 3); x**(3/2) -> (sqrt(x), 3); exp(-x**2) -> (exp(x**2), -1);
     * anything else -> (itself, 1).
     */
    private static Expr[] decomposePower(Expr f) {
        Expr base, exp;
        switch (f) {
            case Pow p -> {
                base = p.base();
                exp = p.exponent();
            }
            case Fn fn when fn.func() == Func.EXP -> {
                base = Const.E;
                exp = fn.arg();
            }
            default -> {
                return new Expr[] {f, Num.ONE};
            }
        }
        if (exp instanceof Num n) {
            Expr b = n.isInteger() ? base : Expr.pow(base, new Num(java.math.BigInteger.ONE, n.denominator()));
            return new Expr[] {b, Num.of(n.numerator().longValue())};
        }
        Num c = exp instanceof Mul m ? m.coefficient() : Num.ONE;
        if (c.isOne()) {
            return new Expr[] {f, Num.ONE};
        }
        Expr tail = Expr.mul(new Num(java.math.BigInteger.ONE, c.denominator()), Expr.mul(c.reciprocal(), exp));
        // c = p/q: base**(c*t) = (base**(t/q))**p
        return new Expr[] {Expr.pow(base, tail), Num.of(c.numerator().longValue())};
    }
}
