package jgrad.optimize;

import java.util.Locale;

/**
 * When a descent has diverged, one rule for formulas ({@link GradientDescent}) and for training
 * ({@code jgrad.train.DivergenceCheck}): the value became infinite or NaN, or it rose above its start by
 * more than {@link #FACTOR} times the scale of the run, max(1, |start|, |lowest value so far|). Descent with
 * a workable rate never climbs like that; with too large a rate the value grows geometrically, so the rule
 * stops it a few steps in, where waiting for overflow printed hundreds of huge values. The scale includes
 * the lowest value so that overshooting out of a deep valley (momentum) is not taken for divergence; the
 * floor of 1 keeps a start at 0 from tripping on any rise.
 */
public final class Divergence {
    public static final double FACTOR = 1e6;

    private Divergence() {}

    /** Whether {@code value}, after a run that started at {@code start} and got as low as {@code lowest}, says it diverged. */
    public static boolean diverged(double start, double lowest, double value) {
        if (!Double.isFinite(value)) return true;
        double scale = Math.max(1, Math.max(Math.abs(start), Math.abs(lowest)));
        return value - start > FACTOR * scale;
    }

    /** A value for people: six significant digits, no trailing zeros (2.08512e+10, 16, Infinity). */
    public static String shown(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + (e < 0 ? "" : s.substring(e));
    }
}
