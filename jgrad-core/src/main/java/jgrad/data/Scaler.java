package jgrad.data;

/**
 * Per-column affine scaling {@code x' = (x − offset) / scale}, fitted on training rows only so that
 * nothing about the validation and test rows leaks into the model.
 *
 * <p>Standardisation (offset = mean, scale = standard deviation) suits gradient descent best:
 * every input has the same spread, so one learning rate fits all weights. Min-max maps the
 * training range to [0, 1]. A constant column gets scale 1 instead of a division by zero.
 */
public record Scaler(Method method, double[] offset, double[] scale) {

    public enum Method { STANDARD, MINMAX, NONE }

    public Scaler {
        if (offset.length != scale.length) {
            throw new IllegalArgumentException("scaler: " + offset.length + " offsets but " + scale.length + " scales");
        }
        for (double s : scale) {
            if (!(s > 0) || !Double.isFinite(s)) throw new IllegalArgumentException("scaler: scale must be positive and finite, got " + s);
        }
    }

    /**
     * Fits on {@code rows}; columns with {@code scaled[j] == false} (one-hot indicators, say) are left as they are.
     */
    public static Scaler fit(Method method, double[][] rows, boolean[] scaled) {
        int d = scaled.length;
        double[] offset = new double[d], scale = new double[d];
        java.util.Arrays.fill(scale, 1);
        for (int j = 0; j < d; j++) {
            if (!scaled[j] || method == Method.NONE || rows.length == 0) continue;
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, mean = 0;
            for (double[] r : rows) {
                lo = Math.min(lo, r[j]);
                hi = Math.max(hi, r[j]);
                mean += r[j];
            }
            mean /= rows.length;
            if (method == Method.STANDARD) {
                double var = 0;
                for (double[] r : rows) var += (r[j] - mean) * (r[j] - mean);
                double sd = Math.sqrt(var / rows.length);
                offset[j] = mean;
                scale[j] = sd > 0 ? sd : 1;
            } else {
                offset[j] = lo;
                scale[j] = hi > lo ? hi - lo : 1;
            }
        }
        return new Scaler(method, offset, scale);
    }

    public double[][] transform(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != offset.length) {
                throw new IllegalArgumentException("scaler: row " + i + " has " + rows[i].length + " values, expected " + offset.length);
            }
            out[i] = new double[offset.length];
            for (int j = 0; j < offset.length; j++) out[i][j] = (rows[i][j] - offset[j]) / scale[j];
        }
        return out;
    }
}
