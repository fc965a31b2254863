package jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both tile heights of the SIMD micro-kernels, called directly: a machine runs only one of them through
 * {@link MatMul} (8 rows with 512-bit vectors, 6 otherwise), so the other would go untested here.
 */
class MicroKernelTest {
    /** The tile C[rows × NR] (+)= A·B by the fma chain, A read at a[i*rsA + p*csA], B packed [kc][NR]. */
    static double[] reference(double[] a, int rsA, int csA, double[] bp, int nr, int kc, double[] c0, int rows, boolean f32) {
        double[] c = new double[rows * nr];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < nr; j++) {
                if (f32) {
                    float s = c0 == null ? 0f : (float) c0[i * nr + j];
                    for (int p = 0; p < kc; p++) s = Math.fma((float) a[i * rsA + p * csA], (float) bp[p * nr + j], s);
                    c[i * nr + j] = s;
                } else {
                    double s = c0 == null ? 0 : c0[i * nr + j];
                    for (int p = 0; p < kc; p++) s = Math.fma(a[i * rsA + p * csA], bp[p * nr + j], s);
                    c[i * nr + j] = s;
                }
            }
        }
        return c;
    }

    @ParameterizedTest(name = "kc={0}")
    @ValueSource(ints = {1, 2, 7, 64, 131})
    void sixAndEightRowTilesEqualTheFmaChain(int kc) {
        assertTrue(Simd.ENABLED, "the tests run with jdk.incubator.vector");
        SplittableRandom r = new SplittableRandom(kc);
        for (int rows : new int[] {6, 8}) {
            for (boolean strided : new boolean[] {false, true}) {
                int rsA = strided ? 1 : kc + 3, csA = strided ? rows + 2 : 1; // padding: strides are not tight
                double[] a = MatMulTest.random(r, rows * rsA + kc * csA);
                for (boolean load : new boolean[] {false, true}) {
                    String what = rows + " rows, strided=" + strided + ", load=" + load;
                    double[] bD = MatMulTest.random(r, kc * SimdD.NR), cD = MatMulTest.random(r, rows * SimdD.NR);
                    double[] want = reference(a, rsA, csA, bD, SimdD.NR, kc, load ? cD : null, rows, false);
                    microD(rows, strided, a, rsA, csA, bD, kc, cD, load);
                    assertArrayEquals(want, cD, 0.0, what + " float64");

                    double[] bF = MatMulTest.random(r, kc * SimdF.NR), cF = MatMulTest.random(r, rows * SimdF.NR);
                    float[] cf = MatMulTest.toFloat(cF);
                    want = reference(a, rsA, csA, bF, SimdF.NR, kc, load ? MatMulTest.toDouble(cf) : null, rows, true);
                    microF(rows, strided, MatMulTest.toFloat(a), rsA, csA, MatMulTest.toFloat(bF), kc, cf, load);
                    assertArrayEquals(want, MatMulTest.toDouble(cf), 0.0, what + " float32");
                }
            }
        }
    }

    private static void microD(int rows, boolean strided, double[] a, int rsA, int csA, double[] bp, int kc, double[] c, boolean load) {
        int ldc = SimdD.NR;
        if (rows == 8 && strided) SimdD.micro8StridedA(a, 0, rsA, csA, bp, 0, kc, c, 0, ldc, load);
        else if (rows == 8) SimdD.micro8RowMajorA(a, 0, rsA, bp, 0, kc, c, 0, ldc, load);
        else if (strided) SimdD.microStridedA(a, 0, rsA, csA, bp, 0, kc, c, 0, ldc, load);
        else SimdD.microRowMajorA(a, 0, rsA, bp, 0, kc, c, 0, ldc, load);
    }

    private static void microF(int rows, boolean strided, float[] a, int rsA, int csA, float[] bp, int kc, float[] c, boolean load) {
        int ldc = SimdF.NR;
        if (rows == 8 && strided) SimdF.micro8StridedA(a, 0, rsA, csA, bp, 0, kc, c, 0, ldc, load);
        else if (rows == 8) SimdF.micro8RowMajorA(a, 0, rsA, bp, 0, kc, c, 0, ldc, load);
        else if (strided) SimdF.microStridedA(a, 0, rsA, csA, bp, 0, kc, c, 0, ldc, load);
        else SimdF.microRowMajorA(a, 0, rsA, bp, 0, kc, c, 0, ldc, load);
    }
}
