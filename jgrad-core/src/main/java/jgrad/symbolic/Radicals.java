package jgrad.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Rational powers of positive rationals, written as SymPy writes them: perfect powers taken out and
 * denominators made rational: sqrt(8) = 2*sqrt(2), 2**(-1/2) = sqrt(2)/2, sqrt(13/2) = sqrt(26)/2.
 */
final class Radicals {
    private Radicals() {}

    /** b**e for b > 0 and a non-integer e; null when nothing simplifies (then b**e stays as it is). */
    static Expr power(Num b, Num e) {
        if (b.signum() <= 0 || e.denominator().bitLength() > 8) {
            return null;
        }
        int q = e.denominator().intValue();
        BigInteger p = e.numerator();
        BigInteger whole = p.compareTo(BigInteger.ZERO) >= 0 ? p.divide(e.denominator())
                : p.subtract(e.denominator()).add(BigInteger.ONE).divide(e.denominator()); // floor(p/q)
        int r = p.subtract(whole.multiply(e.denominator())).intValue(); // 0 < r < q
        Num coefficient = b.pow(whole);
        BigInteger[] num = perfectPower(b.numerator(), q), den = perfectPower(b.denominator(), q);
        if (coefficient == null || num == null || den == null) {
            return null;
        }
        // (n/d)**(r/q) = n**(r/q) * d**((q - r)/q) / d
        boolean unchanged = whole.signum() == 0 && b.isInteger() && num[0].equals(BigInteger.ONE);
        if (unchanged) {
            return null;
        }
        coefficient = coefficient.times(new Num(num[0].pow(r).multiply(den[0].pow(q - r)), b.denominator()));
        List<Expr> factors = new ArrayList<>();
        factors.add(coefficient);
        if (2 * r == q && !num[1].equals(BigInteger.ONE) && !den[1].equals(BigInteger.ONE)) {
            factors.add(Expr.pow(new Num(num[1].multiply(den[1]), BigInteger.ONE), Num.HALF)); // sqrt(13)*sqrt(2) = sqrt(26)
        } else {
            factors.add(Expr.pow(new Num(num[1], BigInteger.ONE), Num.of(r, q)));
            factors.add(Expr.pow(new Num(den[1], BigInteger.ONE), Num.of(q - r, q)));
        }
        return Expr.mul(factors);
    }

    /** m = a**q * rest with rest free of q-th powers: {a, rest}; null when m is too large to factor quickly. */
    private static BigInteger[] perfectPower(BigInteger m, int q) {
        if (m.bitLength() > 40) {
            return null;
        }
        long rest = m.longValue(), a = 1;
        for (long f = 2; pow(f, q) <= rest; f++) {
            long fq = pow(f, q);
            while (rest % fq == 0) {
                rest /= fq;
                a *= f;
            }
        }
        return new BigInteger[] {BigInteger.valueOf(a), BigInteger.valueOf(rest)};
    }

    private static long pow(long f, int q) {
        long r = 1;
        for (int i = 0; i < q && r <= (1L << 41); i++) {
            r *= f;
        }
        return r;
    }
}
