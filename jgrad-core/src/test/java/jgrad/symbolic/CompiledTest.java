package jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The compiled programs agree with the tree-walking evaluator, one point at a time and in batches. */
class CompiledTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "x**4 - 3*x**3 + 2 + sin(x*y)*exp(-x**2) + x**2*y**3", "x/y - 2*x*y**-3 + sqrt(x**2 + 1)", "-x - y - 3",
        "tan(x)*tanh(y) + Abs(x - y) + sign(x) + sigmoid(x*y)", "max(x, y) - min(x**2, y) + x**y*0 + 2**x",
        "log(x**2 + 1)/log(3) + cos(y)**5 + x**(-7) + pi*E", "y", "7"})
    void compiledEqualsTreeWalk(String formula) {
        Expr f = Expr.parse(formula);
        CompiledFunction cf = f.compile("x", "y");
        CompiledGradient cg = f.compileGradient("x", "y");
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 1000;
        double[][] cols = new double[2][n], grads = new double[2][n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            cols[0][i] = rnd.nextDouble(0.1, 2);
            cols[1][i] = rnd.nextDouble(-2, 2);
        }
        cf.applyAll(cols, values);
        cg.atAll(cols, grads, n);
        for (int i = 0; i < n; i++) {
            Map<String, Double> p = Map.of("x", cols[0][i], "y", cols[1][i]);
            assertEquals(f.eval(p), values[i], 1e-12 * Math.max(1, Math.abs(values[i])), formula);
            assertEquals(f.eval(p), cf.apply(cols[0][i], cols[1][i]), 1e-12 * Math.max(1, Math.abs(values[i])));
            double[] g = cg.at(cols[0][i], cols[1][i]);
            for (int k = 0; k < 2; k++) {
                double expected = cg.partials().get(k).eval(p);
                assertEquals(expected, grads[k][i], 1e-12 * Math.max(1, Math.abs(expected)), formula);
                assertEquals(grads[k][i], g[k]);
            }
        }
    }

    @Test
    void parallelBatchIsBitIdenticalToSequential() {
        CompiledGradient g = Expr.parse("x**4 - 3*x**3 + 2 + sin(x*y)*exp(-x**2) + x**2*y**3").compileGradient("x", "y");
        int n = 200_003;
        SplittableRandom rnd = new SplittableRandom(1);
        double[][] cols = new double[2][n];
        for (int i = 0; i < n; i++) {
            cols[0][i] = rnd.nextDouble(-2, 2);
            cols[1][i] = rnd.nextDouble(-2, 2);
        }
        double[][] a = new double[2][n], b = new double[2][n];
        g.atAll(cols, a, n);
        g.atAllSequential(cols, b, n);
        for (int k = 0; k < 2; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(b[k], a[k]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"x**4 - 3*x**3 + 2 + sin(x*y)*exp(-x**2) + x**2*y**3",
        "tan(x)*tanh(y) + Abs(x - y) + sign(x) + sigmoid(x*y) + Heaviside(x)", "max(x, y) - min(x**2, y) + x**y + x**9 - 1/y**3 - x"})
    void bytecodeAndInterpreterAreBitIdentical(String formula) {
        Expr f = Expr.parse(formula);
        var formulas = java.util.List.of(f, f.diff("x"), f.diff("y"));
        Program generated = Program.compile(formulas, java.util.List.of("x", "y"), false);
        Program interpreted = Program.compile(formulas, java.util.List.of("x", "y"), true);
        int n = 3001;
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] cols = new double[2][n], a = new double[3][n], b = new double[3][n];
        for (int i = 0; i < n; i++) {
            cols[0][i] = rnd.nextDouble(-3, 3);
            cols[1][i] = rnd.nextDouble(-3, 3);
        }
        generated.run(cols, a, 0, n, generated.workspace());
        interpreted.run(cols, b, 0, n, interpreted.workspace());
        for (int k = 0; k < 3; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(b[k], a[k]);
        }
    }

    @Test
    void unknownVariableAndWrongArityAreReported() {
        var e = assertThrows(IllegalArgumentException.class, () -> Expr.parse("x + z").compile("x", "y"));
        assertEquals("unknown variable 'z'; the formula is compiled over [x, y]", e.getMessage());
        var a = assertThrows(IllegalArgumentException.class, () -> Expr.parse("x").compile("x").apply(1, 2));
        assertEquals("expected 1 values (one per variable), got 2", a.getMessage());
    }
}
