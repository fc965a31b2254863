package jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import jgrad.function.Activation;
import jgrad.function.Activations;
import org.junit.jupiter.api.Test;

/** The fused layer kernels against the activations' definitions and textbook formulas, float64 exactly and float32 to rounding. */
class FusedTest {
    static final int ROWS = 7, COLS = 13;

    static double[] random(long seed, int n) {
        return MatMulTest.random(new SplittableRandom(seed), n);
    }

    @Test
    void biasActivateAddsTheBiasThenAppliesTheActivation() {
        double[] z = random(1, ROWS * COLS), bias = random(2, COLS);
        for (Activation act : Activations.all()) {
            double[] y = z.clone();
            FusedD.biasActivate(y, bias, ROWS, COLS, act);
            float[] yf = MatMulTest.toFloat(z);
            FusedF.biasActivate(yf, MatMulTest.toFloat(bias), ROWS, COLS, act);
            for (int i = 0; i < z.length; i++) {
                double pre = z[i] + bias[i % COLS];
                assertEquals(act.apply(pre), y[i], 1e-15, act + " forward");
                assertEquals(y[i], yf[i], 1e-6, act + " float32 forward");
            }
        }
    }

    @Test
    void columnSumsAndAxpy() {
        double[] g = random(4, ROWS * COLS), out = random(5, COLS), expect = out.clone();
        for (int r = 0; r < ROWS; r++) for (int j = 0; j < COLS; j++) expect[j] += g[r * COLS + j];
        FusedD.columnSums(g, ROWS, COLS, out, true);
        assertArrayEquals(expect, out, 0.0, "summed over rows in order");
        float[] outf = new float[COLS];
        FusedF.columnSums(MatMulTest.toFloat(g), ROWS, COLS, outf, false);
        for (int j = 0; j < COLS; j++) assertEquals(expect[j] - random(5, COLS)[j], outf[j], 1e-5);

        double[] w = random(6, 9), x = random(7, 9), w0 = w.clone();
        FusedD.axpy(-0.5, x, w, 9);
        for (int i = 0; i < 9; i++) assertEquals(w0[i] - 0.5 * x[i], w[i], 0.0);
    }

    /** A row added into another: each element once, by whole vectors and a scalar tail alike, nothing outside the ranges. */
    @Test
    void addRowAddsEachElementOnceAndTouchesNothingElse() {
        for (int len : new int[] {0, 1, 15, 16, 17, 31, 32, 33, 64, 70, 263}) {
            for (int dOff : new int[] {0, 3}) {
                double[] src = random(len + 1, len + 5), dst = random(len + 2, len + 9);
                double[] expect = dst.clone();
                for (int j = 0; j < len; j++) expect[dOff + j] += src[2 + j];
                FusedD.addRow(dst, dOff, src, 2, len);
                assertArrayEquals(expect, dst, 0, len + " doubles at " + dOff);
                float[] srcF = MatMulTest.toFloat(src), dstF = MatMulTest.toFloat(random(len + 2, len + 9)), expectF = dstF.clone();
                for (int j = 0; j < len; j++) expectF[dOff + j] += srcF[2 + j];
                FusedF.addRow(dstF, dOff, srcF, 2, len);
                assertArrayEquals(expectF, dstF, 0f, len + " floats at " + dOff);
            }
        }
    }

    /** The column sums add in the plain loop's order, narrow (in blocks of 4, 2, 1) or wide: the same bits. */
    @Test
    void columnSumsEqualTheScalarLoopBitForBit() {
        for (int cols : new int[] {1, 2, 3, 8, 15, 16, 17, 31, 32, 40, 263}) {
            int rows = 37;
            float[] g = MatMulTest.toFloat(random(cols, rows * cols)), start = MatMulTest.toFloat(random(cols + 1, cols));
            for (boolean acc : new boolean[] {false, true}) {
                float[] expect = acc ? start.clone() : new float[cols];
                for (int r = 0; r < rows; r++) for (int j = 0; j < cols; j++) expect[j] += g[r * cols + j];
                float[] out = start.clone();
                FusedF.columnSums(g, rows, cols, out, acc);
                assertArrayEquals(expect, out, 0f, cols + " columns, accumulate=" + acc);
            }
        }
    }

    @Test
    void largeAxpyIsSplitOverThreadsWithTheSameResult() {
        int n = 200_003;
        float[] x = MatMulTest.toFloat(random(9, n)), y = MatMulTest.toFloat(random(10, n)), expect = y.clone();
        for (int i = 0; i < n; i++) expect[i] += -0.05f * x[i];
        try {
            for (int threads : new int[] {1, 3}) {
                Parallel.setThreads(threads);
                float[] got = y.clone();
                FusedF.axpy(-0.05f, x, got, n);
                assertArrayEquals(expect, got, 0f, threads + " threads");
            }
        } finally {
            Parallel.setThreads(Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void softmaxCrossEntropyValueAndGradient() {
        double[] z = random(8, ROWS * COLS);
        for (int i = 0; i < z.length; i++) z[i] *= 30; // large logits: the max must be subtracted
        int[] labels = new int[ROWS];
        for (int r = 0; r < ROWS; r++) labels[r] = (r * 5) % COLS;
        double[] grad = new double[z.length];
        double loss = FusedD.softmaxCrossEntropy(z, ROWS, COLS, labels, grad, 1.0 / ROWS) / ROWS;
        double expectLoss = 0;
        for (int r = 0; r < ROWS; r++) {
            double max = Double.NEGATIVE_INFINITY, s = 0;
            for (int j = 0; j < COLS; j++) max = Math.max(max, z[r * COLS + j]);
            for (int j = 0; j < COLS; j++) s += Math.exp(z[r * COLS + j] - max);
            expectLoss += (Math.log(s) + max - z[r * COLS + labels[r]]) / ROWS;
            for (int j = 0; j < COLS; j++) {
                double p = Math.exp(z[r * COLS + j] - max) / s;
                assertEquals((p - (j == labels[r] ? 1 : 0)) / ROWS, grad[r * COLS + j], 1e-15);
            }
        }
        assertEquals(expectLoss, loss, 1e-12);

        float[] zf = MatMulTest.toFloat(z), gf = zf.clone(); // grad may overwrite the logits
        assertEquals(expectLoss, FusedF.softmaxCrossEntropy(zf, ROWS, COLS, labels, gf, 1f / ROWS) / ROWS, 1e-4);
        assertArrayEquals(grad, MatMulTest.toDouble(gf), 1e-6);

        double[] p = z.clone();
        FusedD.softmax(p, ROWS, COLS);
        for (int i = 0; i < p.length; i++) assertEquals(grad[i] + (i % COLS == labels[i / COLS] ? 1.0 / ROWS : 0), p[i] / ROWS, 1e-15);
    }

    @Test
    void labelsOutOfRangeAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FusedF.softmaxCrossEntropy(new float[4], 2, 2, new int[] {0, 2}, new float[4], 1f));
        assertEquals("label 2 of row 1 not in [0, 2)", e.getMessage());
    }
}
