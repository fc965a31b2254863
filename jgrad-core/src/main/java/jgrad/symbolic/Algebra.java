package jgrad.symbolic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical constructors, SymPy's automatic simplification: flatten nested sums and products,
 * fold numbers, collect like terms ({@code x + x = 2*x}) and like bases ({@code x*x**2 = x**3}),
 * and keep operands in one fixed order so that equal formulas are equal records.
 */
final class Algebra {
    private Algebra() {}

    static Expr add(Collection<Expr> items) {
        Expr single = withoutIdentity(items, Num.ZERO);
        if (single != null) {
            return single;
        }
        Num constant = Num.ZERO;
        Map<Expr, Num> terms = new LinkedHashMap<>(); // term without its coefficient -> summed coefficient
        List<Expr> flat = flatten(items, true);
        Budget.spendSorting(flat.size());
        for (Expr e : flat) {
            if (e instanceof Num n) {
                constant = constant.plus(n);
            } else if (e instanceof Mul m && m.factors().getFirst() instanceof Num c) {
                terms.merge(withoutCoefficient(m), c, Num::plus);
            } else {
                terms.merge(e, Num.ONE, Num::plus);
            }
        }
        List<Expr> out = new ArrayList<>();
        terms.forEach((term, c) -> {
            if (!c.isZero()) {
                out.add(scaled(c, term));
            }
        });
        if (!constant.isZero()) {
            out.add(constant);
        }
        if (out.isEmpty()) {
            return Num.ZERO;
        }
        if (out.size() == 1) {
            return out.getFirst();
        }
        out.sort(SortKey.ORDER);
        return new Add(out);
    }

    /** x + 0 and 1*x are x (canonical operands are canonical already): the common case in derivatives. */
    private static Expr withoutIdentity(Collection<Expr> items, Num identity) {
        Expr other = identity;
        for (Expr e : items) {
            if (e.equals(identity)) {
                continue;
            }
            if (other != identity) {
                return null;
            }
            other = e;
        }
        return other;
    }

    /** Sums inside a sum (or products inside a product) spliced in: associativity. */
    private static List<Expr> flatten(Collection<Expr> items, boolean sums) {
        List<Expr> flat = new ArrayList<>(items.size() + 4);
        for (Expr e : items) {
            switch (e) {
                case Add a when sums -> flat.addAll(a.terms());
                case Mul m when !sums -> flat.addAll(m.factors());
                default -> flat.add(e);
            }
        }
        return flat;
    }

    /** c*term for a canonical term without coefficient: no re-canonicalisation needed. */
    private static Expr scaled(Num c, Expr term) {
        if (c.isOne()) {
            return term;
        }
        if (term instanceof Num n) {
            return c.times(n);
        }
        if (term instanceof Mul m) {
            List<Expr> f = new ArrayList<>(m.factors().size() + 1);
            f.add(c);
            f.addAll(m.factors());
            return new Mul(f);
        }
        if (term instanceof Add a) { // a number times a sum is distributed, as SymPy does: 2*(x + 1) = 2*x + 2
            return add(a.terms().stream().map(t -> mul(List.of(c, t))).toList());
        }
        return new Mul(List.of(c, term));
    }

    private static Expr withoutCoefficient(Mul m) {
        List<Expr> rest = m.factors().subList(1, m.factors().size());
        return rest.size() == 1 ? rest.getFirst() : new Mul(rest);
    }

