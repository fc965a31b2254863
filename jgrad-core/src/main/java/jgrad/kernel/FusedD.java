// GENERATED from FusedF.java by jgrad-core/gen-float64.sh: edit that file and rerun the script.
package jgrad.kernel;

import jgrad.function.Activation;

/**
 * float64 kernels around the matrix products of a dense layer, on row-major [rows×cols] buffers, in
 * place, allocation-free: bias + activation, bias gradients, softmax cross-entropy, the SGD update. Plain loops that
 * C2 vectorises where it can (ReLU, axpy: one index into each array), the Vector API where it does not ({@link #addRow});
 * exp goes through {@link Math#exp} so every path gives the same bits.
 */
public final class FusedD {
    private FusedD() {}

    /** z[r][j] = act(z[r][j] + bias[j]) in place; bias may be null. */
    public static void biasActivate(double[] z, double[] bias, int rows, int cols, Activation act) {
        if (bias != null) for (int r = 0; r < rows; r++) addRow(z, r * cols, bias, 0, cols);
        // element-wise, so one call over the whole block: a row of 8 is less than one vector of an activation's kernel
        activate(z, 0, rows * cols, act);
    }

    /**
     * dst[dOff + j] += src[sOff + j] for j < len, the two ranges apart: a bias into a row of C, a row of gradients into
     * the running bias gradient. C2 leaves this loop scalar, since the two arrays might be one array at any distance
     * (a 128×256 block's bias took 13-16 µs, against 2.4 µs by the Vector API); each element gets the same one add.
     */
    static void addRow(double[] dst, int dOff, double[] src, int sOff, int len) {
        int j = Simd.ENABLED && len >= ROW_SIMD_MIN ? FusedSimdD.addRow(dst, dOff, src, sOff, len) : 0;
        for (; j < len; j++) dst[dOff + j] += src[sOff + j];
    }

    /** Rows shorter than this are added by the scalar loop: the Vector API's set-up costs more than a few adds. */
    private static final int ROW_SIMD_MIN = 16;

    /** y[off..off+len) = act(y) in place: the activation's own kernel. */
    public static void activate(double[] y, int off, int len, Activation act) {
        act.apply(y, off, len);
    }

    /**
     * out[j] (+)= Σ_r g[r][j]: the bias gradient, summed over rows in order. Wide rows go row by row ({@link #addRow},
     * vectors along j); narrow ones (a small network's 8 or 2 outputs) up to 8 columns at a time in locals, which adds the rows
     * in the same order but in independent chains, not one chain through out[] (W6's 200 x 8: 0.69 µs before).
     */
    public static void columnSums(double[] g, int rows, int cols, double[] out, boolean accumulate) {
        if (cols >= NARROW) {
            if (!accumulate) java.util.Arrays.fill(out, 0, cols, 0.0);
            for (int r = 0; r < rows; r++) addRow(out, 0, g, r * cols, cols);
            return;
        }
        int j = 0;
        for (; j + 8 <= cols; j += 8) { // 8 chains: the add latency, not the adds, is what a narrow sum waits on
            double s0 = accumulate ? out[j] : 0.0, s1 = accumulate ? out[j + 1] : 0.0, s2 = accumulate ? out[j + 2] : 0.0, s3 = accumulate ? out[j + 3] : 0.0;
            double s4 = accumulate ? out[j + 4] : 0.0, s5 = accumulate ? out[j + 5] : 0.0, s6 = accumulate ? out[j + 6] : 0.0, s7 = accumulate ? out[j + 7] : 0.0;
            for (int o = j, end = j + rows * cols; o < end; o += cols) {
                s0 += g[o];
                s1 += g[o + 1];
                s2 += g[o + 2];
                s3 += g[o + 3];
                s4 += g[o + 4];
                s5 += g[o + 5];
                s6 += g[o + 6];
                s7 += g[o + 7];
            }
            out[j] = s0;
            out[j + 1] = s1;
            out[j + 2] = s2;
            out[j + 3] = s3;
            out[j + 4] = s4;
            out[j + 5] = s5;
            out[j + 6] = s6;
            out[j + 7] = s7;
        }
        if (j + 4 <= cols) {
            double s0 = accumulate ? out[j] : 0.0, s1 = accumulate ? out[j + 1] : 0.0, s2 = accumulate ? out[j + 2] : 0.0, s3 = accumulate ? out[j + 3] : 0.0;
            for (int o = j, end = j + rows * cols; o < end; o += cols) {
                s0 += g[o];
                s1 += g[o + 1];
                s2 += g[o + 2];
                s3 += g[o + 3];
            }
            out[j] = s0;
            out[j + 1] = s1;
            out[j + 2] = s2;
            out[j + 3] = s3;
            j += 4;
        }
        if (j + 2 <= cols) {
            double s0 = accumulate ? out[j] : 0.0, s1 = accumulate ? out[j + 1] : 0.0;
            for (int o = j, end = j + rows * cols; o < end; o += cols) {
                s0 += g[o];
                s1 += g[o + 1];
            }
            out[j] = s0;
            out[j + 1] = s1;
            j += 2;
        }
        for (; j < cols; j++) {
            double s = accumulate ? out[j] : 0.0;
            for (int o = j, end = j + rows * cols; o < end; o += cols) s += g[o];
            out[j] = s;
        }
    }

