package jgrad.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API bodies of {@link UpdateF}'s rules, element for element the same operations in the same
 * order as its scalar loops (no fma, sqrt and division correctly rounded on both). Each returns how far it
 * got, a whole number of vectors; the caller's scalar loop does the rest. Only loaded when the
 * jdk.incubator.vector module is present (see {@link Simd}).
 */
final class UpdateSimdF {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private UpdateSimdF() {}

    static int sgd(float[] p, float[] g, int n, float rate, float decay) {
        int end = S.loopBound(n);
        for (int i = 0; i < end; i += S.length()) {
            FloatVector w = FloatVector.fromArray(S, p, i);
            w.sub(FloatVector.fromArray(S, g, i).add(w.mul(decay)).mul(rate)).intoArray(p, i);
        }
        return end;
    }

    static int momentum(float[] p, float[] g, float[] v, int n, float rate, float decay, float m, float keep,
                        boolean nesterov, boolean first) {
        int end = S.loopBound(n);
        for (int i = 0; i < end; i += S.length()) {
            FloatVector w = FloatVector.fromArray(S, p, i), d = FloatVector.fromArray(S, g, i);
            if (decay != 0) d = d.add(w.mul(decay));
            FloatVector u = first ? d : FloatVector.fromArray(S, v, i).mul(m).add(d.mul(keep));
            u.intoArray(v, i);
            w.sub((nesterov ? d.add(u.mul(m)) : u).mul(rate)).intoArray(p, i);
        }
        return end;
    }

    static int adam(float[] p, float[] g, float[] m, float[] v, int n, float rate, float decay, boolean decoupled, float shrink,
                    float b1, float a1, float b2, float a2, float e, float c1, float c2) {
        int end = S.loopBound(n);
        for (int i = 0; i < end; i += S.length()) {
            FloatVector w = FloatVector.fromArray(S, p, i), d = FloatVector.fromArray(S, g, i);
            if (decoupled) w = w.sub(w.mul(shrink));
            else if (decay != 0) d = d.add(w.mul(decay));
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(b1).add(d.mul(a1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(b2).add(d.mul(a2).mul(d));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            w.sub(mi.div(c1).mul(rate).div(vi.div(c2).sqrt().add(e))).intoArray(p, i);
        }
        return end;
    }

    static int rmsprop(float[] p, float[] g, float[] s, float[] b, int n, float rate, float decay, float al, float a1,
                       float e, float m) {
        int end = S.loopBound(n);
        for (int i = 0; i < end; i += S.length()) {
            FloatVector w = FloatVector.fromArray(S, p, i), d = FloatVector.fromArray(S, g, i);
            if (decay != 0) d = d.add(w.mul(decay));
            FloatVector si = FloatVector.fromArray(S, s, i).mul(al).add(d.mul(a1).mul(d));
            si.intoArray(s, i);
            FloatVector step = d.div(si.sqrt().add(e));
            if (m != 0) {
                step = FloatVector.fromArray(S, b, i).mul(m).add(step);
                step.intoArray(b, i);
            }
            w.sub(step.mul(rate)).intoArray(p, i);
        }
        return end;
    }
}
