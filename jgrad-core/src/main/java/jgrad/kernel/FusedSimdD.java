// GENERATED from FusedSimdF.java by jgrad-core/gen-float64.sh: edit that file and rerun the script.
package jgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API bodies of {@link FusedD#addRow} and of the blocked products' tile epilogue, the same adds (and
 * maxima) element for element. Only loaded when the jdk.incubator.vector module is present (see {@link Simd}).
 */
final class FusedSimdD {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private FusedSimdD() {}

    /** dst[dOff + j] += src[sOff + j] for j below the returned bound, a whole number of vectors. */
    static int addRow(double[] dst, int dOff, double[] src, int sOff, int len) {
        int end = S.loopBound(len);
        for (int j = 0; j < end; j += L) {
            DoubleVector.fromArray(S, dst, dOff + j).add(DoubleVector.fromArray(S, src, sOff + j)).intoArray(dst, dOff + j);
        }
        return end;
    }

    /**
     * A dense layer's epilogue on a tile of {@code rows} rows × 2 vectors just stored at c[off] (rows ldc apart):
     * c += bias[j..j+2L) when bias is not null, then c = max(c, 0) when relu. The same bits as {@link FusedD#addRow}
     * and then ReLU's array kernel: one double add per element, and the Vector API's MAX is {@link Math#max}.
     */
    static void finishTile(double[] c, int off, int ldc, int rows, double[] bias, int j, boolean relu) {
        DoubleVector zero = DoubleVector.zero(S);
        if (bias != null) {
            DoubleVector b0 = DoubleVector.fromArray(S, bias, j), b1 = DoubleVector.fromArray(S, bias, j + L);
            for (int r = 0, o = off; r < rows; r++, o += ldc) {
                DoubleVector x0 = DoubleVector.fromArray(S, c, o).add(b0), x1 = DoubleVector.fromArray(S, c, o + L).add(b1);
                (relu ? x0.max(zero) : x0).intoArray(c, o);
                (relu ? x1.max(zero) : x1).intoArray(c, o + L);
            }
        } else if (relu) {
            for (int r = 0, o = off; r < rows; r++, o += ldc) {
                DoubleVector.fromArray(S, c, o).max(zero).intoArray(c, o);
                DoubleVector.fromArray(S, c, o + L).max(zero).intoArray(c, o + L);
            }
        }
    }
}
