package jgrad.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Python's number formatting, so traces read exactly as the seeds print them. Python's
 * {@code {:.4f}} rounds the exact binary value half-to-even (Java's {@code %.4f} rounds half-up
 * from the decimal string: 0.28125 would print 0.2813 instead of 0.2812).
 */
public final class PyFormat {
    private PyFormat() {}

    /** {@code f"{x:.Nf}"}; {@code spaceSign} gives {@code f"{x: .Nf}"} (a space where the minus would go). */
    public static String fixed(double x, int decimals, boolean spaceSign) {
        if (Double.isNaN(x)) return spaceSign ? " nan" : "nan";
        if (Double.isInfinite(x)) return (x > 0 ? (spaceSign ? " " : "") : "-") + "inf";
        String digits = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).abs().toPlainString();
        boolean negative = x < 0 || (x == 0 && 1 / x < 0);
        return (negative ? "-" : spaceSign ? " " : "") + digits;
    }

    public static String fixed4(double x) {
        return fixed(x, 4, false);
    }

    /** Python's {@code repr(float)}: the shortest string that reads back as the same double. */
    public static String repr(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == Math.rint(x) && Math.abs(x) < 1e16) return (long) x + ".0";
        String s = Double.toString(x); // shortest round-trip digits since JDK 19
        int e = s.indexOf('E');
        if (e < 0) return s;
        // Java: 1.2345E-5 / 1.0E20; Python: 1.2345e-05 / 1e+20
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        int exp = Integer.parseInt(s.substring(e + 1));
        if (exp >= -4 && exp < 16) return new BigDecimal(s).toPlainString();
        return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
}
