// GENERATED from FusedSimdF.java by jgrad-core/gen-float64.sh: edit that file and rerun the script.
package jgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API body of {@link FusedD#addRow}, the same adds element for element. Only loaded when the
 * jdk.incubator.vector module is present (see {@link Simd}).
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
}
