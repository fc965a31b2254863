package jgrad.kernel;

import jgrad.function.Activation;

/**
 * Dense row-major matrix products, the three a linear layer needs, without materialising transposes.
 * {@code accumulate} adds to {@code c} instead of overwriting it.
 *
 * <p>Every element is the fma chain over p = 0..k-1 in order (see {@link Gemm}), so results are
 * bit-identical whatever the thread count ({@link Parallel}) and whether SIMD is used ({@link Simd}).
 */
public final class MatMul {
    private MatMul() {}

    /**
     * Starts compiling the float32 or float64 kernels in the background now ({@link Warmup}), so that a
     * network's first steps do not run them as slow pre-C2 code; call it as early as the precision is known
     * (a network built, a command started), before loading data. Idempotent and cheap. For training: the
     * kernels of the forward and backward products.
     */
    public static void prepare(boolean float32) {
        prepare(float32, true);
    }

    /**
     * The same for inference ({@code training} false: only the forward products' kernels, so that C2 compiles
     * them and their packing sooner) or training; a later weight-gradient product starts the rest itself.
     */
    public static void prepare(boolean float32, boolean training) {
        if (!Simd.ENABLED) return;
        if (float32) WarmupF.prepare(training, true);
        else WarmupD.prepare(training, true);
    }

    /** C[m×n] = A[m×k] · B[k×n]. */
    public static void ab(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        gemm("ab", a, 0, k, 1, b, n, 1, c, m, k, n, accumulate, Simd.ENABLED, Parallel.threads());
    }

    /** C[m×n] = Aᵀ · B with A stored as [k×m] and B as [k×n]. */
    public static void atb(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        gemm("atb", a, 0, 1, m, b, n, 1, c, m, k, n, accumulate, Simd.ENABLED, Parallel.threads());
    }

    /** C[m×n] = A · Bᵀ with A stored as [m×k] and B as [n×k]. */
    public static void abt(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        gemm("abt", a, 0, k, 1, b, 1, k, c, m, k, n, accumulate, Simd.ENABLED, Parallel.threads());
    }

    /** float32 twin of {@link #ab(double[], double[], double[], int, int, int, boolean)}. */
    public static void ab(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        gemm("ab", a, 0, k, 1, b, n, 1, c, m, k, n, accumulate, Simd.ENABLED, Parallel.threads());
    }

    /** float32 twin of {@link #atb(double[], double[], double[], int, int, int, boolean)}. */
    public static void atb(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        gemm("atb", a, 0, 1, m, b, n, 1, c, m, k, n, accumulate, Simd.ENABLED, Parallel.threads());
    }

    /** float32 twin of {@link #abt(double[], double[], double[], int, int, int, boolean)}. */
    public static void abt(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        gemm("abt", a, 0, k, 1, b, 1, k, c, m, k, n, accumulate, Simd.ENABLED, Parallel.threads());
    }

    /** {@link #ab(double[], double[], double[], int, int, int, boolean)} with A starting at a[aOffset] (rows of a batch, say). */
    public static void ab(double[] a, int aOffset, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        gemm("ab", a, aOffset, k, 1, b, n, 1, c, m, k, n, accumulate, Simd.ENABLED, Parallel.threads());
    }

    /** {@link #atb(double[], double[], double[], int, int, int, boolean)} with A starting at a[aOffset]. */
    public static void atb(double[] a, int aOffset, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        gemm("atb", a, aOffset, 1, m, b, n, 1, c, m, k, n, accumulate, Simd.ENABLED, Parallel.threads());
    }

    /**
     * C[m×n] = Aᵀ·B with A stored as [k×m] from aOffset, and sums[j] = Σ_p B[p][j] summed over p in order: a dense
     * layer's weight and bias gradients, in one pass over B where the kernels can.
     */
    public static void atbColumnSums(double[] a, int aOffset, double[] b, double[] c, double[] sums, int m, int k, int n) {
        checkSums(aOffset, a.length, b.length, c.length, sums.length, m, k, n);
        GemmD.productAndBSums(a, aOffset, 1, m, b, c, sums, m, k, n, Simd.ENABLED, Parallel.threads());
    }

    /** float32 twin of {@link #atbColumnSums(double[], int, double[], double[], double[], int, int, int)}. */
    public static void atbColumnSums(float[] a, int aOffset, float[] b, float[] c, float[] sums, int m, int k, int n) {
        checkSums(aOffset, a.length, b.length, c.length, sums.length, m, k, n);
        GemmF.productAndBSums(a, aOffset, 1, m, b, c, sums, m, k, n, Simd.ENABLED, Parallel.threads());
    }

