package jgrad.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jgrad.symbolic.Expr;
import org.junit.jupiter.api.Test;

class GradientDescentTest {
    private static final Objective PARABOLOID = Objective.of(Expr.parse("x**2 + 3*y**2"), List.of("x", "y"));

    @Test
    void plainStepIsXMinusLearningRateTimesGradient() {
        Minimum m = GradientDescent.withLearningRate(0.2).maxIterations(1).minimize(PARABOLOID, 4, -4);
        Iterate it = m.path().getFirst();
        assertEquals(List.of(8.0, -24.0), List.of(it.gradient()[0], it.gradient()[1]));
        assertEquals(4 - 0.2 * 8, it.point()[0]);
        assertEquals(-4 - 0.2 * -24, it.point()[1]);
        assertEquals(StopReason.MAX_ITERATIONS, m.stoppedBy());
        assertEquals(0.2 * 24, it.step(), 1e-12); // the larger change, in y
    }

    @Test
    void gradientToleranceUsesTheAbsoluteValue() {
        // from a negative start every gradient is negative: a sign-blind "g < tol" would stop at once
        Minimum m = GradientDescent.withLearningRate(0.2).maxIterations(100).gradientTolerance(0.01)
                .minimize(Objective.of(Expr.parse("x**2"), List.of("x")), -4);
        assertEquals(StopReason.GRADIENT, m.stoppedBy());
        assertEquals(15, m.iterations());
        assertTrue(Math.abs(m.path().getLast().gradient()[0]) < 0.01);
    }

    @Test
    void valueThresholdStops() {
        Minimum m = GradientDescent.withLearningRate(0.1).valueThreshold(1e-3).minimize(PARABOLOID, 4, -4);
        assertEquals(StopReason.VALUE, m.stoppedBy());
        assertTrue(m.value() < 1e-3);
        assertTrue(m.path().get(m.iterations() - 2).value() >= 1e-3);
    }

    @Test
    void divergenceNamesTheIterationAndSuggestsASmallerRate() {
        Minimum m = GradientDescent.withLearningRate(1.5).minimize(Objective.of(Expr.parse("x**4"), List.of("x")), 4);
        assertEquals(StopReason.DIVERGED, m.stoppedBy());
        // x1 = 4 - 1.5*4*4^3 = -380, f = 380^4 = 2.08514e+10: a million times f(start) = 256 at once
        assertEquals(1, m.iterations());
        assertEquals("diverged at iteration 1: f went from 256 to 2.08514e+10; try a smaller learning rate than 1.5", m.message());
    }

    @Test
    void geometricGrowthStopsLongBeforeOverflow() {
        // lr 1.5 on x^2: x -> -2x, f -> 4f, so f - f0 = 16(4^i - 1) first exceeds 1e6 * 16 at i = 10 (overflow: ~510)
        Minimum m = GradientDescent.withLearningRate(1.5).minimize(Objective.of(Expr.parse("x**2"), List.of("x")), 4);
        assertEquals(StopReason.DIVERGED, m.stoppedBy());
        assertEquals(10, m.iterations());
        assertEquals("diverged at iteration 10: f went from 16 to 1.67772e+07; try a smaller learning rate than 1.5", m.message());
    }

    @Test
    void theScaleOfDivergenceIncludesTheLowestValueSoFar() {
        // one step of 1 per iteration through chosen values: a deep valley, then a climb far above the start
        Objective valley = Objective.of(p -> new double[] {0, -1e9, 1e7, -1e9}[(int) p[0]], p -> new double[] {-1});
        Minimum m = GradientDescent.withLearningRate(1).maxIterations(3).minimize(valley, 0);
        assertEquals(StopReason.MAX_ITERATIONS, m.stoppedBy(), "1e7 is small next to the valley's 1e9: an overshoot");
        Objective shallow = Objective.of(p -> new double[] {0, -0.5, 1e7, -1e9}[(int) p[0]], p -> new double[] {-1});
        m = GradientDescent.withLearningRate(1).maxIterations(3).minimize(shallow, 0);
        assertEquals(StopReason.DIVERGED, m.stoppedBy(), "1e7 above a start of 0 (scale 1): diverged");
        assertEquals(2, m.iterations());
    }

    @Test
    void fallingToMinusInfinityIsNoMinimumNotAStepSizeProblem() {
        Minimum m = GradientDescent.withLearningRate(0.1).minimize(Objective.of(Expr.parse("x**3"), List.of("x")), -1);
        assertEquals(StopReason.DIVERGED, m.stoppedBy());
        assertTrue(m.message().matches("diverged at iteration \\d+: f went from -1 to -Infinity; f has no lower bound.*"), m.message());
        assertFalse(m.message().contains("smaller learning rate than"), m.message());
    }

    @Test
    void momentumAndAdamReachTheMinimum() {
        for (Update u : List.of(new Update.Momentum(0.5), Update.Adam.standard())) {
            Minimum m = GradientDescent.withLearningRate(u instanceof Update.Adam ? 0.1 : 0.05).update(u)
                    .maxIterations(2000).gradientTolerance(1e-6).minimize(PARABOLOID, 4, -4);
            assertEquals(StopReason.GRADIENT, m.stoppedBy(), u.toString());
            assertEquals(0, m.point()[0], 1e-5, u.toString());
            assertEquals(0, m.point()[1], 1e-5, u.toString());
        }
    }

    @Test
    void momentumFirstStepIsPlainThenAccumulates() {
        Minimum m = GradientDescent.withLearningRate(0.1).update(new Update.Momentum(0.9)).maxIterations(2)
                .minimize(Objective.of(Expr.parse("x**2"), List.of("x")), 1);
        double x1 = 1 - 0.1 * 2, v2 = 0.9 * 2 + 2 * x1;
        assertEquals(x1, m.path().get(0).point()[0], 1e-15);
        assertEquals(x1 - 0.1 * v2, m.path().get(1).point()[0], 1e-15);
    }

    @Test
    void javaFunctionWithFiniteDifferences() {
        Objective f = Objective.withFiniteDifferences(p -> Math.pow(p[0] - 3, 2) + Math.cosh(p[1]));
        Minimum m = GradientDescent.withLearningRate(0.1).gradientTolerance(1e-7).minimize(f, 0, 1);
        assertEquals(3, m.point()[0], 1e-6);
        assertEquals(0, m.point()[1], 1e-6);
    }

    @Test
    void javaFunctionWithItsGradient() {
        Objective f = Objective.of(p -> p[0] * p[0], p -> new double[] {2 * p[0]});
        Minimum m = GradientDescent.withLearningRate(0.01).stepPrecision(1e-5).minimize(f, 4);
        assertEquals(StopReason.STEP, m.stoppedBy());
        assertTrue(m.path().getLast().step() <= 1e-5 && m.path().get(m.iterations() - 2).step() > 1e-5);
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.withLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> GradientDescent.withLearningRate(0.1).maxIterations(0));
        assertThrows(IllegalArgumentException.class, () -> new Update.Momentum(1));
    }
}
