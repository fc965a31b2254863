package jgrad.cli.explain;

import static jgrad.cli.explain.Names.d;
import static jgrad.cli.explain.Names.factor;
import static jgrad.cli.explain.Names.num;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import jgrad.cli.model.Network;
import jgrad.cli.model.SavedLayer;
import jgrad.function.Activation;
import jgrad.function.Activations;
import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.HalfSquaredError;
import jgrad.nn.Layer;
import jgrad.nn.Linear;
import jgrad.nn.MSELoss;
import jgrad.nn.Sequential;
import jgrad.optim.SGD;
import jgrad.tensor.Autograd;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;

/**
 * One forward and one backward pass through a small dense network, printed the way seed 000
 * derives it by hand: every z and a, dL/dŷ, every local derivative, and each dL/dw and dL/db as
 * the chain-rule product of the local derivatives along its path. Where paths fan in (a neuron
 * feeding several neurons), the sum over paths is shown and the chain continues from it.
 *
 * <p>It computes nothing of its own: the engine runs the network ({@link Sequential}), the loss and
 * {@code backward()}; the values, the gradients of every intermediate result and the SGD update are
 * read from it, and each local derivative comes from the activation's one definition. This class only
 * formats them.
 */
public final class Explainer {
    private Explainer() {}

    /** The loss at the output. */
    public enum Loss {
        /** L = ½Σ(ŷ − y)², seed 000's loss */
        HALF_SQUARED,
        /** L = (1/K)Σ(ŷ − y)², the engine's MSELoss for one row */
        MSE,
        /** L = −ln softmax(z)[c] on logits z, the engine's CrossEntropyLoss */
        CROSS_ENTROPY;

        jgrad.nn.Loss engine() {
            return switch (this) {
                case HALF_SQUARED -> new HalfSquaredError();
                case MSE -> new MSELoss();
                case CROSS_ENTROPY -> new CrossEntropyLoss();
            };
        }
    }

    /** Seed 000, "Single data point and 2 neurons": x → σ(w1·x + b1) → σ(w2·a1 + b2), w1 = 0.3, b1 = 0.1, w2 = 0.2, b2 = 0.2. */
    public static final List<SavedLayer> SEED_000 = List.of(
            new SavedLayer.Dense(new double[][] {{0.3}}, new double[] {0.1}), new SavedLayer.Activation(Activations.SIGMOID),
            new SavedLayer.Dense(new double[][] {{0.2}}, new double[] {0.2}), new SavedLayer.Activation(Activations.SIGMOID));

    /** A dense layer and the function applied after it: an activation (identity when none follows), or softmax. */
    record Stage(double[][] w, double[] b, Activation f, boolean softmax) {}

    /** dL/dW and dL/db per dense layer (W as [in][out]), and the loss. */
    public record Gradients(double loss, List<double[][]> weight, List<double[]> bias) {}

    /** What the engine computed for one sample, layer by layer: l = 0 is the input. */
    private record Pass(Tensor[] z, Tensor[] a, List<Linear> linears, Tensor loss, Tensor probabilities) {
        double z(int l, int j) { return z[l].getFlat(j); }
        double a(int l, int j) { return a[l].getFlat(j); }
        double[] a(int l) { return a[l].toDoubleArray(); }
        /** dL/d(z of neuron j in layer l), as backward() left it. */
        double dz(int l, int j) { return z[l].grad().getFlat(j); }
        double da(int l, int j) { return a[l].grad().getFlat(j); }
        Tensor weightGrad(int l) { return linears.get(l - 1).weight().grad(); }
        Tensor biasGrad(int l) { return linears.get(l - 1).bias().grad(); }
    }

    /** A product of named local derivatives: the chain rule written out. */
    private record Chain(List<String> names, List<Double> values) {
        static Chain of(String name, double value) {
            return new Chain(List.of(name), List.of(value));
        }

        Chain then(String name, double value) {
            List<String> n = new ArrayList<>(names);
            List<Double> v = new ArrayList<>(values);
            n.add(name);
            v.add(value);
            return new Chain(n, v);
        }

        String formula() {
            return String.join(" · ", names);
        }

        String numbers() {
            return String.join(" · ", values.stream().map(Names::factor).toList());
        }
    }

