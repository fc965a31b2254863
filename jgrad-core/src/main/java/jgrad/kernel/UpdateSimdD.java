// GENERATED from UpdateSimdF.java by jgrad-core/gen-float64.sh: edit that file and rerun the script.
package jgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API bodies of {@link UpdateD}'s rules, element for element the same operations in the same
 * order as its scalar loops (no fma, sqrt and division correctly rounded on both). Each returns how far it
 * got, a whole number of vectors; the caller's scalar loop does the rest. Only loaded when the
 * jdk.incubator.vector module is present (see {@link Simd}).
 */
final class UpdateSimdD {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private UpdateSimdD() {}

    static int sgd(double[] p, double[] g, int n, double rate, double decay) {
        int end = S.loopBound(n);
        for (int i = 0; i < end; i += S.length()) {
            DoubleVector w = DoubleVector.fromArray(S, p, i);
            w.sub(DoubleVector.fromArray(S, g, i).add(w.mul(decay)).mul(rate)).intoArray(p, i);
        }
        return end;
    }

    static int momentum(double[] p, double[] g, double[] v, int n, double rate, double decay, double m, double keep,
                        boolean nesterov, boolean first) {
        int end = S.loopBound(n);
        for (int i = 0; i < end; i += S.length()) {
            DoubleVector w = DoubleVector.fromArray(S, p, i), d = DoubleVector.fromArray(S, g, i);
            if (decay != 0) d = d.add(w.mul(decay));
            DoubleVector u = first ? d : DoubleVector.fromArray(S, v, i).mul(m).add(d.mul(keep));
            u.intoArray(v, i);
            w.sub((nesterov ? d.add(u.mul(m)) : u).mul(rate)).intoArray(p, i);
        }
        return end;
    }

    static int adam(double[] p, double[] g, double[] m, double[] v, int n, double rate, double decay, boolean decoupled, double shrink,
                    double b1, double a1, double b2, double a2, double e, double c1, double c2) {
        int end = S.loopBound(n);
        for (int i = 0; i < end; i += S.length()) {
            DoubleVector w = DoubleVector.fromArray(S, p, i), d = DoubleVector.fromArray(S, g, i);
            if (decoupled) w = w.sub(w.mul(shrink));
            else if (decay != 0) d = d.add(w.mul(decay));
            DoubleVector mi = DoubleVector.fromArray(S, m, i).mul(b1).add(d.mul(a1));
            DoubleVector vi = DoubleVector.fromArray(S, v, i).mul(b2).add(d.mul(a2).mul(d));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            w.sub(mi.div(c1).mul(rate).div(vi.div(c2).sqrt().add(e))).intoArray(p, i);
        }
        return end;
    }

    static int rmsprop(double[] p, double[] g, double[] s, double[] b, int n, double rate, double decay, double al, double a1,
                       double e, double m) {
        int end = S.loopBound(n);
        for (int i = 0; i < end; i += S.length()) {
            DoubleVector w = DoubleVector.fromArray(S, p, i), d = DoubleVector.fromArray(S, g, i);
            if (decay != 0) d = d.add(w.mul(decay));
            DoubleVector si = DoubleVector.fromArray(S, s, i).mul(al).add(d.mul(a1).mul(d));
            si.intoArray(s, i);
            DoubleVector step = d.div(si.sqrt().add(e));
            if (m != 0) {
                step = DoubleVector.fromArray(S, b, i).mul(m).add(step);
                step.intoArray(b, i);
            }
            w.sub(step.mul(rate)).intoArray(p, i);
        }
        return end;
    }
}
