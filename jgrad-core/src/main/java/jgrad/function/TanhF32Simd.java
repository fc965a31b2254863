package jgrad.function;

import static jgrad.function.TanhF32.*;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The Vector API body of {@link TanhF32}: the same operations lane by lane; returns where the scalar loop goes on. */
final class TanhF32Simd {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private TanhF32Simd() {}

    static int apply(float[] y, int off, int len) {
        int end = off + S.loopBound(len);
        for (int i = off; i < end; i += S.length()) {
            FloatVector a = FloatVector.fromArray(S, y, i);
            FloatVector x = a.min(CLAMP).max(-CLAMP), x2 = x.mul(x);
            FloatVector p = x2.fma(A13, A11);
            p = x2.fma(p, FloatVector.broadcast(S, A9));
            p = x2.fma(p, FloatVector.broadcast(S, A7));
            p = x2.fma(p, FloatVector.broadcast(S, A5));
            p = x2.fma(p, FloatVector.broadcast(S, A3));
            p = x2.fma(p, FloatVector.broadcast(S, A1));
            p = x.mul(p);
            FloatVector q = x2.fma(B6, B4);
            q = x2.fma(q, FloatVector.broadcast(S, B2));
            q = x2.fma(q, FloatVector.broadcast(S, B0));
            VectorMask<Float> tiny = a.abs().compare(VectorOperators.LT, TINY);
            p.div(q).blend(a, tiny).intoArray(y, i);
        }
        return end;
    }
}
