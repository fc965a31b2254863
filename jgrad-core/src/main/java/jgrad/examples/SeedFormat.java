package jgrad.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.StringJoiner;

/** The seeds' Python number formats, reproduced exactly in Java. */
public final class SeedFormat {
    private SeedFormat() {}

    /**
     * Python's {@code f"{x:.Nf}"}, or {@code f"{x: .Nf}"} with {@code spaceSign} (a space where a minus would go):
     * rounding half to even on the exact binary value (Java's %.4f rounds the decimal digits half up:
     * 0.28125 prints 0.2813 instead of Python's 0.2812).
     */
    public static String fixed(double x, int decimals, boolean spaceSign) {
        boolean negative = x < 0 || x == 0 && 1 / x < 0; // Python prints -0.0 as -0.0000
        String sign = negative ? "-" : spaceSign ? " " : "";
        if (Double.isNaN(x)) {
            return (spaceSign ? " " : "") + "nan";
        }
        if (Double.isInfinite(x)) {
            return sign + "inf";
        }
        return sign + new BigDecimal(Math.abs(x)).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Python's {@code f"{x: .4f}"}, the seeds' iteration lines. */
    public static String fixed4(double x) {
        return fixed(x, 4, true);
    }

    /** Python's {@code repr(float)}: the shortest digits that read back to x, e.g. 4.0, 1e-05, 2.2500325268933734. */
    public static String repr(double x) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros(); // Java 19+: shortest digits
        String digits = d.unscaledValue().toString();
        int exponent = digits.length() - 1 - d.scale(); // x = d.ddd * 10^exponent
        String sign = x < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = d.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    /** {@code Iteration 1: x =  2.4000, y =  0.8000, f(x, y) =  7.6800}, the seed's progress line. */
    public static String iterationLine(int iteration, List<String> variables, double[] point, double value) {
        StringJoiner line = new StringJoiner(", ", "Iteration " + iteration + ": ", "");
        for (int i = 0; i < variables.size(); i++) {
            line.add(variables.get(i) + " = " + fixed4(point[i]));
        }
        line.add("f(" + String.join(", ", variables) + ") = " + fixed4(value));
        return line.toString();
    }
}
