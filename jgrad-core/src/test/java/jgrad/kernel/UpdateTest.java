package jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The update rules: the Vector API bodies give the scalar loops' bits (lengths with and without a fringe),
 * and the float32 source, rounded, follows its float64 twin (the two are one rule, generated).
 */
class UpdateTest {
    /** One step of every rule variant on (p, g, buffers), either path; {@code steps} steps in a row. */
    private interface Rule {
        void step(double[][] a, float[][] f, int t, boolean simd);
    }

    private static final Rule[] RULES = {
        (a, f, t, simd) -> {
            UpdateD.sgd(a[0], a[1], a[0].length, 0.1, 0.01, simd);
            UpdateF.sgd(f[0], f[1], f[0].length, 0.1, 0.01, simd);
        },
        (a, f, t, simd) -> { // heavy ball with dampening, first step from the gradient
            UpdateD.momentum(a[0], a[1], a[2], a[0].length, 0.05, 0.001, 0.9, 0.1, false, t == 1, simd);
            UpdateF.momentum(f[0], f[1], f[2], f[0].length, 0.05, 0.001, 0.9, 0.1, false, t == 1, simd);
        },
        (a, f, t, simd) -> {
            UpdateD.momentum(a[0], a[1], a[2], a[0].length, 0.05, 0, 0.9, 0, true, t == 1, simd);
            UpdateF.momentum(f[0], f[1], f[2], f[0].length, 0.05, 0, 0.9, 0, true, t == 1, simd);
        },
        (a, f, t, simd) -> { // Adam, coupled decay
            UpdateD.adam(a[0], a[1], a[2], a[3], a[0].length, 0.01, 0.001, false, 0.9, 0.999, 1e-8, t, simd);
            UpdateF.adam(f[0], f[1], f[2], f[3], f[0].length, 0.01, 0.001, false, 0.9, 0.999, 1e-8, t, simd);
        },
        (a, f, t, simd) -> { // AdamW
            UpdateD.adam(a[0], a[1], a[2], a[3], a[0].length, 0.01, 0.01, true, 0.8, 0.99, 1e-6, t, simd);
            UpdateF.adam(f[0], f[1], f[2], f[3], f[0].length, 0.01, 0.01, true, 0.8, 0.99, 1e-6, t, simd);
        },
        (a, f, t, simd) -> { // RMSprop with momentum and decay
            UpdateD.rmsprop(a[0], a[1], a[2], a[3], a[0].length, 0.01, 0.001, 0.99, 1e-8, 0.5, simd);
            UpdateF.rmsprop(f[0], f[1], f[2], f[3], f[0].length, 0.01, 0.001, 0.99, 1e-8, 0.5, simd);
        },
        (a, f, t, simd) -> { // RMSprop without momentum: no momentum buffer
            UpdateD.rmsprop(a[0], a[1], a[2], null, a[0].length, 0.01, 0, 0.9, 1e-8, 0, simd);
            UpdateF.rmsprop(f[0], f[1], f[2], null, f[0].length, 0.01, 0, 0.9, 1e-8, 0, simd);
        },
    };

    /** p, g and two buffers (Adam's v must start at 0 or above; the others any sign). */
    private static double[][] start(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[4][n];
        for (int i = 0; i < n; i++) {
            a[0][i] = r.nextDouble(-2, 2);
            a[1][i] = r.nextDouble(-1, 1);
            a[2][i] = r.nextDouble(-0.1, 0.1);
            a[3][i] = r.nextDouble(0, 0.1);
        }
        return a;
    }

    private static float[][] rounded(double[][] a) {
        float[][] f = new float[a.length][];
        for (int k = 0; k < a.length; k++) f[k] = MatMulTest.toFloat(a[k]);
        return f;
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int k = 0; k < a.length; k++) c[k] = a[k].clone();
        return c;
    }

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {1, 7, 16, 37, 1000})
    void simdAndScalarGiveTheSameBitsAndFloat32FollowsFloat64(int n) {
        assertTrue(Simd.ENABLED, "the tests run with jdk.incubator.vector");
        for (int rule = 0; rule < RULES.length; rule++) {
            double[][] vecD = start(n, rule), scaD = copy(vecD);
            float[][] vecF = rounded(vecD), scaF = rounded(vecD);
            for (int t = 1; t <= 5; t++) {
                RULES[rule].step(vecD, vecF, t, true);
                RULES[rule].step(scaD, scaF, t, false);
            }
            for (int k = 0; k < 4; k++) {
                String what = "rule " + rule + ", array " + k + ", n " + n;
                assertArrayEquals(scaD[k], vecD[k], 0.0, what + " float64");
                assertArrayEquals(scaF[k], vecF[k], 0f, what + " float32");
                assertArrayEquals(scaD[k], MatMulTest.toDouble(scaF[k]), 1e-4, what + " float32 against float64");
            }
        }
    }
}