    /** Rows narrower than this are summed column-block by column-block in {@link #columnSums}. */
    private static final int NARROW = 32;

    /**
     * y += alpha · x over len elements: in place SGD is {@code axpy(-lr, grad, w, n)}. Large vectors (a
     * big layer's weights) are split over the kernel threads: the update is memory-bound, and two cores
     * move more bytes than one. Each element is computed alike either way.
     */
    public static void axpy(double alpha, double[] x, double[] y, int len) {
        if (len < AXPY_PARALLEL_MIN || Parallel.threads() == 1) {
            axpy(alpha, x, y, 0, len);
            return;
        }
        Axpy job = AXPY.get();
        job.alpha = alpha;
        job.x = x;
        job.y = y;
        job.len = len;
        try {
            Parallel.run(Math.ceilDiv(len, AXPY_CHUNK), job);
        } finally {
            job.x = job.y = null;
        }
    }

    private static void axpy(double alpha, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) y[i] += alpha * x[i];
    }

    private static final int AXPY_PARALLEL_MIN = 1 << 16, AXPY_CHUNK = 1 << 14;
    private static final ThreadLocal<Axpy> AXPY = ThreadLocal.withInitial(Axpy::new);

    /** A reusable axpy job (no allocation per call), one per calling thread. */
    private static final class Axpy implements Parallel.Body {
        double alpha;
        double[] x, y;
        int len;

        @Override
        public void run(int task) {
            axpy(alpha, x, y, task * AXPY_CHUNK, Math.min(len, (task + 1) * AXPY_CHUNK));
        }
    }

    /**
     * Row-wise softmax in place, the maximum subtracted first so exp cannot overflow; computed as the
     * autograd softmax does (e / Σe, in double), so float64 results are identical to it.
     */
    public static void softmax(double[] z, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double max = rowMax(z, o, cols), s = 0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(z[o + j] - max);
                z[o + j] = e;
                s += e;
            }
            for (int j = 0; j < cols; j++) z[o + j] = (z[o + j] / s);
        }
    }

    /**
     * Softmax cross-entropy of logits [rows×cols] against integer labels: returns the summed loss
     * Σ_r (log Σ_j e^z_rj − z_r,label) and writes grad = (softmax − onehot) · gradScale (1/rows for
     * the gradient of the mean). grad may be the logits array itself.
     */
    public static double softmaxCrossEntropy(double[] logits, int rows, int cols, int[] labels, double[] grad, double gradScale) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            if (labels[r] < 0 || labels[r] >= cols) throw new IllegalArgumentException("label " + labels[r] + " of row " + r + " not in [0, " + cols + ")");
            total += rowCrossEntropy(logits, r * cols, cols, labels[r], grad, gradScale);
        }
        return total;
    }

    /**
     * The same with the classes as numbers (a target tensor's storage, rows from classOff on): each must be
     * a whole number in 0..cols-1, checked as the rows are read.
     */
    public static double softmaxCrossEntropy(double[] logits, int rows, int cols, double[] classes, int classOff, double[] grad, double gradScale) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            double c = classes[classOff + r];
            if (!(c >= 0 && c < cols && c == Math.rint(c))) {
                throw new IllegalArgumentException("CrossEntropyLoss: target " + c + " at row " + r + " is not a class in 0.." + (cols - 1));
            }
            total += rowCrossEntropy(logits, r * cols, cols, (int) c, grad, gradScale);
        }
        return total;
    }

    private static double rowCrossEntropy(double[] logits, int o, int cols, int y, double[] grad, double gradScale) {
        double max = rowMax(logits, o, cols);
        double zy = logits[o + y] - max;
        double s = 0;
        for (int j = 0; j < cols; j++) s += grad[o + j] = Math.exp(logits[o + j] - max);
        double inv = (1.0 / s);
        for (int j = 0; j < cols; j++) grad[o + j] = grad[o + j] * inv * gradScale;
        grad[o + y] -= gradScale;
        return Math.log(s) - zy;
    }

    private static double rowMax(double[] z, int o, int cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) max = Math.max(max, z[o + j]);
        return max;
    }
}
