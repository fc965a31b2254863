package jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Update rules checked by hand on f(p) = ½·p², whose gradient is p itself. */
class OptimizerTest {
    private static double[] run(Function<List<Tensor>, Optimizer> make, double start, int steps) {
        Tensor p = Tensor.of(start).requiresGrad(true);
        Optimizer opt = make.apply(List.of(p));
        double[] trace = new double[steps];
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad();
            p.mul(p).mul(0.5).sum().backward();
            opt.step();
            trace[i] = p.getFlat(0);
        }
        return trace;
    }

    @Test
    void plainSgdShrinksByOneMinusLr() {
        double[] t = run(ps -> new SGD(ps, 0.1), 1.0, 3);
        assertEquals(0.9, t[0], 1e-15);
        assertEquals(0.729, t[2], 1e-15);
    }

    @Test
    void heavyBallMomentumFollowsPyTorch() {
        // v1 = g0 = 1, p1 = 1 − 0.1 = 0.9; v2 = 0.9·1 + 0.9 = 1.8, p2 = 0.9 − 0.18 = 0.72
        double[] t = run(ps -> new SGD(ps, 0.1).momentum(0.9), 1.0, 2);
        assertEquals(0.9, t[0], 1e-15);
        assertEquals(0.72, t[1], 1e-15);
    }

    @Test
    void nesterovLooksAhead() {
        // v1 = 1, step = g + 0.9·v = 1.9, p1 = 0.81; g1 = 0.81, v2 = 0.9 + 0.81 = 1.71, step = 0.81 + 1.539 = 2.349
        double[] t = run(ps -> new SGD(ps, 0.1).momentum(0.9).nesterov(true), 1.0, 2);
        assertEquals(0.81, t[0], 1e-15);
        assertEquals(0.81 - 0.2349, t[1], 1e-15);
    }

    @Test
    void weightDecayAddsTheL2Gradient() {
        double[] t = run(ps -> new SGD(ps, 0.1).weightDecay(0.5), 1.0, 1);
        assertEquals(1 - 0.1 * 1.5, t[0], 1e-15);
    }

    @Test
    void adamFirstStepHasTheSizeOfTheLearningRate() {
        double[] t = run(ps -> new Adam(ps, 0.01), 3.0, 1);
        assertEquals(3.0 - 0.01, t[0], 1e-9); // m̂/√v̂ = sign(g) after bias correction
        double[] w = run(ps -> new AdamW(ps, 0.01).weightDecay(0.1), 3.0, 1);
        assertEquals(3.0 * (1 - 0.001) - 0.01, w[0], 1e-9);
    }

    @Test
    void rmspropFirstStepIsScaledByTheRunningRms() {
        double[] t = run(ps -> new RMSprop(ps, 0.01), 2.0, 1);
        assertEquals(2.0 - 0.01 * 2.0 / (Math.sqrt(0.01 * 4) + 1e-8), t[0], 1e-12);
    }

    @Test
    void everyOptimiserConvergesOnAQuadratic() {
        for (Function<List<Tensor>, Optimizer> make : List.<Function<List<Tensor>, Optimizer>>of(
                ps -> new SGD(ps, 0.1), ps -> new SGD(ps, 0.05).momentum(0.9).nesterov(true),
                ps -> new Adam(ps, 0.1), ps -> new AdamW(ps, 0.1), ps -> new RMSprop(ps, 0.05))) {
            double[] t = run(make, 5.0, 400);
            assertEquals(0, t[399], 0.05, make.apply(List.of()).getClass().getSimpleName());
        }
    }

    @Test
    void aNonPositiveLearningRateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(), Double.NaN));
    }
}
