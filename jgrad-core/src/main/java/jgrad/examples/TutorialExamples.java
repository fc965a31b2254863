package jgrad.examples;

import static jgrad.examples.SeedFormat.repr;
import static jgrad.examples.Trace.grad;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.nn.BCELoss;
import jgrad.nn.Init;
import jgrad.nn.Linear;
import jgrad.nn.MSELoss;
import jgrad.nn.Sequential;
import jgrad.nn.Sigmoid;
import jgrad.tensor.Tensor;

/** Seed 002, "Beginning Tutorial: Backpropagation and Gradient Descent": micro net, NOT gate, XOR. */
final class TutorialExamples {
    private TutorialExamples() {}

    static List<SeedExample> all() {
        return List.of(
                new Example("micro-net-5points", "h = sigmoid(W x), 5 points, all targets 0, W = 5 (seed 002)", TutorialExamples::microNet),
                new Example("not-gate-with-bias", "NOT gate: h = sigmoid(w0 x + w1) from the seed's printed weights (seed 002)",
                        TutorialExamples::notGate),
                new Example("xor-2-3-1", "XOR with a 2-3-1 sigmoid network and cross-entropy, fixed start (seed 002)",
                        TutorialExamples::xor));
    }

    private static ExampleRun microNet() {
        Linear l = new Linear(1, 1, false).init(Init.values(5.0), 0);
        var model = new Sequential(l, new Sigmoid());
        Tensor x = ReviewExamples.column(0.1, 0.25, 0.5, 0.75, 1.0), y = Tensor.zeros(5, 1);
        MSELoss cost = new MSELoss(); // (1/m) Σ (h − y)², as the seed's code computes it
        double initial = cost.apply(model.predict(x), y).item();
        Trace t = Trace.run(model, cost, x, y, 0.5, 2000, Double.NEGATIVE_INFINITY, "epoch", (r, loss) -> {
            r.put("cost", loss);
            r.put("gradient", grad(l.weight(), 0));
        }, r -> r.put("weight", l.weight().item()));
        double[] out = model.predict(x).toDoubleArray();
        double finalCost = cost.apply(model.predict(x), y).item();
        StringBuilder rounded = new StringBuilder("[");
        for (int i = 0; i < out.length; i++) rounded.append(i == 0 ? "" : ", ").append(repr(Math.rint(out[i] * 100) / 100));
        String text = "Cost Before Gradient Descent: " + repr(initial) + "\n\n"
                + "Final Weight: " + NumpyFormat.column(l.weight().item()) + "\n\n"
                + "Final Cost: " + repr(finalCost) + "\n\n"
                + "np.round(run(X, weight),2) -> " + rounded + "]\n";
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("initial_cost", initial);
        extras.put("final", Map.of("W", l.weight().item()));
        extras.put("final_cost", finalCost);
        extras.put("final_outputs", out);
        return new ExampleRun("micro-net-5points", t.records, text,
                "The seed prints Final Weight -24.34 and Final Cost 0.0013, but its derivative sum((h-y)*h*(1-h)) leaves out"
                        + " the chain-rule factor x_i and the constant 2/m, so it is not gradient descent on its cost (at W = 5 it is"
                        + " 9 times too steep). With the true gradient, 2000 epochs reach W = -8.64 and the first output still rounds to 0.3.",
                extras);
    }

