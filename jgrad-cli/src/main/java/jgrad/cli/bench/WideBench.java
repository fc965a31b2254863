package jgrad.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.Linear;
import jgrad.nn.ReLU;
import jgrad.nn.Sequential;
import jgrad.optim.SGD;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;
import jgrad.train.History;
import jgrad.train.Trainer;

/**
 * W1 as the layers grow: 784-1024(ReLU)-512(ReLU)-10 ({@code w1-1024}) and 784-2048(ReLU)-1024(ReLU)-10
 * ({@code w1-2048}), float32, softmax cross-entropy, plain SGD lr 0.05, minibatches in order, W1's data
 * stream and weight rule (He-uniform from seeds 11, 12, 13 at these sizes). An epoch of 60,000 samples
 * would take seconds per repetition at these widths, so the work is {@link #SAMPLES} samples: one untimed
 * pass, then one timed pass over the same rows. The peers ({@code jgrad-bench/peers/}) run the same.
 */
public final class WideBench {
    /** Samples per pass: 240 steps of 32, 60 of 128, 15 of 512. */
    public static final int SAMPLES = 7_680;

    private WideBench() {}

    /** Hidden sizes of a workload id, or null when it is not one of these. */
    public static int[] hidden(String workload) {
        return switch (workload) {
            case "w1-1024" -> new int[] {1024, 512};
            case "w1-2048" -> new int[] {2048, 1024};
            default -> null;
        };
    }

    public static Map<String, Object> run(String workload, int batch) {
        int[] hid = hidden(workload);
        int[] sizes = {Synth.N_IN, hid[0], hid[1], Synth.N_OUT};
        float[] xs = Synth.inputs(SAMPLES);
        int[] labels = Synth.labels(xs, SAMPLES);
        double[] classes = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) classes[i] = labels[i];
        Tensor x = Tensor.fromArray(xs, SAMPLES, Synth.N_IN), y = Tensor.fromArray(classes, SAMPLES);
        Sequential net = new Sequential(new Linear(sizes[0], sizes[1]), new ReLU(), new Linear(sizes[1], sizes[2]), new ReLU(),
                new Linear(sizes[2], sizes[3])).to(DType.FLOAT32);
        int layer = 1;
        for (var m : net.layers()) {
            if (!(m instanceof Linear l)) continue;
            l.weight().copyFrom(Tensor.fromArray(Synth.weights(layer, sizes[layer - 1], sizes[layer]), sizes[layer - 1], sizes[layer]));
            l.bias().fill(0);
            layer++;
        }
        Trainer pass = Trainer.builder(net, new CrossEntropyLoss(), new SGD(net.parameters(), Synth.LR_MLP))
                .epochs(1).batchSize(batch).shuffle(false).build();
        History warm = pass.fit(x, y);
        Timer t = new Timer();
        t.start();
        History timed = pass.fit(x, y);
        t.stop();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("samples_per_s", SAMPLES / t.seconds);
        t.into(r);
        r.put("batch", batch);
        r.put("sizes", java.util.Arrays.toString(sizes));
        r.put("loss", timed.last().loss());
        r.put("warmup_loss", warm.last().loss());
        r.put("steps", Math.ceilDiv(SAMPLES, batch));
        return r;
    }
}