    /** float32 twin of {@link #ab(double[], int, double[], double[], int, int, int, boolean)}. */
    public static void ab(float[] a, int aOffset, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        gemm("ab", a, aOffset, k, 1, b, n, 1, c, m, k, n, accumulate, Simd.ENABLED, Parallel.threads());
    }

    /** float32 twin of {@link #atb(double[], int, double[], double[], int, int, int, boolean)}. */
    public static void atb(float[] a, int aOffset, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        gemm("atb", a, aOffset, 1, m, b, n, 1, c, m, k, n, accumulate, Simd.ENABLED, Parallel.threads());
    }

    /**
     * C[m×n] = act(A·B + bias) with A starting at a[aOffset]: a dense layer's forward pass in one call.
     * The bias (length n, or null) and activation are applied to each part of C as soon as it is final,
     * by the thread that computed it, while it is still in cache; the values are those of
     * {@link #ab(double[], int, double[], double[], int, int, int, boolean)} then
     * {@link FusedD#biasActivate}.
     */
    public static void abBiasActivate(double[] a, int aOffset, double[] b, double[] bias, Activation act, double[] c, int m, int k, int n) {
        gemm("ab", a, aOffset, k, 1, b, n, 1, c, m, k, n, false, bias, act, Simd.ENABLED, Parallel.threads());
    }

    /** float32 twin of {@link #abBiasActivate(double[], int, double[], double[], Activation, double[], int, int, int)}. */
    public static void abBiasActivate(float[] a, int aOffset, float[] b, float[] bias, Activation act, float[] c, int m, int k, int n) {
        gemm("ab", a, aOffset, k, 1, b, n, 1, c, m, k, n, false, bias, act, Simd.ENABLED, Parallel.threads());
    }

    /** Strided product with the kernel choice made explicit (tests compare every variant). */
    static void gemm(String op, float[] a, int aOff, int rsA, int csA, float[] b, int rsB, int csB, float[] c,
                     int m, int k, int n, boolean accumulate, boolean simd, int threads) {
        gemm(op, a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate, null, null, simd, threads);
    }

    /** With an epilogue: c = act(c + bias) once final (bias may be null; act null means none). */
    static void gemm(String op, float[] a, int aOff, int rsA, int csA, float[] b, int rsB, int csB, float[] c,
                     int m, int k, int n, boolean accumulate, float[] bias, Activation act, boolean simd, int threads) {
        check(op, aOff, a.length, b.length, c.length, m, k, n);
        GemmF.product(a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate, bias, act, simd && Simd.ENABLED, threads);
    }

    /** float64 twin of {@link #gemm(String, float[], int, int, int, float[], int, int, float[], int, int, int, boolean, float[], Activation, boolean, int)}. */
    static void gemm(String op, double[] a, int aOff, int rsA, int csA, double[] b, int rsB, int csB, double[] c,
                     int m, int k, int n, boolean accumulate, boolean simd, int threads) {
        gemm(op, a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate, null, null, simd, threads);
    }

    /** With an epilogue: c = act(c + bias) once final (bias may be null; act null means none). */
    static void gemm(String op, double[] a, int aOff, int rsA, int csA, double[] b, int rsB, int csB, double[] c,
                     int m, int k, int n, boolean accumulate, double[] bias, Activation act, boolean simd, int threads) {
        check(op, aOff, a.length, b.length, c.length, m, k, n);
        GemmD.product(a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate, bias, act, simd && Simd.ENABLED, threads);
    }

    private static void checkSums(int aOff, int aLen, int bLen, int cLen, int sumsLen, int m, int k, int n) {
        check("atbColumnSums", aOff, aLen, bLen, cLen, m, k, n);
        if (sumsLen < n) throw new IllegalArgumentException("MatMul.atbColumnSums: sums needs " + n + " elements, got " + sumsLen);
    }

    static void check(String op, int aOff, int aLen, int bLen, int cLen, int m, int k, int n) {
        if (m < 0 || k < 0 || n < 0 || aOff < 0 || aLen - aOff < (long) m * k || bLen < (long) k * n || cLen < (long) m * n) {
            throw new IllegalArgumentException(String.format(
                    "MatMul.%s: m=%d k=%d n=%d needs arrays of %d (from offset %d), %d, %d elements; got %d, %d, %d",
                    op, m, k, n, (long) m * k, aOff, (long) k * n, (long) m * n, aLen, bLen, cLen));
        }
    }
}
