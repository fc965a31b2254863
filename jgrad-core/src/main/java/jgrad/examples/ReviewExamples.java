package jgrad.examples;

import static jgrad.examples.Trace.grad;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.nn.HalfSquaredError;
import jgrad.nn.Identity;
import jgrad.nn.Init;
import jgrad.nn.Linear;
import jgrad.nn.Layer;
import jgrad.nn.Sequential;
import jgrad.nn.Sigmoid;
import jgrad.tensor.Tensor;

/** Seed 000, "Review of backpropagation": one neuron to two layers, L = ½(ŷ − y)², lr 0.1, 20 epochs. */
final class ReviewExamples {
    private static final double LR = 0.1;
    private static final int EPOCHS = 20;
    private static final double STOP = 0.01;

    private ReviewExamples() {}

    static List<SeedExample> all() {
        return List.of(
                new Example("neuron-identity", "one neuron, identity activation, one point (2, 5) (seed 000)",
                        () -> neuron("neuron-identity", new Identity(), column(2.0), column(5.0), "loss", "dL_d", null)),
                new Example("neuron-sigmoid", "one sigmoid neuron, one point (0.5, 1) (seed 000)",
                        () -> neuron("neuron-sigmoid", new Sigmoid(), column(0.5), column(1.0), "loss", "dL_d", null)),
                new Example("neuron-sigmoid-7points", "one sigmoid neuron, 7 points, averaged gradients (seed 000)",
                        () -> neuron("neuron-sigmoid-7points", new Sigmoid(), column(0.5, 0.8, 1.5, 0.4, 0.4, 1.0, 1.9),
                                column(1.0, 1.2, 1.2, 0.6, 0.5, 1.1, 1.3), "avg_loss", "avg_dL_d",
                                "The seed's printed w and b are wrong from epoch 1 and its losses from epoch 2: its backward pass uses the"
                                        + " stale scalars z and x left over from the previous example instead of the vectors Z and X."
                                        + " jgrad differentiates the real model: each point's gradient uses its own x and z.")),
                new Example("two-chained-sigmoid-neurons", "two sigmoid neurons in a chain, one point (seed 000)",
                        ReviewExamples::chained),
                new Example("two-neuron-hidden-layer", "two sigmoid neurons in a hidden layer, one output (seed 000)",
                        ReviewExamples::hiddenLayer));
    }

    static Tensor column(double... v) {
        return Tensor.of(v).reshape(v.length, 1);
    }

    private static Linear linear(double w, double b) {
        return new Linear(1, 1).init(Init.values(w), Init.values(b), 0);
    }

