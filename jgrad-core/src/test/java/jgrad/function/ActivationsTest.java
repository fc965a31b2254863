package jgrad.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import jgrad.symbolic.Expr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every activation against its own definition: the array kernels (including their hand-written overrides)
 * against the scalar rules, the derivative against central differences and against the symbolic derivative
 * of its formula-language form. A new activation is checked here as soon as it is registered.
 */
class ActivationsTest {
    static Stream<Activation> activations() {
        List<Activation> all = new ArrayList<>(Activations.all());
        all.add(Activations.leakyRelu(0.1));
        return all.stream();
    }

    /** Points away from the kinks of relu and leaky relu, where a derivative is one-sided. */
    static double[] points(int n) {
        SplittableRandom r = new SplittableRandom(11);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double v = r.nextDouble(-6, 6);
            z[i] = Math.abs(v) < 1e-3 ? 0.5 : v;
        }
        return z;
    }

    @ParameterizedTest
    @MethodSource("activations")
    void arrayKernelsEqualTheScalarRules(Activation f) {
        double[] z = points(257), g = points(257);
        double[] y = z.clone(), back = g.clone();
        f.apply(y, 0, y.length);
        f.backward(f.derivativeNeedsInput() ? z : null, y, back, back.length);
        float[] zf = new float[z.length], yf = new float[z.length], backf = new float[z.length];
        for (int i = 0; i < z.length; i++) {
            zf[i] = yf[i] = (float) z[i];
            backf[i] = (float) g[i];
        }
        f.apply(yf, 0, yf.length);
        f.backward(f.derivativeNeedsInput() ? zf : null, yf, backf, backf.length);
        for (int i = 0; i < z.length; i++) {
            double expect = f.apply(z[i]);
            assertEquals(expect, y[i], 0.0, f.name() + " forward at " + z[i]);
            assertEquals(g[i] * f.derivative(z[i], expect), back[i], 0.0, f.name() + " backward at " + z[i]);
            assertEquals(f.apply(zf[i]), yf[i], 1e-6 * Math.max(1, Math.abs(expect)), f.name() + " float32 forward");
            assertEquals(backf[i] == 0 ? 0 : back[i], backf[i], 1e-5 * Math.max(1, Math.abs(back[i])), f.name() + " float32 backward");
        }
    }

    @ParameterizedTest
    @MethodSource("activations")
    void derivativeMatchesFiniteDifferencesAndTheSymbolicForm(Activation f) {
        Expr form = f.symbolic() == null ? null : Expr.parse(f.symbolic());
        Expr derivative = form == null ? null : form.diff("x");
        for (double z : points(50)) {
            double y = f.apply(z), d = f.derivative(z, y), h = 1e-6;
            assertEquals((f.apply(z + h) - f.apply(z - h)) / (2 * h), d, 1e-6, f.name() + "' at " + z);
            if (form != null) {
                assertEquals(y, form.eval(Map.of("x", z)), 1e-12, f.name() + " symbolic form at " + z);
                assertEquals(d, derivative.eval(Map.of("x", z)), 1e-12, f.name() + " symbolic derivative at " + z);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("activations")
    void namedOnesAreFoundByNameAndAlias(Activation f) {
        if (!Activations.all().contains(f)) return; // leaky relu takes a parameter: built, not named
        assertSame(f, Activations.byName(f.name()));
        assertSame(f, Activations.byName(" " + f.name().toUpperCase() + " "));
        for (String alias : f.aliases()) assertSame(f, Activations.byName(alias));
        assertNotNull(f.formula("z1", "0.5"));
        assertNotNull(f.derivativeFormula("z1"));
    }

    @org.junit.jupiter.api.Test
    void unknownNamesAreNull() {
        assertNull(Activations.byName("rleu"));
        assertSame(Activations.SILU, Activations.byName("swish"));
    }
}
