package jgrad.cli.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import jgrad.nn.Loss;
import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.Linear;
import jgrad.nn.ReLU;
import jgrad.nn.Sequential;
import jgrad.nn.Softmax;
import jgrad.optim.SGD;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;
import jgrad.train.History;
import jgrad.train.Trainer;

/**
 * W1 (mlp-train) and W3 (mlp-infer) of SPEC.md through jgrad's public API: a float32 Sequential
 * 784-256(ReLU)-128(ReLU)-10 with the shared initial weights, trained by {@link Trainer} with softmax
 * cross-entropy and plain SGD, minibatches of 128 in order.
 */
public final class MlpBench {
    private MlpBench() {}

    /** The W1/W3 network with SPEC.md's He-uniform weights (seeds 11, 12, 13) and zero biases. */
    static Sequential network() {
        Sequential net = new Sequential(new Linear(Synth.N_IN, Synth.H1), new ReLU(), new Linear(Synth.H1, Synth.H2), new ReLU(),
                new Linear(Synth.H2, Synth.N_OUT)).to(DType.FLOAT32);
        int layer = 1;
        for (var m : net.layers()) {
            if (!(m instanceof Linear l)) continue;
            l.weight().copyFrom(Tensor.fromArray(Synth.weights(layer++), l.inFeatures(), l.outFeatures()));
            l.bias().fill(0);
        }
        return net;
    }

    /** W1's data (the first {@code samples} of its stream), network and one-epoch trainer. */
    private record W1(float[] xs, int[] labels, Tensor x, Tensor y, Sequential net, Trainer epoch) {
        static W1 of(int samples) {
            jgrad.kernel.MatMul.prepare(true);
            float[] xs = Synth.inputs(samples);
            int[] labels = Synth.labels(xs, samples);
            double[] classes = new double[samples];
            for (int i = 0; i < samples; i++) classes[i] = labels[i];
            Sequential net = network();
            Trainer epoch = Trainer.builder(net, new CrossEntropyLoss(), new SGD(net.parameters(), Synth.LR_MLP))
                    .epochs(1).batchSize(Synth.BATCH).shuffle(false).build();
            return new W1(xs, labels, Tensor.fromArray(xs, samples, Synth.N_IN), Tensor.fromArray(classes, samples), net, epoch);
        }
    }

    /**
     * One W1 epoch over its first {@code samples} samples, set up once and run at each call: for
     * {@code jgrad-bench/ab.sh}, which alternates two builds' epochs in one JVM.
     */
    public static Runnable w1Epoch(int samples) {
        W1 w = W1.of(samples);
        return () -> w.epoch().fit(w.x(), w.y());
    }

    /** One untimed warm-up epoch, then one timed epoch. */
    public static Map<String, Object> w1() {
        W1 w = W1.of(Synth.N_TRAIN);
        float[] xs = w.xs();
        int[] labels = w.labels();
        Tensor x = w.x(), y = w.y();
        Sequential net = w.net();
        Trainer epoch = w.epoch();

        Timer first = new Timer(); // the untimed epoch, timed too: how far the JIT's warm-up is from the steady state
        var me = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = me.getCurrentThreadCpuTime();
        first.start();
        History warm = epoch.fit(x, y);
        first.stop();
        long cpu1 = me.getCurrentThreadCpuTime();
        Timer t = new Timer();
        t.start();
        History timed = epoch.fit(x, y);
        t.stop();
        long cpu2 = me.getCurrentThreadCpuTime();

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("samples_per_s", Synth.N_TRAIN / t.seconds);
        t.into(r);
        r.put("loss", timed.last().loss());
        r.put("final_loss_full", fullLoss(net, xs, labels));
        r.put("warmup_loss", warm.last().loss());
        r.put("first_epoch_seconds", first.seconds);
        r.put("first_epoch_cpu_over_wall", Math.round(first.cpuOverWall * 1000) / 1000.0);
        // speed of the first epoch over the second's, per CPU-second of the process (a shared machine takes
        // turns away from both; the JIT's compile threads count, as they cost a core here)
        r.put("first_epoch_speed_ratio", (t.seconds * t.cpuOverWall) / (first.seconds * first.cpuOverWall));
        // the same by the training thread's CPU time alone: what an idle machine would show in wall time, the
        // compiler threads running on another core meanwhile
        r.put("first_epoch_thread_speed_ratio", (double) (cpu2 - cpu1) / (cpu1 - cpu0));
        r.put("steps", Math.ceilDiv(Synth.N_TRAIN, Synth.BATCH));
        r.put("checksum", Synth.checksum(xs, labels));
        return r;
    }

    /** Mean cross-entropy over all samples after training, in float64 from the float32 logits (as numpy), by the engine's loss. */
    static double fullLoss(Sequential net, float[] xs, int[] labels) {
        double total = 0;
        int chunk = 10_000;
        CrossEntropyLoss sum = new CrossEntropyLoss(Loss.Reduction.SUM);
        for (int from = 0; from < labels.length; from += chunk) {
            int rows = Math.min(chunk, labels.length - from);
            float[] part = Arrays.copyOfRange(xs, from * Synth.N_IN, (from + rows) * Synth.N_IN);
            Tensor logits = net.predict(Tensor.fromArray(part, rows, Synth.N_IN)).to(DType.FLOAT64);
            double[] classes = new double[rows];
            for (int r = 0; r < rows; r++) classes[r] = labels[from + r];
            total += sum.apply(logits, Tensor.fromArray(classes, rows)).item();
        }
        return total / labels.length;
    }

    /** Forward pass with softmax over the first 10,000 samples in batches of 1,000: one untimed pass, 5 timed. */
    public static Map<String, Object> w3() {
        jgrad.kernel.MatMul.prepare(true, false); // inference: the forward kernels only
        float[] xs = Synth.inputs(Synth.N_INFER);
        Tensor[] batches = new Tensor[Synth.N_INFER / Synth.INFER_BATCH];
        for (int b = 0; b < batches.length; b++) {
            int from = b * Synth.INFER_BATCH * Synth.N_IN;
            batches[b] = Tensor.fromArray(Arrays.copyOfRange(xs, from, from + Synth.INFER_BATCH * Synth.N_IN), Synth.INFER_BATCH, Synth.N_IN);
        }
        Sequential net = network().add(new Softmax()); // the forward pass includes the softmax
        Tensor out = onePass(net, batches);
        Timer t = new Timer();
        t.start();
        for (int pass = 0; pass < Synth.INFER_PASSES; pass++) out = onePass(net, batches);
        t.stop();
        int n = Synth.N_INFER * Synth.INFER_PASSES;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("samples_per_s", n / t.seconds);
        t.into(r);
        r.put("samples", n);
        double s = 0;
        for (int i = 0; i < out.size(); i++) s += out.getFlat(i) * (i % Synth.N_OUT);
        r.put("checksum", s); // Σ p_k·k over the last batch: the mean predicted class × 1000
        if (out.dtype() != DType.FLOAT32) throw new IllegalStateException("W3 must run in float32");
        return r;
    }

    private static Tensor onePass(Sequential net, Tensor[] batches) {
        Tensor out = null;
        for (Tensor b : batches) out = net.predict(b);
        return out;
    }
}