    /** ŷ = activation(w·x + b), w = 0.3 and b = 0.1 (identity: 0.5 and 1.0). */
    private static ExampleRun neuron(String id, Layer activation, Tensor x, Tensor y, String lossKey, String gradPrefix, String note) {
        boolean identity = activation instanceof Identity;
        Linear l = linear(identity ? 0.5 : 0.3, identity ? 1.0 : 0.1);
        Layer model = new Sequential(l, activation);
        Trace t = Trace.run(model, new HalfSquaredError(), x, y, LR, EPOCHS, STOP, "epoch", (r, loss) -> {
            r.put(lossKey, loss);
            r.put(gradPrefix + "w", grad(l.weight(), 0));
            r.put(gradPrefix + "b", grad(l.bias(), 0));
        }, r -> {
            r.put("w", l.weight().item());
            r.put("b", l.bias().item());
        });
        boolean averaged = lossKey.startsWith("avg");
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> r : t.records) {
            text.append("Epoch: ").append(r.get("epoch")).append(averaged ? ", average loss = " : ", Loss = ")
                    .append(f(r.get(lossKey))).append(", w = ").append(f(r.get("w"))).append(", b = ").append(f(r.get("b"))).append('\n');
        }
        if (t.stop != null) {
            text.append("\nStopping early at epoch ").append(t.stop.get("epoch")).append('\n')
                    .append(averaged ? "Average loss = " : "Loss = ").append(f(t.stop.get("loss")))
                    .append(", w = ").append(f(t.stop.get("w"))).append(", b = ").append(f(t.stop.get("b"))).append('\n');
        }
        return new ExampleRun(id, t.records, text.toString(), note, extras(t));
    }

    /** a₁ = σ(w₁x + b₁), ŷ = σ(w₂a₁ + b₂). */
    private static ExampleRun chained() {
        Linear first = linear(0.3, 0.1), second = linear(0.2, 0.2);
        Layer model = new Sequential(first, new Sigmoid(), second, new Sigmoid());
        Trace t = Trace.run(model, new HalfSquaredError(), column(0.5), column(1.0), LR, EPOCHS, STOP, "epoch", (r, loss) -> {
            r.put("loss", loss);
            r.put("dL_dw1", grad(first.weight(), 0));
            r.put("dL_dw2", grad(second.weight(), 0));
            r.put("dL_db1", grad(first.bias(), 0));
            r.put("dL_db2", grad(second.bias(), 0));
        }, r -> {
            r.put("w1", first.weight().item());
            r.put("w2", second.weight().item());
            r.put("b1", first.bias().item());
            r.put("b2", second.bias().item());
        });
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> r : t.records) {
            text.append("Epoch: ").append(r.get("epoch")).append(", Loss = ").append(f(r.get("loss")))
                    .append(", W = ").append(list(r, "w1", "w2")).append(", B = ").append(list(r, "b1", "b2")).append('\n');
        }
        return new ExampleRun("two-chained-sigmoid-neurons", t.records, text.toString(),
                "The seed's printed W is wrong from epoch 1 and its losses from epoch 2: it updates w1 = w2 - lr*dL_dw1"
                        + " (w2, not w1), so both printed weights stay almost equal. Its gradient formulas are right.",
                extras(t));
    }

    /**
     * Two hidden sigmoid units and one output with the seed's two output biases b21 and b22: a
     * model no layer library has, written directly with tensors. Autograd needs nothing more.
     */
    private static ExampleRun hiddenLayer() {
        Tensor w1 = Tensor.of(new double[][] {{0.3, 0.2}}).requiresGrad(true); // w11, w12
        Tensor b1 = Tensor.of(0.1, 0.2).requiresGrad(true); // b11, b12
        Tensor w2 = Tensor.of(new double[][] {{0.1}, {0.2}}).requiresGrad(true); // w21, w22
        Tensor b21 = Tensor.of(0.1).requiresGrad(true), b22 = Tensor.of(0.2).requiresGrad(true);
        Layer model = new Layer() {
            @Override
            public Tensor forward(Tensor x) {
                Tensor a = x.matmul(w1).add(b1).sigmoid();
                return a.matmul(w2).add(b21).add(b22).sigmoid();
            }

            @Override
            public Map<String, Tensor> namedParameters() {
                Map<String, Tensor> p = new LinkedHashMap<>();
                p.put("w1", w1);
                p.put("b1", b1);
                p.put("w2", w2);
                p.put("b21", b21);
                p.put("b22", b22);
                return p;
            }
        };
        Trace t = Trace.run(model, new HalfSquaredError(), column(0.5), column(1.0), LR, EPOCHS, STOP, "epoch", (r, loss) -> {
            r.put("loss", loss);
            r.put("dL_dw11", grad(w1, 0));
            r.put("dL_dw12", grad(w1, 1));
            r.put("dL_dw21", grad(w2, 0));
            r.put("dL_dw22", grad(w2, 1));
            r.put("dL_db11", grad(b1, 0));
            r.put("dL_db12", grad(b1, 1));
            r.put("dL_db21", grad(b21, 0));
            r.put("dL_db22", grad(b22, 0));
        }, r -> {
            r.put("w11", w1.getFlat(0));
            r.put("w12", w1.getFlat(1));
            r.put("w21", w2.getFlat(0));
            r.put("w22", w2.getFlat(1));
            r.put("b11", b1.getFlat(0));
            r.put("b12", b1.getFlat(1));
            r.put("b21", b21.getFlat(0));
            r.put("b22", b22.getFlat(0));
        });
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> r : t.records) {
            text.append("Epoch: ").append(r.get("epoch")).append(", Loss = ").append(f(r.get("loss"))).append('\n')
                    .append("W = ").append(list(r, "w11", "w12", "w21", "w22"))
                    .append(", B = ").append(list(r, "b11", "b12", "b21", "b22")).append('\n');
        }
        return new ExampleRun("two-neuron-hidden-layer", t.records, text.toString(), null, extras(t));
    }

    private static Map<String, Object> extras(Trace t) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("stop", t.stop);
        return e;
    }

    private static String f(Object number) {
        return SeedFormat.fixed(((Number) number).doubleValue(), 4, false);
    }

    private static String list(Map<String, Object> r, String... keys) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < keys.length; i++) sb.append(i == 0 ? "" : ", ").append(f(r.get(keys[i])));
        return sb.append(']').toString();
    }
}
