package jgrad.bench;

import java.util.ArrayList;
import java.util.List;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.optim.RMSprop;
import jgrad.optim.SGD;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One optimiser step through the public API ({@code Optimizer.step()} on tensors with gradients), on the
 * parameters of the CLI's default digits network (64-64-10: 4,810 values) and of W1 (784-256-128-10: 235,146).
 * Uses only API that older builds have too, so the same file measures a change before and after.
 */
public class OptimizerBench extends KernelBenchmark {
    @Param({"digits", "w1"})
    public String net;

    @Param({"float64", "float32"})
    public String dtype;

    Optimizer adam, momentum, rmsprop;

    @Setup
    public void setUp() {
        int[] widths = net.equals("digits") ? new int[] {64, 64, 10} : new int[] {784, 256, 128, 10};
        DType t = dtype.equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
        List<Tensor> ps = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            ps.add(param(t, 10 + l, widths[l], widths[l + 1]));
            ps.add(param(t, 20 + l, widths[l + 1]));
        }
        // rates small enough that the values hardly move however long JMH runs
        adam = new Adam(ps, 1e-9).weightDecay(1e-3);
        momentum = new SGD(ps, 1e-9).momentum(0.9).weightDecay(1e-3);
        rmsprop = new RMSprop(ps, 1e-9);
    }

    private static Tensor param(DType t, long seed, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        float[] v = random(n, seed), g = random(n, seed + 100);
        Tensor p = Tensor.fromArray(v, shape).to(t).requiresGrad(true);
        p.gradStorage().copyFrom(Tensor.fromArray(g, shape));
        return p;
    }

    @Benchmark
    public Optimizer adamWithDecay() {
        adam.step();
        return adam;
    }

    @Benchmark
    public Optimizer sgdMomentumWithDecay() {
        momentum.step();
        return momentum;
    }

    @Benchmark
    public Optimizer rmsprop() {
        rmsprop.step();
        return rmsprop;
    }
}
