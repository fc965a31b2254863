package jgrad.cli.explain;

import static jgrad.cli.explain.Names.d;
import static jgrad.cli.explain.Names.factor;
import static jgrad.cli.explain.Names.num;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import jgrad.cli.model.Layer;

/**
 * One forward and one backward pass through a small dense network, printed the way seed 000
 * derives it by hand: every z and a, dL/dŷ, every local derivative, and each dL/dw and dL/db as
 * the chain-rule product of the local derivatives along its path. Where paths fan in (a neuron
 * feeding several neurons), the sum over paths is shown and the chain continues from it.
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
        CROSS_ENTROPY
    }

    /** Seed 000, "Single data point and 2 neurons": x → σ(w1·x + b1) → σ(w2·a1 + b2), w1 = 0.3, b1 = 0.1, w2 = 0.2, b2 = 0.2. */
    public static final List<Layer> SEED_000 = List.of(
            new Layer.Dense(new double[][] {{0.3}}, new double[] {0.1}), new Layer.Activation(Layer.Function.SIGMOID),
            new Layer.Dense(new double[][] {{0.2}}, new double[] {0.2}), new Layer.Activation(Layer.Function.SIGMOID));

    /** A dense layer and the function applied after it (identity when none follows). */
    record Stage(double[][] w, double[] b, Layer.Function f) {}

    /** dL/dW and dL/db per dense layer (W as [in][out]), and the loss. */
    public record Gradients(double loss, List<double[][]> weight, List<double[]> bias) {}

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

        double product() {
            double p = 1;
            for (double v : values) p *= v;
            return p;
        }

        String formula() {
            return String.join(" · ", names);
        }

        String numbers() {
            return String.join(" · ", values.stream().map(Names::factor).toList());
        }
    }

    static List<Stage> stages(List<Layer> layers) {
        List<Stage> stages = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            if (!(layers.get(k) instanceof Layer.Dense dense)) throw new IllegalArgumentException("explain: layer " + (k + 1) + " is an activation without a linear layer before it");
            Layer.Function f = Layer.Function.IDENTITY;
            if (k + 1 < layers.size() && layers.get(k + 1) instanceof Layer.Activation act) {
                f = act.function();
                k++;
            }
            if (f == Layer.Function.SOFTMAX && k != layers.size() - 1) throw new IllegalArgumentException("explain: softmax only as the last layer");
            stages.add(new Stage(dense.weight(), dense.bias(), f));
        }
        return stages;
    }

    /**
     * Prints the passes to {@code out} and returns the gradients. {@code y} is the target vector
     * (one-hot for cross-entropy); {@code className} names the class for cross-entropy, else null.
     */
    public static Gradients explain(List<Layer> layers, double[] x, double[] y, Loss loss, double lr, String className, PrintWriter out) {
        List<Stage> stages = stages(layers);
        int depth = stages.size();
        int[] widths = new int[depth + 1];
        widths[0] = x.length;
        for (int l = 1; l <= depth; l++) widths[l] = stages.get(l - 1).b().length;
        Names n = new Names(widths);
        double[][] z = new double[depth + 1][], a = new double[depth + 1][];
        a[0] = x.clone();

        out.println("Forward pass");
        for (int l = 1; l <= depth; l++) {
            Stage s = stages.get(l - 1);
            z[l] = new double[widths[l]];
            for (int j = 0; j < widths[l]; j++) {
                double sum = s.b()[j];
                List<String> terms = new ArrayList<>(), values = new ArrayList<>();
                for (int i = 0; i < widths[l - 1]; i++) {
                    sum += s.w()[i][j] * a[l - 1][i];
                    terms.add(n.w(l, i, j) + "·" + n.a(l - 1, i));
                    values.add(factor(s.w()[i][j]) + "·" + factor(a[l - 1][i]));
                }
                z[l][j] = sum;
                String b = n.b(l, j);
                if (widths[l - 1] <= 4) {
                    out.printf("  %s = %s + %s = %s + %s = %s%n", n.z(l, j), String.join(" + ", terms), b, String.join(" + ", values), factor(s.b()[j]), num(sum));
                } else {
                    out.printf("  %s = Σᵢ %s·%s + %s = %s%n", n.z(l, j), n.w(l, 0, j).replaceFirst("\\[1,", "[i,"), n.a(l - 1, 0).replaceFirst("1", "ᵢ"), b, num(sum));
                }
            }
            a[l] = activate(s.f(), z[l]);
            boolean logits = l == depth && loss == Loss.CROSS_ENTROPY;
            if (!logits || s.f() != Layer.Function.IDENTITY) {
                for (int j = 0; j < widths[l]; j++) out.printf("  %s = %s%n", n.a(l, j), forward(s.f(), n.z(l, j), z[l], j, a[l][j]));
            }
        }

        double[] yhat = a[depth];
        double lossValue;
        double[] p = null;
        int k = yhat.length;
        switch (loss) {
            case CROSS_ENTROPY -> {
                p = activate(Layer.Function.SOFTMAX, yhat);
                int c = argmax(y);
                for (int j = 0; j < k; j++) out.printf("  p[%d] = softmax(%s)[%d] = %s%n", j + 1, "z" + depth, j + 1, num(p[j]));
                lossValue = -Math.log(p[c]);
                out.printf("  L = −ln p[%d] = −ln %s = %s   (cross-entropy, true class %s)%n", c + 1, num(p[c]), num(lossValue), className);
            }
            case HALF_SQUARED -> {
                lossValue = 0;
                for (int j = 0; j < k; j++) lossValue += 0.5 * (yhat[j] - y[j]) * (yhat[j] - y[j]);
                out.printf("  L = ½%s(%s − y)² = %s%n", k == 1 ? "" : "Σₖ", k == 1 ? "ŷ" : "ŷ[k]", k == 1 ? "½(" + num(yhat[0]) + " − " + num(y[0]) + ")² = " + num(lossValue) : num(lossValue));
            }
            case MSE -> {
                lossValue = 0;
                for (int j = 0; j < k; j++) lossValue += (yhat[j] - y[j]) * (yhat[j] - y[j]) / k;
                out.printf("  L = %s = %s%n", k == 1 ? "(ŷ − y)² = (" + num(yhat[0]) + " − " + num(y[0]) + ")²" : "(1/" + k + ")Σₖ(ŷ[k] − y[k])²", num(lossValue));
            }
            default -> throw new IllegalStateException();
        }

        out.println();
        out.println("Backward pass (chain rule)");
        Chain[] dz = outputChains(stages.get(depth - 1), n, z[depth], yhat, y, p, loss, out);
        List<double[][]> dW = new ArrayList<>();
        List<double[]> db = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            dW.add(null);
            db.add(null);
        }
        for (int l = depth; l >= 1; l--) {
            Stage s = stages.get(l - 1);
            double[][] gw = new double[widths[l - 1]][widths[l]];
            double[] gb = new double[widths[l]];
            for (int j = 0; j < widths[l]; j++) {
                for (int i = 0; i < widths[l - 1]; i++) {
                    out.printf("  %s = %s = %s%n", d(n.z(l, j), n.w(l, i, j)), n.a(l - 1, i), num(a[l - 1][i]));
                    Chain c = dz[j].then(d(n.z(l, j), n.w(l, i, j)), a[l - 1][i]);
                    gw[i][j] = c.product();
                    out.printf("  %s = %s = %s = %s%n", d("L", n.w(l, i, j)), c.formula(), c.numbers(), num(gw[i][j]));
                }
                out.printf("  %s = 1%n", d(n.z(l, j), n.b(l, j)));
                Chain c = dz[j].then(d(n.z(l, j), n.b(l, j)), 1);
                gb[j] = c.product();
                out.printf("  %s = %s = %s = %s%n", d("L", n.b(l, j)), c.formula(), c.numbers(), num(gb[j]));
            }
            dW.set(l - 1, gw);
            db.set(l - 1, gb);
            if (l > 1) dz = hiddenChains(l, s, stages.get(l - 2).f(), n, z[l - 1], a[l - 1], dz, out);
        }

        out.println();
        out.printf("Gradient descent step (lr = %s): parameter ← parameter − lr · dL/dparameter%n", num(lr));
        for (int l = 1; l <= depth; l++) {
            Stage s = stages.get(l - 1);
            for (int j = 0; j < widths[l]; j++) {
                for (int i = 0; i < widths[l - 1]; i++) step(out, n.w(l, i, j), s.w()[i][j], lr, dW.get(l - 1)[i][j]);
                step(out, n.b(l, j), s.b()[j], lr, db.get(l - 1)[j]);
            }
        }
        return new Gradients(lossValue, dW, db);
    }

    private static void step(PrintWriter out, String name, double value, double lr, double grad) {
        out.printf("  %s ← %s − %s · %s = %s%n", name, num(value), num(lr), factor(grad), num(value - lr * grad));
    }

    /** dL/dz of the output layer: through dL/dŷ and dŷ/dz, or directly for softmax with cross-entropy. */
    private static Chain[] outputChains(Stage s, Names n, double[] z, double[] yhat, double[] y, double[] p, Loss loss, PrintWriter out) {
        int depth = n.layers(), k = yhat.length;
        Chain[] dz = new Chain[k];
        if (loss == Loss.CROSS_ENTROPY && s.f() == Layer.Function.IDENTITY) {
            for (int j = 0; j < k; j++) {
                double g = p[j] - y[j];
                out.printf("  %s = p[%d] − y[%d] = %s − %s = %s   (softmax and cross-entropy together)%n", d("L", n.z(depth, j)), j + 1, j + 1, num(p[j]), num(y[j]), num(g));
                dz[j] = Chain.of(d("L", n.z(depth, j)), g);
            }
            return dz;
        }
        if (loss == Loss.CROSS_ENTROPY) throw new IllegalArgumentException("explain: a cross-entropy model must output logits (no activation after the last layer)");
        double[] dyhat = new double[k];
        for (int j = 0; j < k; j++) {
            String yhatName = n.a(depth, j), yName = k == 1 ? "y" : "y[" + (j + 1) + "]";
            dyhat[j] = loss == Loss.HALF_SQUARED ? yhat[j] - y[j] : 2 * (yhat[j] - y[j]) / k;
            String two = loss == Loss.HALF_SQUARED ? "" : k == 1 ? "2" : "(2/" + k + ")";
            String rule = two.isEmpty() ? yhatName + " − " + yName : two + "(" + yhatName + " − " + yName + ")";
            String numbers = two.isEmpty() ? num(yhat[j]) + " − " + num(y[j]) : two + "(" + num(yhat[j]) + " − " + num(y[j]) + ")";
            out.printf("  %s = %s = %s = %s%n", d("L", yhatName), rule, numbers, num(dyhat[j]));
        }
        if (s.f() == Layer.Function.SOFTMAX) {
            double dot = 0;
            for (int j = 0; j < k; j++) dot += dyhat[j] * yhat[j];
            for (int j = 0; j < k; j++) {
                double g = yhat[j] * (dyhat[j] - dot);
                out.printf("  %s = ŷ[%d]·(dL/dŷ[%d] − Σₖ dL/dŷ[k]·ŷ[k]) = %s   (softmax Jacobian)%n", d("L", n.z(depth, j)), j + 1, j + 1, num(g));
                dz[j] = Chain.of(d("L", n.z(depth, j)), g);
            }
            return dz;
        }
        for (int j = 0; j < k; j++) {
            double local = derivative(s.f(), z[j], yhat[j]);
            out.printf("  %s = %s = %s%n", d(n.a(depth, j), n.z(depth, j)), derivativeRule(s.f(), n.z(depth, j)), num(local));
            dz[j] = Chain.of(d("L", n.a(depth, j)), dyhat[j]).then(d(n.a(depth, j), n.z(depth, j)), local);
        }
        return dz;
    }

    /** From dL/dz of layer l to dL/dz of layer l − 1: along the one path, or summed over the paths. */
    private static Chain[] hiddenChains(int l, Stage s, Layer.Function f, Names n, double[] zPrev, double[] aPrev, Chain[] dz, PrintWriter out) {
        int width = aPrev.length, next = dz.length;
        Chain[] result = new Chain[width];
        for (int i = 0; i < width; i++) {
            Chain da;
            if (next == 1) {
                out.printf("  %s = %s = %s%n", d(n.z(l, 0), n.a(l - 1, i)), n.w(l, i, 0), num(s.w()[i][0]));
                da = dz[0].then(d(n.z(l, 0), n.a(l - 1, i)), s.w()[i][0]);
            } else {
                double sum = 0;
                List<String> terms = new ArrayList<>();
                for (int j = 0; j < next; j++) {
                    sum += dz[j].product() * s.w()[i][j];
                    terms.add(factor(dz[j].product()) + "·" + factor(s.w()[i][j]));
                }
                out.printf("  %s = Σⱼ %s · %s = %s = %s%n", d("L", n.a(l - 1, i)), d("L", n.z(l, 0)).replace("[1]", "[j]"),
                        n.w(l, i, 0).replaceFirst(",1]", ",j]"), next <= 4 ? String.join(" + ", terms) : "…", num(sum));
                da = Chain.of(d("L", n.a(l - 1, i)), sum);
            }
            double local = derivative(f, zPrev[i], aPrev[i]);
            out.printf("  %s = %s = %s%n", d(n.a(l - 1, i), n.z(l - 1, i)), derivativeRule(f, n.z(l - 1, i)), num(local));
            result[i] = da.then(d(n.a(l - 1, i), n.z(l - 1, i)), local);
        }
        return result;
    }

    static double[] activate(Layer.Function f, double[] z) {
        double[] a = new double[z.length];
        if (f == Layer.Function.SOFTMAX) {
            double max = java.util.Arrays.stream(z).max().orElse(0), sum = 0;
            for (int j = 0; j < z.length; j++) sum += a[j] = Math.exp(z[j] - max);
            for (int j = 0; j < z.length; j++) a[j] /= sum;
            return a;
        }
        for (int j = 0; j < z.length; j++) {
            a[j] = switch (f) {
                case SIGMOID -> 1 / (1 + Math.exp(-z[j]));
                case TANH -> Math.tanh(z[j]);
                case RELU -> Math.max(0, z[j]);
                case IDENTITY -> z[j];
                case SOFTMAX -> throw new IllegalStateException();
            };
        }
        return a;
    }

    private static String forward(Layer.Function f, String zName, double[] z, int j, double a) {
        return switch (f) {
            case SIGMOID -> "σ(" + zName + ") = 1/(1 + e^−" + zName + ") = " + num(a);
            case TANH -> "tanh(" + zName + ") = " + num(a);
            case RELU -> "relu(" + zName + ") = max(0, " + num(z[j]) + ") = " + num(a);
            case IDENTITY -> zName + " = " + num(a);
            case SOFTMAX -> "softmax(" + zName.replaceAll("\\[.*", "") + ")[" + (j + 1) + "] = " + num(a);
        };
    }

    private static double derivative(Layer.Function f, double z, double a) {
        return switch (f) {
            case SIGMOID -> a * (1 - a);
            case TANH -> 1 - a * a;
            case RELU -> z > 0 ? 1 : 0;
            case IDENTITY -> 1;
            case SOFTMAX -> throw new IllegalStateException("softmax has a Jacobian, not a derivative per neuron");
        };
    }

    private static String derivativeRule(Layer.Function f, String zName) {
        return switch (f) {
            case SIGMOID -> "σ(" + zName + ")(1 − σ(" + zName + "))";
            case TANH -> "1 − tanh²(" + zName + ")";
            case RELU -> "(" + zName + " > 0 ? 1 : 0)";
            case IDENTITY -> "1 (no activation)";
            case SOFTMAX -> "softmax Jacobian";
        };
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) if (v[j] > v[best]) best = j;
        return best;
    }
}
