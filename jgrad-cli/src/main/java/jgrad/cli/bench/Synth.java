package jgrad.cli.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The benchmark data and initial weights of shared/bench/SPEC.md: one counter-based SplitMix64 stream,
 * value(seed, i) = mix64(seed + (i+1)·0x9E3779B97F4A7C15), identical to the peers' generators, so jgrad
 * trains on bit-identical data from bit-identical weights ({@link #checksum} proves it).
 */
public final class Synth {
    public static final int N_TRAIN = 60_000, N_IN = 784, H1 = 256, H2 = 128, N_OUT = 10;
    public static final int BATCH = 128;
    public static final double LR_MLP = 0.05;
    public static final int N_INFER = 10_000, INFER_BATCH = 1_000, INFER_PASSES = 5;
    public static final int XOR_EPOCHS = 10_000;
    public static final double LR_XOR = 0.1;
    static final long SEED_X = 1, SEED_TEACHER = 2, SEED_XOR = 21;
    static final long[] SEED_W = {0, 11, 12, 13};
    public static final int[] SIZES = {N_IN, H1, H2, N_OUT};
    public static final double[][] XOR_X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    public static final double[] XOR_Y = {0, 1, 1, 0};

    private Synth() {}

    static long at(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** float32 uniform in [0,1): 24 random bits, exact in float32. */
    static float uf32(long seed, long i) {
        return (at(seed, i) >>> 40) * 0x1.0p-24f;
    }

    /** float64 uniform in [0,1): 53 random bits. */
    static double uf64(long seed, long i) {
        return (at(seed, i) >>> 11) * 0x1.0p-53;
    }

    /** Row-major [n][784] inputs in [0,1). */
    public static float[] inputs(int n) {
        float[] x = new float[n * N_IN];
        for (int i = 0; i < x.length; i++) x[i] = uf32(SEED_X, i);
        return x;
    }

    /** Labels from an integer teacher; every partial sum is exact in double, so any order gives the same argmax. */
    public static int[] labels(float[] x, int n) {
        int[] t = new int[N_IN * N_OUT];
        for (int i = 0; i < t.length; i++) t[i] = (int) ((at(SEED_TEACHER, i) >>> 33) % 7) - 3;
        int[] y = new int[n];
        double[] s = new double[N_OUT];
        for (int r = 0; r < n; r++) {
            Arrays.fill(s, 0);
            for (int j = 0; j < N_IN; j++) {
                double v = x[r * N_IN + j] - 0.5;
                for (int k = 0; k < N_OUT; k++) s[k] += v * t[j * N_OUT + k];
            }
            int best = 0;
            for (int k = 1; k < N_OUT; k++) if (s[k] > s[best]) best = k;
            y[r] = best;
        }
        return y;
    }

    /** He-uniform W_l as row-major [fanIn][fanOut] (jgrad's Linear layout); layer is 1, 2 or 3. */
    public static float[] weights(int layer) {
        return weights(layer, SIZES[layer - 1], SIZES[layer]);
    }

    /** The same rule for other layer sizes (the wider networks): seed 11, 12, 13 for layers 1, 2, 3. */
    public static float[] weights(int layer, int fi, int fo) {
        float[] w = new float[fi * fo];
        double a = Math.sqrt(6.0 / fi);
        for (int i = 0; i < w.length; i++) w[i] = (float) ((2.0 * uf64(SEED_W[layer], i) - 1.0) * a);
        return w;
    }

    /** XOR init: W1 (2x3 row-major), b1 (3), W2 (3x1), b2 (1) = 13 values in U(-1, 1). */
    public static double[] xorInit() {
        double[] v = new double[13];
        for (int i = 0; i < 13; i++) v[i] = 2.0 * uf64(SEED_XOR, i) - 1.0;
        return v;
    }

    /** The peers' data checksum: sum of the first 1000 rows and the label histogram. */
    public static String checksum(float[] x, int[] y) {
        double s = 0;
        for (int i = 0; i < 1000 * N_IN; i++) s += x[i];
        int[] h = new int[N_OUT];
        for (int v : y) h[v]++;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "sumX0=%.6f hist=", s));
        for (int k = 0; k < N_OUT; k++) sb.append(k == 0 ? "" : ",").append(h[k]);
        return sb.toString();
    }
}