    static List<Stage> stages(List<SavedLayer> layers) {
        List<Stage> stages = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            if (!(layers.get(k) instanceof SavedLayer.Dense dense)) throw new IllegalArgumentException("explain: layer " + (k + 1) + " is an activation without a linear layer before it");
            Activation f = Activations.IDENTITY;
            boolean softmax = false;
            if (k + 1 < layers.size() && !(layers.get(k + 1) instanceof SavedLayer.Dense)) {
                switch (layers.get(k + 1)) {
                    case SavedLayer.Activation act -> f = act.function();
                    case SavedLayer.Softmax s -> softmax = true;
                    default -> throw new IllegalArgumentException("explain: " + SavedLayer.label(layers.get(k + 1))
                            + " layers are not explained step by step; explain a model of dense layers and activations");
                }
                k++;
            }
            if (softmax && k != layers.size() - 1) throw new IllegalArgumentException("explain: softmax only as the last layer");
            stages.add(new Stage(dense.weight(), dense.bias(), f, softmax));
        }
        return stages;
    }

    /** Runs the network, the loss and backward() in the engine on one sample, keeping every layer's z and a. */
    private static Pass run(List<SavedLayer> layers, int depth, double[] x, double[] y, Loss loss) {
        Sequential net = Network.toModule(layers, DType.FLOAT64);
        Tensor[] z = new Tensor[depth + 1], a = new Tensor[depth + 1];
        a[0] = Tensor.of(new double[][] {x});
        List<Linear> linears = new ArrayList<>();
        int l = 0;
        for (Layer m : net.layers()) {
            if (m instanceof Linear linear) {
                linears.add(linear);
                l++;
                z[l] = linear.forward(a[l - 1]);
                a[l] = z[l]; // until an activation follows
            } else {
                a[l] = m.forward(z[l]);
            }
        }
        Tensor target = loss == Loss.CROSS_ENTROPY ? Tensor.of((double) argmax(y)) : Tensor.of(new double[][] {y});
        Tensor value = loss.engine().apply(a[depth], target);
        value.backward();
        Tensor p = null;
        if (loss == Loss.CROSS_ENTROPY) {
            try (var ignored = Autograd.noGrad()) {
                p = a[depth].softmax(1);
            }
        }
        return new Pass(z, a, linears, value, p);
    }

    /**
     * Prints the passes to {@code out} and returns the gradients. {@code y} is the target vector
     * (one-hot for cross-entropy); {@code className} names the class for cross-entropy, else null.
     */
    public static Gradients explain(List<SavedLayer> layers, double[] x, double[] y, Loss loss, double lr, String className, PrintWriter out) {
        List<Stage> stages = stages(layers);
        int depth = stages.size();
        if (loss == Loss.CROSS_ENTROPY && (stages.get(depth - 1).softmax() || stages.get(depth - 1).f() != Activations.IDENTITY)) {
            throw new IllegalArgumentException("explain: a cross-entropy model must output logits (no activation after the last layer)");
        }
        int[] widths = new int[depth + 1];
        widths[0] = x.length;
        for (int l = 1; l <= depth; l++) widths[l] = stages.get(l - 1).b().length;
        Names n = new Names(widths);
        Pass e = run(layers, depth, x, y, loss);

        out.println("Forward pass");
        for (int l = 1; l <= depth; l++) {
            Stage s = stages.get(l - 1);
            for (int j = 0; j < widths[l]; j++) {
                List<String> terms = new ArrayList<>(), values = new ArrayList<>();
                for (int i = 0; i < widths[l - 1]; i++) {
                    terms.add(n.w(l, i, j) + "·" + n.a(l - 1, i));
                    values.add(factor(s.w()[i][j]) + "·" + factor(e.a(l - 1, i)));
                }
                String b = n.b(l, j);
                if (widths[l - 1] <= 4) {
                    out.printf("  %s = %s + %s = %s + %s = %s%n", n.z(l, j), String.join(" + ", terms), b, String.join(" + ", values), factor(s.b()[j]), num(e.z(l, j)));
                } else {
                    out.printf("  %s = Σᵢ %s·%s + %s = %s%n", n.z(l, j), n.w(l, 0, j).replaceFirst("\\[1,", "[i,"), n.a(l - 1, 0).replaceFirst("1", "ᵢ"), b, num(e.z(l, j)));
                }
            }
            boolean logits = l == depth && loss == Loss.CROSS_ENTROPY;
            if (!logits || s.softmax() || s.f() != Activations.IDENTITY) {
                for (int j = 0; j < widths[l]; j++) {
                    String rule = s.softmax() ? "softmax(" + n.z(l, j).replaceAll("\\[.*", "") + ")[" + (j + 1) + "]" : s.f().formula(n.z(l, j), num(e.z(l, j)));
                    out.printf("  %s = %s = %s%n", n.a(l, j), rule, num(e.a(l, j)));
                }
            }
        }

        double lossValue = e.loss().item();
        int k = widths[depth];
        switch (loss) {
            case CROSS_ENTROPY -> {
                int c = argmax(y);
                for (int j = 0; j < k; j++) out.printf("  p[%d] = softmax(%s)[%d] = %s%n", j + 1, "z" + depth, j + 1, num(e.probabilities().getFlat(j)));
                out.printf("  L = −ln p[%d] = −ln %s = %s   (cross-entropy, true class %s)%n", c + 1, num(e.probabilities().getFlat(c)), num(lossValue), className);
            }
            case HALF_SQUARED -> out.printf("  L = ½%s(%s − y)² = %s%n", k == 1 ? "" : "Σₖ", k == 1 ? "ŷ" : "ŷ[k]",
                    k == 1 ? "½(" + num(e.a(depth, 0)) + " − " + num(y[0]) + ")² = " + num(lossValue) : num(lossValue));
            case MSE -> out.printf("  L = %s = %s%n", k == 1 ? "(ŷ − y)² = (" + num(e.a(depth, 0)) + " − " + num(y[0]) + ")²" : "(1/" + k + ")Σₖ(ŷ[k] − y[k])²", num(lossValue));
        }

        out.println();
        out.println("Backward pass (chain rule)");
        Chain[] dz = outputChains(stages.get(depth - 1), n, e, y, loss, out);
        for (int l = depth; l >= 1; l--) {
            Tensor gw = e.weightGrad(l), gb = e.biasGrad(l);
            for (int j = 0; j < widths[l]; j++) {
                for (int i = 0; i < widths[l - 1]; i++) {
                    out.printf("  %s = %s = %s%n", d(n.z(l, j), n.w(l, i, j)), n.a(l - 1, i), num(e.a(l - 1, i)));
                    Chain c = dz[j].then(d(n.z(l, j), n.w(l, i, j)), e.a(l - 1, i));
                    out.printf("  %s = %s = %s = %s%n", d("L", n.w(l, i, j)), c.formula(), c.numbers(), num(gw.getFlat(i * widths[l] + j)));
                }
                out.printf("  %s = 1%n", d(n.z(l, j), n.b(l, j)));
                Chain c = dz[j].then(d(n.z(l, j), n.b(l, j)), 1);
                out.printf("  %s = %s = %s = %s%n", d("L", n.b(l, j)), c.formula(), c.numbers(), num(gb.getFlat(j)));
            }
            if (l > 1) dz = hiddenChains(l, stages.get(l - 1), stages.get(l - 2).f(), n, e, dz, out);
        }

        List<double[][]> dW = new ArrayList<>();
        List<double[]> db = new ArrayList<>();
        List<Tensor> before = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            dW.add(e.weightGrad(l).toArray2D());
            db.add(e.biasGrad(l).toDoubleArray());
            before.add(e.linears().get(l - 1).weight().copy());
            before.add(e.linears().get(l - 1).bias().copy());
        }
        List<Tensor> params = e.linears().stream().flatMap(linear -> linear.parameters().stream()).toList();
        new SGD(params, lr).step(); // the engine's own update rule
        out.println();
        out.printf("Gradient descent step (lr = %s): parameter ← parameter − lr · dL/dparameter%n", num(lr));
        for (int l = 1; l <= depth; l++) {
            Tensor w = before.get(2 * (l - 1)), b = before.get(2 * (l - 1) + 1);
            Linear after = e.linears().get(l - 1);
            for (int j = 0; j < widths[l]; j++) {
                for (int i = 0; i < widths[l - 1]; i++) {
                    int at = i * widths[l] + j;
                    step(out, n.w(l, i, j), w.getFlat(at), lr, e.weightGrad(l).getFlat(at), after.weight().getFlat(at));
                }
                step(out, n.b(l, j), b.getFlat(j), lr, e.biasGrad(l).getFlat(j), after.bias().getFlat(j));
            }
        }
        return new Gradients(lossValue, dW, db);
    }

    private static void step(PrintWriter out, String name, double value, double lr, double grad, double updated) {
        out.printf("  %s ← %s − %s · %s = %s%n", name, num(value), num(lr), factor(grad), num(updated));
    }

    /** dL/dz of the output layer: through dL/dŷ and dŷ/dz, or directly for softmax with cross-entropy. */
    private static Chain[] outputChains(Stage s, Names n, Pass e, double[] y, Loss loss, PrintWriter out) {
        int depth = n.layers(), k = y.length;
        Chain[] dz = new Chain[k];
        if (loss == Loss.CROSS_ENTROPY) {
            for (int j = 0; j < k; j++) {
                double p = e.probabilities().getFlat(j), g = e.dz(depth, j);
                out.printf("  %s = p[%d] − y[%d] = %s − %s = %s   (softmax and cross-entropy together)%n", d("L", n.z(depth, j)), j + 1, j + 1, num(p), num(y[j]), num(g));
                dz[j] = Chain.of(d("L", n.z(depth, j)), g);
            }
            return dz;
        }
        for (int j = 0; j < k; j++) {
            String yhatName = n.a(depth, j), yName = k == 1 ? "y" : "y[" + (j + 1) + "]";
            String two = loss == Loss.HALF_SQUARED ? "" : k == 1 ? "2" : "(2/" + k + ")";
            String rule = two.isEmpty() ? yhatName + " − " + yName : two + "(" + yhatName + " − " + yName + ")";
            String numbers = two.isEmpty() ? num(e.a(depth, j)) + " − " + num(y[j]) : two + "(" + num(e.a(depth, j)) + " − " + num(y[j]) + ")";
            out.printf("  %s = %s = %s = %s%n", d("L", yhatName), rule, numbers, num(e.da(depth, j)));
        }
        if (s.softmax()) {
            for (int j = 0; j < k; j++) {
                out.printf("  %s = ŷ[%d]·(dL/dŷ[%d] − Σₖ dL/dŷ[k]·ŷ[k]) = %s   (softmax Jacobian)%n", d("L", n.z(depth, j)), j + 1, j + 1, num(e.dz(depth, j)));
                dz[j] = Chain.of(d("L", n.z(depth, j)), e.dz(depth, j));
            }
            return dz;
        }
        for (int j = 0; j < k; j++) {
            double local = s.f().derivative(e.z(depth, j), e.a(depth, j));
            out.printf("  %s = %s = %s%n", d(n.a(depth, j), n.z(depth, j)), s.f().derivativeFormula(n.z(depth, j)), num(local));
            dz[j] = Chain.of(d("L", n.a(depth, j)), e.da(depth, j)).then(d(n.a(depth, j), n.z(depth, j)), local);
        }
        return dz;
    }

    /** From dL/dz of layer l to dL/dz of layer l − 1: along the one path, or summed over the paths. */
    private static Chain[] hiddenChains(int l, Stage s, Activation f, Names n, Pass e, Chain[] dz, PrintWriter out) {
        int width = e.a[l - 1].size(), next = dz.length;
        Chain[] result = new Chain[width];
        for (int i = 0; i < width; i++) {
            Chain da;
            if (next == 1) {
                out.printf("  %s = %s = %s%n", d(n.z(l, 0), n.a(l - 1, i)), n.w(l, i, 0), num(s.w()[i][0]));
                da = dz[0].then(d(n.z(l, 0), n.a(l - 1, i)), s.w()[i][0]);
            } else {
                List<String> terms = new ArrayList<>();
                for (int j = 0; j < next; j++) terms.add(factor(e.dz(l, j)) + "·" + factor(s.w()[i][j]));
                out.printf("  %s = Σⱼ %s · %s = %s = %s%n", d("L", n.a(l - 1, i)), d("L", n.z(l, 0)).replace("[1]", "[j]"),
                        n.w(l, i, 0).replaceFirst(",1]", ",j]"), next <= 4 ? String.join(" + ", terms) : "…", num(e.da(l - 1, i)));
                da = Chain.of(d("L", n.a(l - 1, i)), e.da(l - 1, i));
            }
            double local = f.derivative(e.z(l - 1, i), e.a(l - 1, i));
            out.printf("  %s = %s = %s%n", d(n.a(l - 1, i), n.z(l - 1, i)), f.derivativeFormula(n.z(l - 1, i)), num(local));
            result[i] = da.then(d(n.a(l - 1, i), n.z(l - 1, i)), local);
        }
        return result;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) if (v[j] > v[best]) best = j;
        return best;
    }
}
