package jgrad.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact rational number p/q, always in lowest terms with q > 0. Exact, like SymPy's Rational,
 * so that {@code x/2 + x/2} is {@code x} and {@code 0.1} prints as typed-in maths, not as a binary fraction.
 */
public record Num(BigInteger numerator, BigInteger denominator) implements Expr, Comparable<Num> {
    public static final Num ZERO = of(0), ONE = of(1), MINUS_ONE = of(-1), TWO = of(2), HALF = of(1, 2);

    public Num {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        // products of numbers within the limit stay below twice its bits; beyond, not even the gcd is worth taking
        if (numerator.bitLength() > 2 * Limits.MAX_BITS + 1 || denominator.bitLength() > 2 * Limits.MAX_BITS + 1) {
            throw Limits.tooManyDigits("", "a number in the result", digits(numerator.abs().max(denominator)));
        }
        BigInteger g = denominator.equals(BigInteger.ONE) ? BigInteger.ONE : numerator.gcd(denominator); // integers: the common case
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            numerator = numerator.divide(g);
            denominator = denominator.divide(g);
        }
        if (numerator.bitLength() > Limits.MAX_BITS || denominator.bitLength() > Limits.MAX_BITS) {
            throw Limits.tooManyDigits("", "a number in the result", digits(numerator.abs().max(denominator)));
        }
    }

    /** Decimal digits of v > 0, to within one: for messages. */
    private static long digits(BigInteger v) {
        return (long) Math.floor((v.bitLength() - 1) * Math.log10(2)) + 1;
    }

    public static Num of(long value) {
        return new Num(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public static Num of(long numerator, long denominator) {
        return new Num(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /**
     * The exact value of a decimal literal: {@code 1e-3} is 1/1000, {@code .5} is 1/2. The size is checked on
     * the text, before any arithmetic: {@code 1e9999999} would be ten million digits.
     *
     * @throws NumberFormatException when it is no decimal number
     * @throws LimitException when it has more than {@link Limits#MAX_DIGITS} digits (as an exact fraction)
     */
    public static Num parse(String decimal) {
        return parse(decimal, "");
    }

    /** @param where for messages: "" or " at column 3" */
    static Num parse(String decimal, String where) {
        if ((decimal.startsWith("-") || decimal.startsWith("+")) && !decimal.startsWith("-", 1) && !decimal.startsWith("+", 1)) {
            Num n = parse(decimal.substring(1), where);
            return decimal.startsWith("-") ? n.negate() : n;
        }
        int e = Math.max(decimal.indexOf('e'), decimal.indexOf('E'));
        String mantissa = e < 0 ? decimal : decimal.substring(0, e);
        int point = mantissa.indexOf('.');
        String digits = point < 0 ? mantissa : mantissa.substring(0, point) + mantissa.substring(point + 1);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || mantissa.indexOf('.', point + 1) > 0) {
            throw new NumberFormatException("not a decimal number: " + decimal);
        }
        int first = 0, end = digits.length();
        while (first < end && digits.charAt(first) == '0') first++;
        if (first == end) {
            return ZERO;
        }
        long scale = point < 0 ? 0 : mantissa.length() - point - 1; // value = digits * 10^-scale
        while (digits.charAt(end - 1) == '0') {
            end--;
            scale--;
        }
        scale -= exponent(decimal, e, where);
        long significant = end - first, wholeDigits = significant - scale;
        if (significant > Limits.MAX_DIGITS || wholeDigits > Limits.MAX_DIGITS || scale > Limits.MAX_DIGITS) {
            throw Limits.tooManyDigits(where, "'" + decimal + "'", Math.max(Math.max(significant, wholeDigits), scale));
        }
        BigInteger m = new BigInteger(digits.substring(first, end));
        return scale <= 0 ? new Num(m.multiply(BigInteger.TEN.pow((int) -scale)), BigInteger.ONE)
                : new Num(m, BigInteger.TEN.pow((int) scale));
    }

    /** The exponent after {@code e}; one of more than ten digits is beyond any limit (and a long once scaled). */
    private static long exponent(String decimal, int e, String where) {
        if (e < 0) {
            return 0;
        }
        String text = decimal.substring(e + 1);
        String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw new NumberFormatException("not a decimal number: " + decimal);
        }
        int zeros = 0;
        while (zeros < digits.length() - 1 && digits.charAt(zeros) == '0') zeros++;
        digits = digits.substring(zeros);
        if (digits.length() > 10) {
            throw Limits.tooManyDigits(where, "'" + decimal + "'", -1);
        }
        return text.startsWith("-") ? -Long.parseLong(digits) : Long.parseLong(digits);
    }

    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    public boolean isZero() {
        return numerator.signum() == 0;
    }

    public boolean isOne() {
        return isInteger() && numerator.equals(BigInteger.ONE);
    }

    public int signum() {
        return numerator.signum();
    }

    public Num plus(Num o) {
        if (isInteger() && o.isInteger()) {
            return new Num(numerator.add(o.numerator), BigInteger.ONE);
        }
        return new Num(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                denominator.multiply(o.denominator));
    }

    public Num times(Num o) {
        return new Num(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    public Num negate() {
        return new Num(numerator.negate(), denominator);
    }

    public Num reciprocal() {
        return new Num(denominator, numerator);
    }

    /** This to an integer power; null when the result would pass {@link Limits#MAX_DIGITS} (then the caller keeps b**n). */
    Num pow(BigInteger exponent) {
        BigInteger larger = numerator.abs().max(denominator);
        double log2 = larger.bitLength() > 1000 ? larger.bitLength() : Math.log(larger.doubleValue()) / Math.log(2);
        if (exponent.bitLength() > 31 || Math.abs(exponent.doubleValue()) * log2 > Limits.MAX_BITS - 1) {
            return null;
        }
        int e = exponent.intValue();
        Num base = e < 0 ? reciprocal() : this;
        int n = Math.abs(e);
        return new Num(base.numerator.pow(n), base.denominator.pow(n));
    }

    /** The exact q-th root when there is one (e.g. sqrt(9/4) = 3/2), else null. */
    Num root(int q) {
        if (signum() < 0) { // (-8)**(1/3) is complex in SymPy and NaN in Math.pow: leave it alone
            return null;
        }
        BigInteger p = exactRoot(numerator, q), d = exactRoot(denominator, q);
        return p == null || d == null ? null : new Num(p, d);
    }

    private static BigInteger exactRoot(BigInteger v, int q) {
        if (v.bitLength() > 1000) {
            return null;
        }
        BigInteger r = q == 2 ? v.sqrt() : BigDecimal.valueOf(Math.round(Math.pow(v.doubleValue(), 1.0 / q))).toBigInteger();
        return r.pow(q).equals(v) ? r : null;
    }

    public double doubleValue() {
        if (isInteger()) {
            return numerator.doubleValue();
        }
        if (numerator.bitLength() < 53 && denominator.bitLength() < 53) {
            return numerator.doubleValue() / denominator.doubleValue(); // both exact: one correctly rounded division
        }
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), java.math.MathContext.DECIMAL128).doubleValue();
    }

    @Override
    public int compareTo(Num o) {
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
