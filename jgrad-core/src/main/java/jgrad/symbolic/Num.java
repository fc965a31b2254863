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
        BigInteger g = denominator.equals(BigInteger.ONE) ? BigInteger.ONE : numerator.gcd(denominator); // integers: the common case
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            numerator = numerator.divide(g);
            denominator = denominator.divide(g);
        }
    }

    public static Num of(long value) {
        return new Num(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public static Num of(long numerator, long denominator) {
        return new Num(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /** The exact value of a decimal literal: {@code 1e-3} is 1/1000, {@code .5} is 1/2. */
    public static Num parse(String decimal) {
        BigDecimal d = new BigDecimal(decimal);
        return d.scale() <= 0
                ? new Num(d.toBigIntegerExact(), BigInteger.ONE)
                : new Num(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
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

    /** This to an integer power; null when the result would be absurdly large (then the caller keeps x**n). */
    Num pow(BigInteger exponent) {
        if (exponent.bitLength() > 16 || (long) Math.abs(exponent.intValue()) * numerator.abs().max(denominator).bitLength() > 1_000_000) {
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