    /**
     * Powers of one base combine when their exponents differ only by a number, as in SymPy:
     * x**2*x**3 = x**5, x**y*x**y = x**(2*y), exp(x)*exp(-x) = 1, but x*x**y and exp(x)*exp(y) stay apart.
     */
    static Expr mul(Collection<Expr> items) {
        Expr single = withoutIdentity(items, Num.ONE);
        if (single != null) {
            return single;
        }
        Num coefficient = Num.ONE;
        Map<Expr, Map<Expr, Num>> powers = new LinkedHashMap<>(); // base -> exponent term -> summed number
        List<Expr> flat = flatten(items, false);
        Budget.spendSorting(flat.size());
        for (Expr e : flat) {
            if (e instanceof Num n) {
                coefficient = coefficient.times(n);
            } else {
                Expr[] be = baseAndExponent(e);
                Expr exp = be[1];
                Num c = exp instanceof Num n ? n : exp instanceof Mul m ? m.coefficient() : Num.ONE;
                Expr term = exp instanceof Num ? Num.ONE : exp instanceof Mul m && !c.isOne() ? withoutCoefficient(m) : exp;
                powers.computeIfAbsent(be[0], b -> new LinkedHashMap<>()).merge(term, c, Num::plus);
            }
        }
        if (coefficient.isZero()) {
            return Num.ZERO;
        }
        List<Expr> factors = new ArrayList<>();
        boolean again = false; // a combined power may itself be a product or a number: sqrt(2)*sqrt(2) = 2
        for (var base : powers.entrySet()) {
            for (var exp : base.getValue().entrySet()) {
                if (exp.getValue().isZero()) {
                    continue; // b**0 = 1
                }
                Expr p = power(base.getKey(), scaled(exp.getValue(), exp.getKey()));
                if (p instanceof Num n) {
                    coefficient = coefficient.times(n);
                } else {
                    again |= p instanceof Mul;
                    factors.add(p);
                }
            }
        }
        if (again) {
            factors.add(coefficient);
            return mul(factors);
        }
        if (factors.isEmpty()) {
            return coefficient;
        }
        if (factors.size() == 1) {
            return scaled(coefficient, factors.getFirst());
        }
        factors.sort(SortKey.ORDER);
        if (!coefficient.isOne()) {
            factors.addFirst(coefficient);
        }
        return new Mul(factors);
    }

    /** A single factor back from (base, exponent) without repeating the work of {@link #pow}. */
    private static Expr power(Expr base, Expr exponent) {
        return exponent instanceof Num n && n.isOne() ? base : pow(base, exponent);
    }

    /** exp(a) is E**a for the purpose of combining: exp(a)*exp(b) = exp(a + b). */
    private static Expr[] baseAndExponent(Expr e) {
        return switch (e) {
            case Pow p -> new Expr[] {p.base(), p.exponent()};
            case Fn f when f.func() == Func.EXP -> new Expr[] {Const.E, f.arg()};
            default -> new Expr[] {e, Num.ONE};
        };
    }

    static Expr pow(Expr base, Expr exponent) {
        if (exponent instanceof Num n) {
            if (n.isZero()) {
                return Num.ONE;
            }
            if (n.isOne()) {
                return base;
            }
        }
        if (base.equals(Const.E)) {
            return fn(Func.EXP, exponent);
        }
        if (base instanceof Num b) {
            Expr folded = numericPower(b, exponent);
            if (folded != null) {
                return folded;
            }
        }
        Expr rewritten = switch (base) {
            case Pow p -> powerOfPower(p, exponent);
            case Mul m -> powerOfProduct(m, exponent);
            case Fn f when f.func() == Func.EXP && isInteger(exponent) -> fn(Func.EXP, mul(List.of(f.arg(), exponent)));
            // variables are real: Abs(x)**2 = x**2
            case Fn f when f.func() == Func.ABS && isInteger(exponent) && isEven((Num) exponent) -> pow(f.arg(), exponent);
            default -> null;
        };
        return rewritten != null ? rewritten : new Pow(base, exponent);
    }

    /** (b**e)**f, combined where that is exact for real b, as SymPy does; null: keep it. */
    private static Expr powerOfPower(Pow p, Expr f) {
        if (!(f instanceof Num) || !(p.exponent() instanceof Num e)) {
            return isInteger(f) ? pow(p.base(), mul(List.of(p.exponent(), f))) : null;
        }
        boolean combine = isInteger(f) // (x**y)**2 = x**(2*y)
                || e.numerator().abs().compareTo(e.denominator()) < 0 // |e| < 1: sqrt(sqrt(y)) = y**(1/4)
                || isPositiveConstant(p.base()); // sqrt(pi**3) = pi**(3/2)
        if (combine) {
            return pow(p.base(), mul(List.of(e, f)));
        }
        // an even power makes the base's sign vanish: sqrt(x**2) = Abs(x), (x**4)**(1/3) = Abs(x)**(4/3)
        return isInteger(e) && isEven(e) ? pow(fn(Func.ABS, p.base()), mul(List.of(e, f))) : null;
    }

