package jgrad.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import jgrad.nn.Linear;
import jgrad.nn.MSELoss;
import jgrad.nn.Sequential;
import jgrad.nn.Sigmoid;
import jgrad.optim.SGD;
import jgrad.tensor.Tensor;
import jgrad.train.Trainer;

/**
 * W2 (xor-tiny) of SPEC.md through the public API, as a user would write it: a float64 Sequential
 * 2-3(sigmoid)-1(sigmoid), squared error, SGD lr 0.1, batch size 1 in the fixed order, 10,000 epochs.
 * The timed region is the whole fit, JIT warm-up included, as for the peers.
 */
public final class XorBench {
    private XorBench() {}

    public static Map<String, Object> w2() {
        double[] v = Synth.xorInit();
        Linear hidden = new Linear(2, 3), output = new Linear(3, 1);
        hidden.weight().copyFrom(Tensor.fromArray(java.util.Arrays.copyOfRange(v, 0, 6), 2, 3));
        hidden.bias().copyFrom(Tensor.fromArray(java.util.Arrays.copyOfRange(v, 6, 9), 3));
        output.weight().copyFrom(Tensor.fromArray(java.util.Arrays.copyOfRange(v, 9, 12), 3, 1));
        output.bias().copyFrom(Tensor.fromArray(java.util.Arrays.copyOfRange(v, 12, 13), 1));
        Sequential net = new Sequential(hidden, new Sigmoid(), output, new Sigmoid());
        Tensor x = Tensor.of(Synth.XOR_X), y = Tensor.fromArray(Synth.XOR_Y.clone(), 4, 1);
        MSELoss loss = new MSELoss(); // (o - t)² for one output and one sample
        double initial = summedError(net, x, y);
        Trainer trainer = Trainer.builder(net, loss, new SGD(net.parameters(), Synth.LR_XOR))
                .epochs(Synth.XOR_EPOCHS).batchSize(1).shuffle(false).build();

        Timer t = new Timer();
        t.start();
        trainer.fit(x, y);
        t.stop();

        int steps = 4 * Synth.XOR_EPOCHS;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("steps_per_s", steps / t.seconds);
        t.into(r);
        r.put("loss", summedError(net, x, y));
        r.put("initial_loss", initial);
        r.put("steps", steps);
        return r;
    }

    /** Σ over the 4 samples of (o − t)². */
    static double summedError(Sequential net, Tensor x, Tensor y) {
        Tensor d = net.predict(x).sub(y);
        return d.mul(d).sum().item();
    }
}
