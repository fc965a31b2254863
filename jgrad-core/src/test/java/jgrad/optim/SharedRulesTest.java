package jgrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jgrad.optimize.GradientDescent;
import jgrad.optimize.Iterate;
import jgrad.optimize.Minimum;
import jgrad.optimize.Objective;
import jgrad.optimize.Update;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The tensor optimisers and the formula descent run one set of rules; the optimiser state round-trips. */
class SharedRulesTest {
    /** f(x, y) = x⁴/4 + 3y² − xy: curved enough that every rule takes a different path. */
    private static final Objective F = Objective.of(p -> Math.pow(p[0], 4) / 4 + 3 * p[1] * p[1] - p[0] * p[1],
            p -> new double[] {p[0] * p[0] * p[0] - p[1], 6 * p[1] - p[0]});

    enum Rule {
        PLAIN(new Update.Plain(), ps -> new SGD(ps, 0.05)),
        MOMENTUM(new Update.Momentum(0.8), ps -> new SGD(ps, 0.05).momentum(0.8)),
        NESTEROV(new Update.Nesterov(0.8), ps -> new SGD(ps, 0.05).momentum(0.8).nesterov(true)),
        ADAM(Update.Adam.standard(), ps -> new Adam(ps, 0.05)),
        RMSPROP(Update.RMSprop.standard(), ps -> new RMSprop(ps, 0.05));

        final Update update;
        final Function<List<Tensor>, Optimizer> optimizer;

        Rule(Update update, Function<List<Tensor>, Optimizer> optimizer) {
            this.update = update;
            this.optimizer = optimizer;
        }
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void tensorsAndFormulasTakeTheSameIterates(Rule rule) {
        Minimum m = GradientDescent.withLearningRate(0.05).update(rule.update).maxIterations(40).minimize(F, 2.5, -1.5);
        Tensor p = Tensor.of(2.5, -1.5).requiresGrad(true);
        Optimizer opt = rule.optimizer.apply(List.of(p));
        for (Iterate it : m.path()) {
            assertArrayEquals(it.from(), p.toDoubleArray(), 0.0, "iteration " + it.iteration());
            F.gradient(p.toDoubleArray(), p.gradStorage().data64()); // the same gradient, written as a backward pass would
            opt.step();
            assertArrayEquals(it.point(), p.toDoubleArray(), 0.0, "iteration " + it.iteration());
        }
        assertEquals(40, opt.steps());
    }

    private static Tensor[] params(DType dtype) {
        return new Tensor[] {Tensor.of(new double[][] {{1, -2, 3}, {0.5, 4, -1}}).to(dtype).requiresGrad(true),
                Tensor.of(0.25, -0.75).to(dtype).requiresGrad(true)};
    }

    /** Steps with the gradient of ½Σp² + Σtanh(p): each parameter's own values make it. */
    private static void train(Optimizer opt, Tensor[] ps, int steps) {
        for (int s = 0; s < steps; s++) {
            opt.zeroGrad();
            for (Tensor p : ps) p.mul(p).mul(0.5).add(p.tanh()).sum().backward();
            opt.step();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class)
    void stateAndStepCountResumeTrainingBitForBit(DType dtype) {
        List<Function<List<Tensor>, Optimizer>> makers = List.of(ps -> new Adam(ps, 0.1).weightDecay(0.01),
                ps -> new AdamW(ps, 0.1), ps -> new SGD(ps, 0.1).momentum(0.9).nesterov(true).weightDecay(1e-3),
                ps -> new RMSprop(ps, 0.01).momentum(0.5));
        for (var make : makers) {
            Tensor[] ps = params(dtype);
            Optimizer opt = make.apply(List.of(ps));
            train(opt, ps, 3);
            Map<String, double[]> saved = opt.state();
            long steps = opt.steps();
            double[][] at = {ps[0].toDoubleArray(), ps[1].toDoubleArray()};
            train(opt, ps, 4);

            Tensor[] resumed = params(dtype);
            for (int i = 0; i < 2; i++) resumed[i].copyFrom(Tensor.fromArray(at[i], resumed[i].shape()));
            Optimizer again = make.apply(List.of(resumed));
            again.loadState(saved, steps);
            train(again, resumed, 4);
            String what = opt.getClass().getSimpleName() + " " + dtype;
            assertArrayEquals(ps[0].toDoubleArray(), resumed[0].toDoubleArray(), 0.0, what);
            assertArrayEquals(ps[1].toDoubleArray(), resumed[1].toDoubleArray(), 0.0, what);
            assertEquals(opt.state().keySet(), again.state().keySet(), what);
            assertEquals(7, again.steps());
        }
    }

    @Test
    void theStateNamesEachBufferAsPyTorchDoes() {
        Tensor[] ps = params(DType.FLOAT32);
        Optimizer adam = new Adam(List.of(ps), 0.1);
        assertEquals(Map.of(), adam.state(), "no buffers before the first step");
        train(adam, ps, 1);
        assertEquals(List.of("0.exp_avg", "0.exp_avg_sq", "1.exp_avg", "1.exp_avg_sq"), List.copyOf(adam.state().keySet()));
        // after one step m = (1 − β1)·g in the parameter's float32
        assertEquals(0.1f * (float) ps[1].grad().getFlat(0), adam.state().get("1.exp_avg")[0], 0.0);
        assertEquals(List.of("0.momentum_buffer", "1.momentum_buffer"), List.copyOf(stepped(new SGD(List.of(ps), 0.1).momentum(0.5), ps)));
        assertEquals(List.of(), List.copyOf(stepped(new SGD(List.of(ps), 0.1), ps)), "plain SGD keeps nothing");
    }

    private static java.util.Set<String> stepped(Optimizer opt, Tensor[] ps) {
        train(opt, ps, 1);
        return opt.state().keySet();
    }

    @Test
    void aStateThatDoesNotFitIsRefusedAndChangesNothing() {
        Tensor[] ps = params(DType.FLOAT64);
        Optimizer adam = new Adam(List.of(ps), 0.1);
        train(adam, ps, 2);
        Map<String, double[]> before = adam.state();
        Map<String, double[]> bad = new LinkedHashMap<>(before);
        bad.put("1.exp_avg", new double[3]);
        var e = assertThrows(IllegalArgumentException.class, () -> adam.loadState(bad, 5));
        assertEquals("loadState: 1.exp_avg has 3 values, parameter 1 of shape [2] has 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> adam.loadState(Map.of("0.momentum_buffer", new double[6]), 5));
        assertEquals("loadState: unknown key '0.momentum_buffer' (expected <parameter index>.<buffer>, index 0..1, buffers of Adam: "
                + "exp_avg, exp_avg_sq)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> adam.loadState(Map.of("2.exp_avg", new double[2]), 5));
        assertThrows(IllegalArgumentException.class, () -> adam.loadState(Map.of(), -1));
        assertEquals(2, adam.steps());
        Map<String, double[]> after = adam.state();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), 0.0, k));
        assertNotEquals(0.0, after.get("1.exp_avg")[1]);
    }
}
