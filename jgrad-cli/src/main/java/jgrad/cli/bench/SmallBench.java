package jgrad.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import jgrad.kernel.Parallel;
import jgrad.nn.FusedDense;
import jgrad.nn.Linear;
import jgrad.nn.MSELoss;
import jgrad.nn.Sequential;
import jgrad.nn.Tanh;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;

/**
 * W6, a small network at batch 200: 24 inputs -> 8 tanh -> 2 outputs, MSE, float32; the gradient of one
 * batch (forward and backward into every parameter's grad(), no update), the unit SimpleChains.jl reports
 * (5.3 µs minimum on its machine). Timed on one core: median and minimum over repetitions of 2,000
 * gradients each, and the bytes the thread allocated per gradient once warm (the target is none).
 */
public final class SmallBench {
    static final int IN = 24, HIDDEN = 8, OUT = 2, BATCH = 200, PER_REP = 2_000, REPS = 25;
    static final long SEED = 41;

    private SmallBench() {}

    public static Map<String, Object> run() {
        Sequential net = new Sequential(new Linear(IN, HIDDEN), new Tanh(), new Linear(HIDDEN, OUT)).to(DType.FLOAT32);
        float[] p = new float[IN * HIDDEN + HIDDEN * OUT];
        for (int i = 0; i < p.length; i++) p[i] = (float) (2 * Synth.uf64(SEED, i) - 1) * 0.5f;
        Linear l1 = (Linear) net.layers().get(0), l2 = (Linear) net.layers().get(2);
        l1.weight().copyFrom(Tensor.fromArray(Arrays.copyOfRange(p, 0, IN * HIDDEN), IN, HIDDEN));
        l2.weight().copyFrom(Tensor.fromArray(Arrays.copyOfRange(p, IN * HIDDEN, p.length), HIDDEN, OUT));
        l1.bias().fill(0);
        l2.bias().fill(0);
        float[] xs = new float[BATCH * IN], ys = new float[BATCH * OUT];
        for (int i = 0; i < xs.length; i++) xs[i] = Synth.uf32(SEED + 1, i) * 2 - 1;
        for (int r = 0; r < BATCH; r++) { // a smooth target the network can fit
            ys[r * OUT] = (float) Math.sin(xs[r * IN] + xs[r * IN + 1]);
            ys[r * OUT + 1] = xs[r * IN + 2] * xs[r * IN + 3];
        }
        Tensor x = Tensor.fromArray(xs, BATCH, IN), y = Tensor.fromArray(ys, BATCH, OUT);
        FusedDense fused = FusedDense.of(net, new MSELoss());
        if (fused == null || !fused.accepts(x, y)) throw new IllegalStateException("W6 must take the fused path");

        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double loss = 0;
        for (int i = 0; i < 40_000; i++) loss += fused.trainStep(x, y, null, 0, BATCH); // warm-up: C2 compiles the step
        double[] us = new double[REPS];
        long bytes = Long.MAX_VALUE;
        for (int rep = 0; rep < REPS; rep++) {
            long a0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < PER_REP; i++) loss += fused.trainStep(x, y, null, 0, BATCH);
            us[rep] = (threads.getCurrentThreadCpuTime() - t0) / 1e3 / PER_REP;
            bytes = Math.min(bytes, threads.getCurrentThreadAllocatedBytes() - a0);
        }
        Arrays.sort(us);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("us_per_gradient", us[REPS / 2]);
        r.put("us_min", us[0]);
        r.put("us_max", us[REPS - 1]);
        r.put("clock", "thread cpu time");
        r.put("bytes_per_gradient", (double) bytes / PER_REP);
        r.put("loss", fused.trainStep(x, y, null, 0, BATCH));
        r.put("kernel_threads_used", Parallel.threads());
        // after the timed repetitions: the clock this core ran at, so that W6's µs can be compared between runs
        // (the same jar measured 4.9 and 5.4 µs in one afternoon, the FMA peak 256 and 230 GFLOP/s)
        r.put("fma_peak_gflops_1core", Math.round(jgrad.kernel.FmaPeak.gflops(3) * 10) / 10.0);
        if (Double.isNaN(loss)) throw new IllegalStateException("W6 loss is NaN");
        return r;
    }
}
