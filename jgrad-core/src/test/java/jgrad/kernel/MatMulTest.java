package jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import jgrad.function.Activation;
import jgrad.function.Activations;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel variant (SIMD or scalar, 1 or several threads, accumulate or not, direct or blocked) must
 * equal the naive triple loop: to rounding against a plain a*b+s loop, and bit for bit against the same
 * loop written with fma (the order every variant promises).
 */
class MatMulTest {
    enum Op { AB, ATB, ABT }

    /** Panels enough that half a k-block's depth of them outgrows L2 (float32; float64's too): B then packed in groups. */
    static final int WIDE_PANELS = 2 * Blocking.float32().l2() / (Float.BYTES * Blocking.float32().nr() * Blocking.float32().kc()) + 2;

    /**
     * A depth within one k-block at which those panels outgrow L2, and a panel's nr stored rows of Bᵀ L1 (the 8-row
     * packing of Bᵀ).
     */
    static final int DEEP_ROWS = Math.max(Blocking.float32().l1d() / (Float.BYTES * Blocking.float32().nr()),
            Blocking.float32().l2() / (Float.BYTES * WIDE_PANELS * Blocking.float32().nr())) + 3;

    /** Odd shapes: 1×1, k=1, primes, non-multiples of the vector width, several k-blocks and row tasks. */
    static final int[][] SHAPES = {
        {1, 1, 1}, {1, 7, 1}, {7, 1, 5}, {1, 1, 33}, {5, 3, 2}, {6, 16, 16}, {13, 17, 19}, {17, 1, 23},
        {31, 257, 37}, {97, 600, 41}, {12, 513, 48}, {200, 131, 70}, {389, 67, 131}, {128, 784, 10},
        // several k-blocks of this machine's depth (3 and 2), the last shorter: C stored and reloaded between them
        {29, 2 * Blocking.float32().kc() + 5, 37}, {64, Blocking.float64().kc() + 1, 96},
        // fringe slivers of 8 and 6 rows under 12-row tiles (a smaller kernel straight into C), A read in place
        {128, 300, 64}, {126, 100, 64},
        // A·Bᵀ with B much larger than A and C: computed as (B·Aᵀ)ᵀ
        {20, 300, 150},
        // taller than mc but shallow: one row task on 2 threads (5 panels of float32), two on 3 (too few panels)
        {Blocking.float32().mc() + 37, 64, 160},
        // panels packed in groups (one thread), the last group and panel partial, B's stored rows (A·Bᵀ) too deep for
        // L1 together: one row task, and two (B packed once for both)
        {40, DEEP_ROWS, (WIDE_PANELS - 1) * Blocking.float32().nr() + 5}, {Blocking.float32().mc() + 37, DEEP_ROWS, 3 * Blocking.float32().nr() + 5},
        // one vector of columns or fewer (SmallF/SmallD): W6's layers, rows not a multiple of 8, n = lanes
        {200, 24, 8}, {24, 200, 8}, {8, 200, 2}, {203, 31, 15}, {13, 9, 16}, {3, 40, 7},
    };

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    static Stream<Object[]> cases() {
        List<Object[]> out = new ArrayList<>();
        for (int[] s : SHAPES) for (Op op : Op.values()) out.add(new Object[] {op, s[0], s[1], s[2]});
        return out.stream();
    }

    static double[] random(SplittableRandom r, int len) {
        double[] x = new double[len];
        for (int i = 0; i < len; i++) x[i] = r.nextDouble(-1, 1);
        return x;
    }

