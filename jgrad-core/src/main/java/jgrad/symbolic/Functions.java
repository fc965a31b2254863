package jgrad.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact values and identities SymPy applies when it builds a function: sin(0) = 0, exp(log(x)) = x,
 * log(1/2) = -log(2), sin(-x) = -sin(x), cos(x + pi) = -cos(x), sin(x - 3*pi/2) = cos(x).
 */
final class Functions {
    private Functions() {}

    static Expr fn(Func func, Expr arg) {
        Expr special = specialValue(func, arg);
        if (special != null) {
            return special;
        }
        if ((func.isOdd() || func.isEven()) && couldExtractMinusSign(arg)) {
            Expr f = fn(func, Expr.neg(arg));
            return func.isOdd() ? Expr.neg(f) : f;
        }
        Expr shifted = func == Func.SIN || func == Func.COS || func == Func.TAN ? peelOffPi(func, arg) : null;
        return shifted != null ? shifted : new Fn(func, arg);
    }

    private static Expr specialValue(Func func, Expr arg) {
        boolean zero = arg instanceof Num n && n.isZero();
        return switch (func) {
            case SIN, TAN, TANH -> zero ? Num.ZERO : null;
            case SIGN -> arg instanceof Num n ? Num.of(n.signum()) : null;
            case COS -> zero ? Num.ONE : null;
            case EXP -> zero ? Num.ONE : logsOut(arg);
            case LOG -> arg instanceof Num n && n.isOne() ? Num.ZERO
                    : arg instanceof Num n && n.signum() > 0 && n.numerator().equals(java.math.BigInteger.ONE)
                            ? Expr.neg(fn(Func.LOG, n.reciprocal())) // log(1/2) = -log(2)
                    : arg.equals(Const.E) ? Num.ONE
                    : arg instanceof Fn f && f.func() == Func.EXP ? f.arg() // variables are real: log(exp(x)) = x
                    : null;
            case ABS -> arg instanceof Num n ? (n.signum() < 0 ? n.negate() : n) : null;
            case SIGMOID, HEAVISIDE -> zero ? Num.HALF : null;
        };
    }

    /** exp(a + c*log(u)) = u**c*exp(a), for numbers c: exp(log(x)) = x, exp(x*y + log(x)) = x*exp(x*y). */
    private static Expr logsOut(Expr arg) {
        List<Expr> outside = new ArrayList<>(), inside = new ArrayList<>();
        for (Expr t : arg instanceof Add a ? a.terms() : List.of(arg)) {
            if (t instanceof Fn f && f.func() == Func.LOG) {
                outside.add(f.arg());
            } else if (t instanceof Mul m && m.factors().size() == 2 && m.factors().get(1) instanceof Fn f && f.func() == Func.LOG) {
                outside.add(Expr.pow(f.arg(), m.coefficient()));
            } else {
                inside.add(t);
            }
        }
        if (outside.isEmpty()) {
            return null;
        }
        outside.add(fn(Func.EXP, Expr.add(inside)));
        return Expr.mul(outside);
    }

    /**
     * SymPy's {@code could_extract_minus_sign}: -x, -3, and sums with more negative than positive terms;
     * on a tie the one of {@code e}, {@code -e} that sorts first keeps its sign (x - 1, not 1 - x).
     */
    static boolean couldExtractMinusSign(Expr e) {
        return switch (e) {
            case Num n -> n.signum() < 0;
            case Mul m -> m.coefficient().signum() < 0;
            case Add a -> {
                long negative = a.terms().stream().filter(Functions::couldExtractMinusSign).count();
                long positive = a.terms().size() - negative;
                yield positive != negative ? negative > positive : SortKey.ORDER.compare(e, Expr.neg(e)) < 0;
            }
            default -> false;
        };
    }

    /** SymPy's {@code _peeloff_pi}: sin(u + k*pi/2) in terms of sin(u) or cos(u); tan only for whole multiples of pi. */
    private static Expr peelOffPi(Func func, Expr arg) {
        Num c = Num.ZERO;
        List<Expr> rest = new ArrayList<>();
        for (Expr t : arg instanceof Add a ? a.terms() : List.of(arg)) {
            Num k = t.equals(Const.PI) ? Num.ONE
                    : t instanceof Mul m && m.factors().size() == 2 && m.factors().get(1).equals(Const.PI) ? m.coefficient() : null;
            if (k == null) {
                rest.add(t);
            } else {
                c = c.plus(k);
            }
        }
        if (c.isZero() || c.numerator().bitLength() > 60 || c.denominator().bitLength() > 60) {
            return null;
        }
        long j = Math.floorDiv(2 * c.numerator().longValue(), c.denominator().longValue()); // c*pi = j*pi/2 + rest
        if (j == 0 || func == Func.TAN && j % 2 != 0) {
            return null;
        }
        rest.add(Expr.mul(c.plus(Num.of(-j, 2)), Const.PI));
        Expr u = Expr.add(rest);
        // j = 2k: sin, cos change sign when k is odd, tan never; j = 2h + 1: sin(u + pi/2 + h*pi) = (-1)^h cos(u),
        // cos(u + pi/2 + h*pi) = -(-1)^h sin(u)
        boolean odd = Math.floorMod(Math.floorDiv(j, 2), 2) == 1;
        Expr value = j % 2 == 0 ? fn(func, u) : func == Func.SIN ? fn(Func.COS, u) : Expr.neg(fn(Func.SIN, u));
        return odd && func != Func.TAN ? Expr.neg(value) : value;
    }
}
