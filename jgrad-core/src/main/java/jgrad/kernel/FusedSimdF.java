package jgrad.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API bodies of {@link FusedF#addRow} and of the blocked products' tile epilogue, the same adds (and
 * maxima) element for element. Only loaded when the jdk.incubator.vector module is present (see {@link Simd}).
 */
final class FusedSimdF {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private FusedSimdF() {}

    /** dst[dOff + j] += src[sOff + j] for j below the returned bound, a whole number of vectors. */
    static int addRow(float[] dst, int dOff, float[] src, int sOff, int len) {
        int end = S.loopBound(len);
        for (int j = 0; j < end; j += L) {
            FloatVector.fromArray(S, dst, dOff + j).add(FloatVector.fromArray(S, src, sOff + j)).intoArray(dst, dOff + j);
        }
        return end;
    }

    /**
     * A dense layer's epilogue on a tile of {@code rows} rows × 2 vectors just stored at c[off] (rows ldc apart):
     * c += bias[j..j+2L) when bias is not null, then c = max(c, 0) when relu. The same bits as {@link FusedF#addRow}
     * and then ReLU's array kernel: one float add per element, and the Vector API's MAX is {@link Math#max}.
     */
    static void finishTile(float[] c, int off, int ldc, int rows, float[] bias, int j, boolean relu) {
        FloatVector zero = FloatVector.zero(S);
        if (bias != null) {
            FloatVector b0 = FloatVector.fromArray(S, bias, j), b1 = FloatVector.fromArray(S, bias, j + L);
            for (int r = 0, o = off; r < rows; r++, o += ldc) {
                FloatVector x0 = FloatVector.fromArray(S, c, o).add(b0), x1 = FloatVector.fromArray(S, c, o + L).add(b1);
                (relu ? x0.max(zero) : x0).intoArray(c, o);
                (relu ? x1.max(zero) : x1).intoArray(c, o + L);
            }
        } else if (relu) {
            for (int r = 0, o = off; r < rows; r++, o += ldc) {
                FloatVector.fromArray(S, c, o).max(zero).intoArray(c, o);
                FloatVector.fromArray(S, c, o + L).max(zero).intoArray(c, o + L);
            }
        }
    }
}
