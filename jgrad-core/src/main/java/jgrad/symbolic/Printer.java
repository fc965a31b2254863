package jgrad.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * SymPy's {@code StrPrinter}: {@code 4*x**3 - 9*x**2}, {@code 3*(x + 3)**2}, {@code x/2},
 * {@code 1/(2*sqrt(x))}. Parentheses only where precedence needs them.
 */
final class Printer {
    private Printer() {}

    // SymPy's PRECEDENCE table
    private static final int ADD = 40, MUL = 50, POW = 60, FUNC = 70, ATOM = 1000;

    static String print(Expr e) {
        return switch (e) {
            case Num n -> scientific(n) != null ? scientific(n)
                    : n.isInteger() ? n.numerator().toString() : n.numerator() + "/" + n.denominator();
            case Var v -> v.name();
            case Const c -> c.name();
            case Add a -> printAdd(a);
            case Mul m -> printMul(m);
            case Pow p -> printPow(p);
            case Fn f -> f.func().printName() + "(" + print(f.arg()) + ")";
            case MinMax m -> m.name() + "(" + print(m.a()) + ", " + print(m.b()) + ")";
        };
    }

    static int precedence(Expr e) {
        return switch (e) {
            case Num n -> n.signum() < 0 ? ADD : n.isInteger() || scientific(n) != null ? ATOM : MUL;
            case Add a -> ADD;
            case Mul m -> m.coefficient().signum() < 0 ? ADD : MUL;
            case Pow p -> POW;
            case Fn f -> FUNC;
            default -> ATOM;
        };
    }

    /** Parenthesised when its precedence is at most {@code level} (SymPy's non-strict parenthesize). */
    private static String paren(Expr e, int level) {
        return precedence(e) <= level ? "(" + print(e) + ")" : print(e);
    }

    /** From 10^20 up and below 10^-19, with at most 15 significant digits: in scientific notation. */
    private static final int SCIENTIFIC_FROM = 20, FLOAT_DIGITS = 15;

    /**
     * A very large or very small number with few significant digits (as typed: {@code 1e999}, {@code 2.5e-30})
     * in scientific notation as SymPy prints such a Float, {@code 1.0e+999}, {@code 2.5e-30}, instead of a
     * thousand zeros; exact all the same, it reads back as the same number. Null for every other number,
     * which prints as SymPy prints integers and fractions ({@code 3628800}, {@code 1/1000}).
     */
    static String scientific(Num n) {
        BigInteger p = n.numerator().abs(), q = n.denominator();
        if (p.signum() == 0 || p.bitLength() < 60 && q.bitLength() < 60) { // between 1e-18 and 1e18: the common case
            return null;
        }
        int twos = q.getLowestSetBit(); // q must be 2^a*5^b: a terminating decimal
        BigInteger fives = q.shiftRight(twos);
        int k = 0;
        for (BigInteger five = BigInteger.valueOf(5); fives.compareTo(BigInteger.ONE) > 0; k++) {
            BigInteger[] qr = fives.divideAndRemainder(five);
            if (qr[1].signum() != 0 || k > Limits.MAX_DIGITS) {
                return null;
            }
            fives = qr[0];
        }
        int shift = Math.max(twos, k); // |n| = m * 10^-shift with m an integer
        BigInteger m = p.multiply(BigInteger.TEN.pow(shift)).divide(q);
        String digits = m.toString();
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        int exponent = digits.length() - 1 - shift; // of the leading digit
        if (end > FLOAT_DIGITS || Math.abs(exponent) < SCIENTIFIC_FROM) {
            return null;
        }
        String fraction = end == 1 ? "0" : digits.substring(1, end);
        return (n.signum() < 0 ? "-" : "") + digits.charAt(0) + "." + fraction + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    private static String printAdd(Add a) {
        StringBuilder sb = new StringBuilder();
        for (Expr term : SortKey.printOrder(a)) {
            String t = print(term);
            boolean minus = t.startsWith("-");
            if (sb.isEmpty()) {
                sb.append(t);
            } else {
                sb.append(minus ? " - " : " + ").append(minus ? t.substring(1) : t);
            }
        }
        return sb.toString();
    }

    private static String printMul(Mul m) {
        List<Expr> factors = m.factors();
        String sign = "";
        Num c = m.coefficient();
        if (c.signum() < 0) {
            sign = "-";
            List<Expr> rest = new ArrayList<>(factors.subList(1, factors.size()));
            if (!c.negate().isOne()) {
                rest.addFirst(c.negate());
            }
            factors = rest;
        }
        List<Expr> numerator = new ArrayList<>(), denominator = new ArrayList<>();
        for (Expr f : factors) {
            if (f instanceof Pow p && p.exponent() instanceof Num e && e.signum() < 0) {
                denominator.add(e.equals(Num.MINUS_ONE) ? p.base() : new Pow(p.base(), e.negate()));
            } else if (f instanceof Num n && scientific(n) != null) {
                numerator.add(n); // 1.0e-20*x, as SymPy prints a Float coefficient
            } else if (f instanceof Num n) {
                if (!n.numerator().equals(BigInteger.ONE)) {
                    numerator.add(new Num(n.numerator(), BigInteger.ONE));
                }
                if (!n.isInteger()) {
                    denominator.add(new Num(n.denominator(), BigInteger.ONE));
                }
            } else {
                numerator.add(f);
            }
        }
        String num = numerator.isEmpty() ? "1" : join(numerator);
        if (denominator.isEmpty()) {
            return sign + num;
        }
        String den = denominator.size() == 1 ? paren(denominator.getFirst(), MUL) : "(" + join(denominator) + ")";
        return sign + num + "/" + den;
    }

    private static String join(List<Expr> factors) {
        return factors.stream().map(f -> paren(f, MUL)).collect(Collectors.joining("*"));
    }

    private static String printPow(Pow p) {
        if (p.exponent().equals(Num.HALF)) {
            return "sqrt(" + print(p.base()) + ")";
        }
        if (p.exponent().equals(Num.HALF.negate())) {
            return "1/sqrt(" + print(p.base()) + ")";
        }
        if (p.exponent().equals(Num.MINUS_ONE)) {
            return "1/" + paren(p.base(), POW);
        }
        return paren(p.base(), POW) + "**" + paren(p.exponent(), POW);
    }
}
