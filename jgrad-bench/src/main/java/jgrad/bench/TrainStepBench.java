package jgrad.bench;

import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.FusedDense;
import jgrad.nn.Linear;
import jgrad.nn.ReLU;
import jgrad.nn.Sequential;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.DType;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One training step of the CLI's default run (digits: 64 -> 64 relu -> 10, cross-entropy, batch 32, Adam
 * lr 0.01 with weight decay 0.001) as {@code Trainer} takes it on the fused path: forward, backward, update.
 * Uses only API that older builds have too, so the same file measures a change before and after.
 */
public class TrainStepBench extends KernelBenchmark {
    @Param({"float64", "float32"})
    public String dtype;

    FusedDense fused;
    Optimizer adam;
    Tensor x, y;
    int from;

    @Setup
    public void setUp() {
        DType t = dtype.equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
        Rng.manualSeed(0);
        Sequential net = new Sequential(new Linear(64, 64), new ReLU(), new Linear(64, 10));
        net.to(t);
        adam = new Adam(net.parameters(), 0.01).weightDecay(0.001);
        fused = FusedDense.of(net, new CrossEntropyLoss());
        float[] v = random(1248 * 64, 5);
        double[] labels = new double[1248];
        for (int i = 0; i < labels.length; i++) labels[i] = i % 10;
        x = Tensor.fromArray(v, 1248, 64).to(t);
        y = Tensor.fromArray(labels, 1248).to(t);
    }

    @Benchmark
    public Optimizer adamWithDecayStep() {
        fused.trainStep(x, y, null, from, from + 32);
        adam.step();
        from = (from + 32) % 1248;
        return adam;
    }
}