    static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return f;
    }

    /** Element (i,p) of A and (p,j) of B as each op stores them. */
    static double aAt(Op op, double[] a, int i, int p, int m, int k) {
        return op == Op.ATB ? a[p * m + i] : a[i * k + p];
    }

    static double bAt(Op op, double[] b, int p, int j, int k, int n) {
        return op == Op.ABT ? b[j * k + p] : b[p * n + j];
    }

    /** The naive loop; fma = true gives the exact order the kernels promise. */
    static double[] reference(Op op, double[] a, double[] b, double[] c0, int m, int k, int n, boolean fma, boolean f32) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (f32) {
                    float s = c0 == null ? 0f : (float) c0[i * n + j];
                    for (int p = 0; p < k; p++) {
                        float x = (float) aAt(op, a, i, p, m, k), y = (float) bAt(op, b, p, j, k, n);
                        s = fma ? Math.fma(x, y, s) : s + x * y;
                    }
                    c[i * n + j] = s;
                } else {
                    double s = c0 == null ? 0 : c0[i * n + j];
                    for (int p = 0; p < k; p++) {
                        double x = aAt(op, a, i, p, m, k), y = bAt(op, b, p, j, k, n);
                        s = fma ? Math.fma(x, y, s) : s + x * y;
                    }
                    c[i * n + j] = s;
                }
            }
        }
        return c;
    }

    static void run(Op op, double[] a, double[] b, double[] c, int m, int k, int n, boolean acc, boolean simd, int threads) {
        switch (op) {
            case AB -> MatMul.gemm("ab", a, 0, k, 1, b, n, 1, c, m, k, n, acc, simd, threads);
            case ATB -> MatMul.gemm("atb", a, 0, 1, m, b, n, 1, c, m, k, n, acc, simd, threads);
            case ABT -> MatMul.gemm("abt", a, 0, k, 1, b, 1, k, c, m, k, n, acc, simd, threads);
        }
    }

    static void run(Op op, float[] a, float[] b, float[] c, int m, int k, int n, boolean acc, boolean simd, int threads) {
        switch (op) {
            case AB -> MatMul.gemm("ab", a, 0, k, 1, b, n, 1, c, m, k, n, acc, simd, threads);
            case ATB -> MatMul.gemm("atb", a, 0, 1, m, b, n, 1, c, m, k, n, acc, simd, threads);
            case ABT -> MatMul.gemm("abt", a, 0, k, 1, b, 1, k, c, m, k, n, acc, simd, threads);
        }
    }

    static void checkAllVariants(Op op, int m, int k, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = random(r, m * k), b = random(r, k * n), c0 = random(r, m * n);
        float[] af = toFloat(a), bf = toFloat(b), c0f = toFloat(c0);
        for (boolean acc : new boolean[] {false, true}) {
            double[] exactD = reference(op, a, b, acc ? c0 : null, m, k, n, true, false);
            double[] naiveD = reference(op, a, b, acc ? c0 : null, m, k, n, false, false);
            double[] exactF = reference(op, a, b, acc ? toDouble(c0f) : null, m, k, n, true, true);
            assertArrayEquals(naiveD, exactD, 1e-12 * (k + 1), "fma reference vs naive loop");
            for (boolean simd : new boolean[] {true, false}) {
                for (int threads : new int[] {1, 2, 3}) {
                    String what = op + " " + m + "x" + k + "x" + n + " acc=" + acc + " simd=" + simd + " threads=" + threads;
                    double[] c = c0.clone();
                    run(op, a, b, c, m, k, n, acc, simd, threads);
                    assertArrayEquals(exactD, c, 0.0, what + " float64");
                    float[] cf = c0f.clone();
                    run(op, af, bf, cf, m, k, n, acc, simd, threads);
                    assertArrayEquals(exactF, toDouble(cf), 0.0, what + " float32");
                    assertArrayEquals(naiveD, toDouble(cf), 1e-5 * (k + 1), what + " float32 vs float64 naive");
                }
            }
        }
    }

    static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }

    @ParameterizedTest(name = "{0} m={1} k={2} n={3}")
    @MethodSource("cases")
    void everyVariantMatchesTheNaiveLoop(Op op, int m, int k, int n) {
        checkAllVariants(op, m, k, n, 31L * m + 7L * k + n);
    }

    @Property(tries = 60)
    void randomShapes(@ForAll @IntRange(min = 1, max = 70) int m, @ForAll @IntRange(min = 1, max = 300) int k,
                      @ForAll @IntRange(min = 1, max = 70) int n, @ForAll @IntRange(min = 0, max = 2) int op) {
        checkAllVariants(Op.values()[op], m, k, n, m * 1_000_003L + k * 1009L + n);
    }

    /**
     * B longer than k·n (a buffer with room for more rows, as the fused path's are): the small-product kernel reads
     * all of B in place and runs every group of 8 rows in one call, in each of its loop forms (A's rows contiguous,
     * A's columns contiguous, other strides), with fringe rows; the same bits as the fma loop.
     */
    @Test
    void smallProductsReadingAllOfBInPlaceMatchTheFmaLoop() {
        for (int[] s : new int[][] {{200, 70, 8}, {203, 64, 2}, {24, 200, 8}, {8, 200, 2}, {45, 99, 16}}) {
            int m = s[0], k = s[1], n = s[2];
            SplittableRandom r = new SplittableRandom(m * 31L + k);
            double[] a = random(r, m * k), b = random(r, k * n + 64), c0 = random(r, m * n);
            float[] af = toFloat(a), bf = toFloat(b), c0f = toFloat(c0);
            for (Op op : new Op[] {Op.AB, Op.ATB}) {
                for (boolean acc : new boolean[] {false, true}) {
                    double[] expect = reference(op, a, b, acc ? c0 : null, m, k, n, true, false);
                    float[] expectF = toFloat(reference(op, a, b, acc ? toDouble(c0f) : null, m, k, n, true, true));
                    double[] c = c0.clone();
                    float[] cf = c0f.clone();
                    run(op, a, b, c, m, k, n, acc, true, 1);
                    run(op, af, bf, cf, m, k, n, acc, true, 1);
                    String what = op + " " + m + "x" + k + "x" + n + " acc=" + acc;
                    assertArrayEquals(expect, c, 0.0, what);
                    assertArrayEquals(expectF, cf, 0f, what + " float32");
                }
            }
            // A with rows 3 apart and columns k·3 apart: neither contiguous
            double[] wide = random(r, 3 * m * k);
            float[] wideF = toFloat(wide);
            double[] expect = new double[m * n];
            float[] expectF = new float[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double e = 0;
                    float f = 0f;
                    for (int p = 0; p < k; p++) {
                        e = Math.fma(wide[3 * i + 3 * m * p], b[p * n + j], e);
                        f = Math.fma(wideF[3 * i + 3 * m * p], bf[p * n + j], f);
                    }
                    expect[i * n + j] = e;
                    expectF[i * n + j] = f;
                }
            }
            double[] c = new double[m * n];
            float[] cf = new float[m * n];
            MatMul.gemm("strided", wide, 0, 3, 3 * m, b, n, 1, c, m, k, n, false, true, 1);
            MatMul.gemm("strided", wideF, 0, 3, 3 * m, bf, n, 1, cf, m, k, n, false, true, 1);
            assertArrayEquals(expect, c, 0.0, "strided A " + m + "x" + k + "x" + n);
            assertArrayEquals(expectF, cf, 0f, "strided A float32 " + m + "x" + k + "x" + n);
        }
    }

    @Test
    void publicApiIsBitIdenticalAcrossThreadCounts() {
        int m = 128, k = 784, n = 256;
        SplittableRandom r = new SplittableRandom(5);
        float[] a = toFloat(random(r, m * k)), b = toFloat(random(r, k * n));
        float[][] results = new float[3][];
        int[] counts = {1, 2, 4};
        for (int t = 0; t < 3; t++) {
            Parallel.setThreads(counts[t]);
            results[t] = new float[m * n];
            MatMul.ab(a, b, results[t], m, k, n, false);
        }
        assertArrayEquals(results[0], results[1]);
        assertArrayEquals(results[0], results[2]);
    }

    @Test
    void biasAndActivationEpilogueEqualsTheSeparatePasses() {
        // {200, 24, 8} and {40, 200, 8}: the small-product path adds the bias in registers, the latter after B's second pass
        for (int[] s : new int[][] {{1, 1, 1}, {5, 3, 2}, {200, 24, 8}, {40, 200, 8}, {13, 17, 19}, {389, 67, 131}, {200, 300, 70}}) {
            int m = s[0], k = s[1], n = s[2];
            SplittableRandom r = new SplittableRandom(m + k + n);
            double[] a = random(r, m * k + 3), b = random(r, k * n), bias = random(r, n);
            float[] af = toFloat(a), bf = toFloat(b), biasf = toFloat(bias);
            for (Activation act : Activations.all()) {
                double[] expect = new double[m * n];
                MatMul.gemm("ab", a, 3, k, 1, b, n, 1, expect, m, k, n, false, true, 1);
                FusedD.biasActivate(expect, bias, m, n, act);
                float[] expectF = new float[m * n];
                MatMul.gemm("ab", af, 3, k, 1, bf, n, 1, expectF, m, k, n, false, true, 1);
                FusedF.biasActivate(expectF, biasf, m, n, act);
                for (boolean simd : new boolean[] {true, false}) {
                    for (int threads : new int[] {1, 3}) {
                        double[] c = new double[m * n];
                        MatMul.gemm("ab", a, 3, k, 1, b, n, 1, c, m, k, n, false, bias, act, simd, threads);
                        assertArrayEquals(expect, c, 0.0, act + " " + m + "x" + k + "x" + n + " simd=" + simd + " threads=" + threads);
                        float[] cf = new float[m * n];
                        MatMul.gemm("ab", af, 3, k, 1, bf, n, 1, cf, m, k, n, false, biasf, act, simd, threads);
                        assertArrayEquals(expectF, cf, 0f, act + " float32");
                    }
                }
            }
        }
        double[] c = new double[4];
        MatMul.abBiasActivate(new double[] {1, 2}, 0, new double[] {1, -1}, new double[] {0.5, 0}, Activations.RELU, c, 2, 1, 2);
        assertArrayEquals(new double[] {1.5, 0, 2.5, 0}, c);
    }

    /**
     * The blocked products put bias and ReLU (or the bias alone) on each tile as its last k-block stores it: the same
     * bits as the product and then the separate passes, for fringe tiles, for depths of several k-blocks (the epilogue
     * on the last one only), accumulating into C, without a bias, and for NaN and signed zeros.
     */
    @Test
    void tileEpilogueEqualsTheSeparatePasses() {
        for (int[] s : new int[][] {{12, 784, 32}, {37, 100, 70}, {130, 2100, 96}, {500, 64, 256}}) {
            int m = s[0], k = s[1], n = s[2];
            SplittableRandom r = new SplittableRandom(7L * m + k + n);
            float[] a = toFloat(random(r, m * k)), b = toFloat(random(r, k * n)), bias = toFloat(random(r, n)), c0 = toFloat(random(r, m * n));
            a[k + 1] = Float.NaN; // row 1 of C all NaN
            java.util.Arrays.fill(a, 2 * k, 3 * k, -0f); // row 2: products of -0, so C = -0 + bias or -0 alone
            bias[3] = -0f;
            java.util.Arrays.fill(c0, 2 * n, 3 * n, -0f); // accumulated onto -0: -0 where every product is -0
            for (Activation act : new Activation[] {Activations.RELU, Activations.IDENTITY}) {
                for (float[] withBias : new float[][] {bias, null}) {
                    for (boolean accumulate : new boolean[] {false, true}) {
                        float[] expect = c0.clone();
                        MatMul.gemm("ab", a, 0, k, 1, b, n, 1, expect, m, k, n, accumulate, true, 1);
                        FusedF.biasActivate(expect, withBias, m, n, act);
                        for (boolean simd : new boolean[] {true, false}) {
                            for (int threads : new int[] {1, 2}) {
                                float[] c = c0.clone();
                                MatMul.gemm("ab", a, 0, k, 1, b, n, 1, c, m, k, n, accumulate, withBias, act, simd, threads);
                                String what = act.name() + " " + m + "x" + k + "x" + n + " bias=" + (withBias != null) + " accumulate=" + accumulate + " simd=" + simd + " threads=" + threads;
                                for (int i = 0; i < c.length; i++) {
                                    assertEquals(Float.floatToRawIntBits(expect[i]), Float.floatToRawIntBits(c[i]), what + " at " + i);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void offsetsSelectRowsOfA() {
        SplittableRandom r = new SplittableRandom(9);
        int m = 5, k = 70, n = 40, skip = 3;
        double[] a = random(r, (m + skip) * k), b = random(r, k * n), c = new double[m * n], expect = new double[m * n];
        double[] rows = java.util.Arrays.copyOfRange(a, skip * k, (skip + m) * k);
        MatMul.ab(rows, b, expect, m, k, n, false);
        MatMul.ab(a, skip * k, b, c, m, k, n, false);
        assertArrayEquals(expect, c);
        double[] g = random(r, m * n), dw = new double[k * n], dwExpect = new double[k * n];
        double[] at = random(r, skip + m * k); // A stored [m rows of the batch = k of the product][k features]
        MatMul.atb(java.util.Arrays.copyOfRange(at, skip, skip + m * k), g, dwExpect, k, m, n, false);
        MatMul.atb(at, skip, g, dw, k, m, n, false);
        assertArrayEquals(dwExpect, dw);
    }

    @Test
    void kZeroClearsOrKeeps() {
        double[] c = {1, 2, 3, 4};
        MatMul.ab(new double[0], new double[0], c, 2, 0, 2, true);
        assertArrayEquals(new double[] {1, 2, 3, 4}, c);
        MatMul.ab(new double[0], new double[0], c, 2, 0, 2, false);
        assertArrayEquals(new double[4], c);
    }

    @Test
    void shortArraysNameTheOperationAndShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> MatMul.atb(new float[5], new float[6], new float[6], 2, 3, 2, false));
        assertEquals("MatMul.atb: m=2 k=3 n=2 needs arrays of 6 (from offset 0), 6, 4 elements; got 5, 6, 6", e.getMessage());
    }

    @Test
    void threadCountMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Parallel.setThreads(0));
    }

    /**
     * A weight gradient and its bias gradient in one call: C bit for bit the fma loop, the sums bit for bit the
     * in-order sum of B's rows, whether they come from the small-product kernel's pass (Aᵀ of 8 rows or more, B
     * with room to be read in place or short enough to copy) or from a second pass (fewer rows, wide B, a B taken
     * in two passes), from an offset into A.
     */
    @Test
    void weightAndBiasGradientsInOneCallMatchTheLoops() {
        checkWeightAndBiasGradients();
    }

    @Test
    void weightAndBiasGradientsNameWhatIsTooShort() {
        var e = assertThrows(IllegalArgumentException.class, () -> MatMul.atbColumnSums(new float[6], 0, new float[6], new float[4], new float[1], 2, 3, 2));
        assertEquals("MatMul.atbColumnSums: sums needs 2 elements, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatMul.atbColumnSums(new double[5], 0, new double[6], new double[4], new double[2], 2, 3, 2));
        assertEquals("MatMul.atbColumnSums: m=2 k=3 n=2 needs arrays of 6 (from offset 0), 6, 4 elements; got 5, 6, 4", e.getMessage());
    }

    /** The check of {@link #weightAndBiasGradientsInOneCallMatchTheLoops}, also run in a JVM limited to AVX2. */
    static void checkWeightAndBiasGradients() {
        for (int[] s : new int[][] {{24, 200, 8}, {8, 200, 2}, {40, 33, 16}, {5, 200, 2}, {20, 30, 70}, {16, 100, 10}, {200, 24, 8}}) {
            int m = s[0], k = s[1], n = s[2];
            for (int room : new int[] {0, 64}) { // room 0: B exactly k·n (two passes for k >= 64), 64: read in place
                SplittableRandom r = new SplittableRandom(m * 131L + k * 7L + n + room);
                int off = 3;
                double[] a = random(r, off + m * k), b = random(r, k * n + room);
                float[] af = toFloat(a), bf = toFloat(b);
                double[] c = new double[m * n], sums = new double[n];
                float[] cf = new float[m * n], sumsF = new float[n];
                MatMul.atbColumnSums(a, off, b, c, sums, m, k, n);
                MatMul.atbColumnSums(af, off, bf, cf, sumsF, m, k, n);
                String what = m + "x" + k + "x" + n + " room " + room;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double e = 0;
                        float f = 0f;
                        for (int p = 0; p < k; p++) {
                            e = Math.fma(a[off + p * m + i], b[p * n + j], e);
                            f = Math.fma(af[off + p * m + i], bf[p * n + j], f);
                        }
                        assertEquals(e, c[i * n + j], 0.0, what + " C");
                        assertEquals(f, cf[i * n + j], 0f, what + " C float32");
                    }
                }
                for (int j = 0; j < n; j++) {
                    double e = 0;
                    float f = 0f;
                    for (int p = 0; p < k; p++) {
                        e += b[p * n + j];
                        f += bf[p * n + j];
                    }
                    assertEquals(e, sums[j], 0.0, what + " sums");
                    assertEquals(f, sumsF[j], 0f, what + " sums float32");
                }
            }
        }
    }
}
