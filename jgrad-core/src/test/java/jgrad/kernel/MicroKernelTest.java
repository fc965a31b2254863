package jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every tile height of the SIMD micro-kernels, called directly: a machine runs only the one {@link Blocking}
 * picks for its registers through {@link MatMul} (6 rows with AVX2, 12 with AVX-512), so the others would go
 * untested here. A in each layout ([kc][mr] packed or with each p's values further apart, [mr][kc]), B [kc][nr],
 * both at an offset and with C inside a wider matrix.
 */
class MicroKernelTest {
    /** The tile C[rows × nr] (+)= A·B by the fma chain, A packed [kc][rows], B packed [kc][nr]. */
    static double[] reference(double[] ap, double[] bp, int nr, int kc, double[] c0, int rows, boolean f32) {
        double[] c = new double[rows * nr];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < nr; j++) {
                if (f32) {
                    float s = c0 == null ? 0f : (float) c0[i * nr + j];
                    for (int p = 0; p < kc; p++) s = Math.fma((float) ap[p * rows + i], (float) bp[p * nr + j], s);
                    c[i * nr + j] = s;
                } else {
                    double s = c0 == null ? 0 : c0[i * nr + j];
                    for (int p = 0; p < kc; p++) s = Math.fma(ap[p * rows + i], bp[p * nr + j], s);
                    c[i * nr + j] = s;
                }
            }
        }
        return c;
    }

    @ParameterizedTest(name = "kc={0}")
    @ValueSource(ints = {1, 2, 7, 64, 131})
    void everyTileHeightEqualsTheFmaChain(int kc) {
        assertTrue(Simd.ENABLED, "the tests run with jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(kc);
        int off = 5, ldcPad = 3; // operands at an offset, C rows wider than the tile
        for (int rows : Blocking.SIMD_ROWS) {
            double[] a = MatMulTest.random(r, rows * kc); // [kc][rows]
            int lda = kc + 2; // the [rows][kc] layout, rows further apart than kc
            double[] aRows = new double[rows * lda];
            for (int i = 0; i < rows; i++) for (int p = 0; p < kc; p++) aRows[i * lda + p] = a[p * rows + i];
            int step = rows + 3; // [kc][rows] with each p's values further apart than rows (Aᵀ read in place)
            double[] aStep = new double[kc * step];
            for (int p = 0; p < kc; p++) System.arraycopy(a, p * rows, aStep, p * step, rows);
            for (int layout = 0; layout < 3; layout++) {
                double[] ap = shift(layout == 0 ? a : layout == 1 ? aRows : aStep, off);
                int ld = layout == 0 ? 0 : layout == 1 ? lda : -step;
                for (boolean load : new boolean[] {false, true}) {
                    String what = rows + " rows, A " + (layout == 0 ? "packed [kc][mr]" : layout == 1 ? "by rows" : "[kc][mr] " + step + " apart") + ", load=" + load;
                    int nrD = SimdD.NR, ldcD = nrD + ldcPad;
                    double[] bD = MatMulTest.random(r, kc * nrD), cD = MatMulTest.random(r, rows * nrD);
                    double[] want = reference(a, bD, nrD, kc, load ? cD : null, rows, false);
                    double[] cBig = place(cD, rows, nrD, ldcD, off);
                    SimdD.micro(rows, ap, off, ld, shift(bD, off), off, kc, cBig, off, ldcD, load);
                    assertArrayEquals(want, take(cBig, rows, nrD, ldcD, off), 0.0, what + " float64");

                    int nrF = SimdF.NR, ldcF = nrF + ldcPad;
                    double[] bF = MatMulTest.random(r, kc * nrF), cF = MatMulTest.toDouble(MatMulTest.toFloat(MatMulTest.random(r, rows * nrF)));
                    want = reference(a, bF, nrF, kc, load ? cF : null, rows, true);
                    float[] cBigF = MatMulTest.toFloat(place(cF, rows, nrF, ldcF, off));
                    SimdF.micro(rows, MatMulTest.toFloat(ap), off, ld, MatMulTest.toFloat(shift(bF, off)), off, kc, cBigF, off, ldcF, load);
                    assertArrayEquals(want, take(MatMulTest.toDouble(cBigF), rows, nrF, ldcF, off), 0.0, what + " float32");
                }
            }
        }
    }

    private static double[] shift(double[] x, int off) {
        double[] y = new double[x.length + off];
        System.arraycopy(x, 0, y, off, x.length);
        return y;
    }

    /** The tile [rows][nr] as the top-left of a matrix with row length ldc, from off; the rest NaN (must stay untouched). */
    private static double[] place(double[] tile, int rows, int nr, int ldc, int off) {
        double[] big = new double[off + rows * ldc];
        java.util.Arrays.fill(big, Double.NaN);
        for (int i = 0; i < rows; i++) System.arraycopy(tile, i * nr, big, off + i * ldc, nr);
        return big;
    }

    private static double[] take(double[] big, int rows, int nr, int ldc, int off) {
        double[] tile = new double[rows * nr];
        for (int i = 0; i < rows; i++) System.arraycopy(big, off + i * ldc, tile, i * nr, nr);
        for (int i = 0; i < rows; i++) for (int j = nr; j < ldc && off + i * ldc + j < big.length; j++) {
            assertTrue(Double.isNaN(big[off + i * ldc + j]), "wrote outside the tile at row " + i + " column " + j);
        }
        return tile;
    }
}