    /** (a*b)**n = a**n*b**n for integer n; otherwise only positive constant factors come out: sqrt(4*x/pi) = 2*sqrt(x)/sqrt(pi). */
    private static Expr powerOfProduct(Mul m, Expr exponent) {
        if (isInteger(exponent)) {
            return mul(m.factors().stream().map(f -> pow(f, exponent)).toList());
        }
        List<Expr> out = new ArrayList<>(), in = new ArrayList<>();
        for (Expr f : m.factors()) {
            (isPositiveConstant(f) ? out : in).add(f);
        }
        if (out.isEmpty()) {
            return null;
        }
        List<Expr> factors = new ArrayList<>();
        out.forEach(f -> factors.add(pow(f, exponent)));
        if (!in.isEmpty()) {
            factors.add(pow(mul(in), exponent));
        }
        return mul(factors);
    }

    private static boolean isInteger(Expr e) {
        return e instanceof Num n && n.isInteger();
    }

    private static boolean isEven(Num n) {
        return !n.numerator().testBit(0);
    }

    private static Expr numericPower(Num b, Expr exponent) {
        if (b.isOne()) {
            return Num.ONE;
        }
        if (!(exponent instanceof Num e)) {
            return null;
        }
        if (b.isZero()) {
            if (e.signum() < 0) {
                throw new ArithmeticException("division by zero: 0**" + e);
            }
            return Num.ZERO;
        }
        Num whole = b.pow(e.numerator());
        if (whole == null) {
            return null;
        }
        if (e.isInteger()) {
            return whole;
        }
        Num root = e.denominator().bitLength() < 16 ? whole.root(e.denominator().intValue()) : null;
        return root != null ? root : Radicals.power(b, e);
    }

    static Expr fn(Func func, Expr arg) {
        return Functions.fn(func, arg);
    }

    /** -2*x, -3: a negative coefficient. */
    static boolean hasLeadingMinus(Expr e) {
        return e instanceof Num n && n.signum() < 0 || e instanceof Mul m && m.coefficient().signum() < 0;
    }

    /** A number or constant expression known to be > 0, such as 2, pi, sqrt(2) or exp(3). */
    private static boolean isPositiveConstant(Expr e) {
        return e.variables().isEmpty() && e.eval(Map.of()) > 0;
    }

    static Expr minMax(boolean max, Expr a, Expr b) {
        if (a.equals(b)) {
            return a;
        }
        if (a instanceof Num x && b instanceof Num y) {
            return (x.compareTo(y) >= 0) == max ? x : y;
        }
        return SortKey.ORDER.compare(a, b) <= 0 ? new MinMax(max, a, b) : new MinMax(max, b, a);
    }

    /** Rebuilds any tree (e.g. one made with the record constructors) bottom-up through the factories. */
    static Expr canonical(Expr e) {
        return switch (e) {
            case Num n -> n;
            case Var v -> v;
            case Const c -> c;
            case Add a -> add(a.terms().stream().map(Algebra::canonical).toList());
            case Mul m -> mul(m.factors().stream().map(Algebra::canonical).toList());
            case Pow p -> pow(canonical(p.base()), canonical(p.exponent()));
            case Fn f -> fn(f.func(), canonical(f.arg()));
            case MinMax m -> minMax(m.max(), canonical(m.a()), canonical(m.b()));
        };
    }

    static void collectVariables(Expr e, Collection<String> names) {
        switch (e) {
            case Var v -> names.add(v.name());
            case Num n -> {}
            case Const c -> {}
            case Add a -> a.terms().forEach(t -> collectVariables(t, names));
            case Mul m -> m.factors().forEach(f -> collectVariables(f, names));
            case Pow p -> {
                collectVariables(p.base(), names);
                collectVariables(p.exponent(), names);
            }
            case Fn f -> collectVariables(f.arg(), names);
            case MinMax m -> {
                collectVariables(m.a(), names);
                collectVariables(m.b(), names);
            }
        }
    }
}