    private static ExampleRun notGate() {
        Linear l = new Linear(2, 1, false).init(Init.values(-0.14935895, 7.10444213), 0);
        var model = new Sequential(l, new Sigmoid());
        Tensor x = Tensor.of(new double[][] {{0, 1}, {1, 1}}), y = ReviewExamples.column(1, 0);
        MSELoss cost = new MSELoss();
        String initialWeights = NumpyFormat.column(l.weight().toDoubleArray());
        double initial = cost.apply(model.predict(x), y).item();
        Trace t = Trace.run(model, cost, x, y, 0.05, 12000, Double.NEGATIVE_INFINITY, "epoch", (r, loss) -> {
            r.put("cost", loss);
            r.put("gradient_w0", grad(l.weight(), 0));
            r.put("gradient_w1", grad(l.weight(), 1));
        }, r -> {
            r.put("w0", l.weight().getFlat(0));
            r.put("w1", l.weight().getFlat(1));
        });
        double[] out = model.predict(x).toDoubleArray();
        String text = "Initial Weight: " + initialWeights + "\n\n"
                + "Cost Before Gradient Descent: " + repr(initial) + "\n\n"
                + "Final Weight: " + NumpyFormat.column(l.weight().toDoubleArray()) + "\n\n"
                + "Final Cost: " + repr(cost.apply(model.predict(x), y).item()) + "\n\n"
                + "Result:\n" + NumpyFormat.column(Math.rint(out[0]), Math.rint(out[1])) + "\n";
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("initial_cost", initial);
        extras.put("final_outputs", out);
        return new ExampleRun("not-gate-with-bias", t.records, text,
                "The seed's gradients are wrong: costD2 = np.sum(X[:,0] * d.T) is an outer product, (sum x)(sum d) instead of"
                        + " sum(x*d), and costD1 = sum(d), the bias derivative, updates weights[0], the input weight. Both weights get"
                        + " the bias gradient, so w0 - w1 never changes. jgrad's final weights are [-4.9627, 2.5333], not [-4.7724, 2.4814].",
                extras);
    }

    /** θ1 (3×3) is the seed's [W1; b1] with the bias as its last row, θ2 (4) is [W2; b2]. */
    private static ExampleRun xor() {
        Linear hidden = new Linear(2, 3).init(Init.values(0.5, 0.6, -0.4, 0.7, -0.5, 0.3), Init.values(-0.2, 0.1, 0.2), 0);
        Linear output = new Linear(3, 1).init(Init.values(0.6, -0.7, 0.4), Init.values(-0.1), 0);
        var model = new Sequential(hidden, new Sigmoid(), output, new Sigmoid());
        Tensor x = Tensor.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}), y = ReviewExamples.column(0, 1, 1, 0);
        Trace t = Trace.run(model, new BCELoss(), x, y, 0.1, 10000, Double.NEGATIVE_INFINITY, "epoch", (r, loss) -> {
            r.put("bce", loss);
            r.put("outputs", model.predict(x).toDoubleArray());
            r.put("grad_theta1", stack(hidden.weight().grad(), hidden.bias().grad()));
            r.put("grad_theta2", concat(output.weight().grad(), output.bias().grad()));
        }, r -> {
            r.put("theta1", stack(hidden.weight(), hidden.bias()));
            r.put("theta2", concat(output.weight(), output.bias()));
        });
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> r : t.records) {
            int epoch = (Integer) r.get("epoch");
            if (epoch <= 2 || epoch % 1000 == 0) {
                double[] o = (double[]) r.get("outputs");
                text.append(String.format(java.util.Locale.ROOT, "epoch %d: J = %s, outputs = [%.6f, %.6f, %.6f, %.6f]%n",
                        epoch, repr((Double) r.get("bce")), o[0], o[1], o[2], o[3]));
            }
        }
        double[] out = model.predict(x).toDoubleArray();
        text.append("Results:\n").append(NumpyFormat.column(out)).append('\n');
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("final_outputs", out);
        extras.put("final_bce", new BCELoss().apply(model.predict(x), y).item());
        return new ExampleRun("xor-2-3-1", t.records, text.toString(), null, extras);
    }

    private static double[][] stack(Tensor w, Tensor b) {
        double[][] rows = w.toArray2D();
        double[][] out = java.util.Arrays.copyOf(rows, rows.length + 1);
        out[rows.length] = b.toDoubleArray();
        return out;
    }

    private static double[] concat(Tensor w, Tensor b) {
        double[] a = w.toDoubleArray(), c = b.toDoubleArray();
        double[] out = java.util.Arrays.copyOf(a, a.length + c.length);
        System.arraycopy(c, 0, out, a.length, c.length);
        return out;
    }
}
