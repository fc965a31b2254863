package jgrad.symbolic;

import static jgrad.symbolic.Expr.add;
import static jgrad.symbolic.Expr.fn;
import static jgrad.symbolic.Expr.mul;
import static jgrad.symbolic.Expr.pow;

import java.util.ArrayList;
import java.util.List;

/** The rules of differentiation: sum, product, power and chain rule; each function's own rule is in {@link Func}. */
final class Derivative {
    private Derivative() {}

    /** Zero derivatives are found on the way (d/dx y = 0 and 0 annihilates products), without searching for x first. */
    static Expr of(Expr e, String x) {
        Budget.spend(1);
        return switch (e) {
            case Num n -> Num.ZERO;
            case Const c -> Num.ZERO;
            case Var v -> v.name().equals(x) ? Num.ONE : Num.ZERO;
            case Add a -> {
                Terms terms = new Terms(a.terms().size());
                a.terms().forEach(t -> terms.add(of(t, x)));
                yield add(terms.list);
            }
            case Mul m -> product(m.factors(), x);
            case Pow p -> power(p.base(), p.exponent(), x);
            case Fn f -> {
                Expr inner = of(f.arg(), x);
                yield inner.equals(Num.ZERO) ? Num.ZERO : mul(f.func().derivative(f.arg()), inner);
            }
            case MinMax m when !m.contains(x) -> Num.ZERO;
            case MinMax m -> {
                // d Max(a, b) = H(a - b)*a' + H(b - a)*b', with H(0) = 1/2 where both are equal
                Expr aWins = fn(Func.HEAVISIDE, Expr.sub(m.a(), m.b()));
                Expr bWins = fn(Func.HEAVISIDE, Expr.sub(m.b(), m.a()));
                yield add(mul(m.max() ? aWins : bWins, of(m.a(), x)), mul(m.max() ? bWins : aWins, of(m.b(), x)));
            }
        };
    }

    /**
     * (f*g*h)' = f'*g*h + f*g'*h + f*g*h', each product multiplied from the left one factor at a time as
     * SymPy does: a number times a sum is distributed at each step, so the result prints as SymPy's.
     */
    private static Expr product(List<Expr> factors, String x) {
        Terms terms = new Terms(factors.size());
        for (int i = 0; i < factors.size(); i++) {
            Expr d = of(factors.get(i), x);
            if (!d.equals(Num.ZERO)) {
                Product t = new Product(Num.ONE);
                for (int j = 0; j < factors.size(); j++) {
                    t.times(j == i ? d : factors.get(j));
                }
                terms.add(t.result());
            }
        }
        return add(terms.list);
    }

    /**
     * The terms of a derivative, their size checked as they come, before like terms are collected: a sum too
     * large stops at once, not after it was built (tan(x) differentiated 12 times took 0.5 s more that way).
     */
    private static final class Terms {
        final List<Expr> list;
        long nodes = 1;

        Terms(int expected) {
            list = new ArrayList<>(expected);
        }

        void add(Expr term) {
            nodes = Nodes.check(nodes + Nodes.of(term));
            list.add(term);
        }
    }

    /** SymPy's rule: (u**v)' = u**v*(v'*log(u) + u'*v/u), in SymPy's order of operations; (x**3)' = 3*x**2. */
    private static Expr power(Expr base, Expr exponent, String x) {
        Expr dExponent = of(exponent, x), dBase = of(base, x);
        if (dExponent.equals(Num.ZERO) && dBase.equals(Num.ZERO)) {
            return Num.ZERO;
        }
        Expr fromExponent = dExponent.equals(Num.ZERO) ? Num.ZERO : mul(dExponent, fn(Func.LOG, base));
        Expr fromBase = dBase.equals(Num.ZERO) ? Num.ZERO : mul(mul(dBase, exponent), pow(base, Num.MINUS_ONE));
        return mul(pow(base, exponent), add(fromExponent, fromBase));
    }
}
