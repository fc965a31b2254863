package jgrad.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API body of {@link FusedF#addRow}, the same adds element for element. Only loaded when the
 * jdk.incubator.vector module is present (see {@link Simd}).
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
}
