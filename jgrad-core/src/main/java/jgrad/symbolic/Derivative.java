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

    static Expr of(Expr e, String x) {
        if (!e.contains(x)) {
            return Num.ZERO;
        }
        return switch (e) {
            case Num n -> Num.ZERO;
            case Const c -> Num.ZERO;
            case Var v -> Num.ONE; // contains(x) above: v is x
            case Add a -> add(a.terms().stream().map(t -> of(t, x)).toList());
            case Mul m -> product(m.factors(), x);
            case Pow p -> power(p.base(), p.exponent(), x);
            case Fn f -> mul(f.func().derivative(f.arg()), of(f.arg(), x));
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
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) {
            if (factors.get(i).contains(x)) {
                Expr t = Num.ONE;
                for (int j = 0; j < factors.size(); j++) {
                    t = mul(t, j == i ? of(factors.get(j), x) : factors.get(j));
                }
                terms.add(t);
            }
        }
        return add(terms);
    }

    /** SymPy's rule: (u**v)' = u**v*(v'*log(u) + u'*v/u), in SymPy's order of operations; (x**3)' = 3*x**2. */
    private static Expr power(Expr base, Expr exponent, String x) {
        Expr fromExponent = exponent.contains(x) ? mul(of(exponent, x), fn(Func.LOG, base)) : Num.ZERO;
        Expr fromBase = base.contains(x) ? mul(mul(of(base, x), exponent), pow(base, Num.MINUS_ONE)) : Num.ZERO;
        return mul(pow(base, exponent), add(fromExponent, fromBase));
    }
}
