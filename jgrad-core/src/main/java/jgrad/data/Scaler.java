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
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, flat, i * d, d);
        return fit(method, flat, scaled);
    }

    /**
     * The same for rows laid out one after another in {@code data}, {@code scaled.length} numbers each; read
     * row by row (the sums of each column in row order, as above) so that a big table streams through memory twice.
     */
    public static Scaler fit(Method method, double[] data, boolean[] scaled) {
        int d = scaled.length, n = d == 0 ? 0 : data.length / d;
        double[] offset = new double[d], scale = new double[d], lo = new double[d], hi = new double[d], mean = new double[d], var = new double[d];
        java.util.Arrays.fill(scale, 1);
        if (method == Method.NONE || n == 0) return new Scaler(method, offset, scale);
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int at = 0; at < data.length; at += d) {
            for (int j = 0; j < d; j++) {
                lo[j] = Math.min(lo[j], data[at + j]);
                hi[j] = Math.max(hi[j], data[at + j]);
                mean[j] += data[at + j];
            }
        }
        for (int j = 0; j < d; j++) mean[j] /= n;
        if (method == Method.STANDARD) {
            for (int at = 0; at < data.length; at += d) for (int j = 0; j < d; j++) var[j] += (data[at + j] - mean[j]) * (data[at + j] - mean[j]);
        }
        for (int j = 0; j < d; j++) {
            if (!scaled[j]) continue;
            if (method == Method.STANDARD) {
                double sd = Math.sqrt(var[j] / n);
                offset[j] = mean[j];
                scale[j] = sd > 0 ? sd : 1;
            } else {
                offset[j] = lo[j];
                scale[j] = hi[j] > lo[j] ? hi[j] - lo[j] : 1;
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
            out[i] = transformInPlace(rows[i].clone());
        }
        return out;
    }

    /**
     * {@code (x − offset) / scale} in place on rows laid out one after another in {@code data}, {@code offset().length}
     * numbers each (a big table's rows are not copied); returns {@code data}.
     */
    public double[] transformInPlace(double[] data) {
        int d = offset.length;
        if (d == 0 ? data.length != 0 : data.length % d != 0) {
            throw new IllegalArgumentException("scaler: " + data.length + " values are not rows of " + d);
        }
        for (int at = 0; at < data.length; at += d) for (int j = 0; j < d; j++) data[at + j] = (data[at + j] - offset[j]) / scale[j];
        return data;
    }
}
