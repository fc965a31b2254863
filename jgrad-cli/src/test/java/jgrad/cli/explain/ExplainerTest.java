package jgrad.cli.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jgrad.cli.model.SavedLayer;
import jgrad.cli.model.Network;
import jgrad.function.Activation;
import jgrad.function.Activations;
import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.HalfSquaredError;
import jgrad.nn.Linear;
import jgrad.nn.Loss;
import jgrad.nn.MSELoss;
import jgrad.nn.Layer;
import jgrad.nn.Sequential;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The printed derivations must give exactly the gradients the engine's autograd computes. */
class ExplainerTest {

    /** Seed 000's two chained sigmoid neurons, with the reference gradients of epoch 1. */
    @Test
    void seed000TwoNeuronsMatchesReferenceAndPrintsTheChain() {
        StringWriter text = new StringWriter();
        var g = Explainer.explain(Explainer.SEED_000, new double[] {0.5}, new double[] {1}, Explainer.Loss.HALF_SQUARED, 0.1, null, new PrintWriter(text));
        assertTrue(text.toString().contains("dL/dw1 = dL/dŷ · dŷ/dz2 · dz2/da1 · da1/dz1 · dz1/dw1 = (-0.42252) · 0.243997 · 0.2 · 0.246134 · 0.5 = -0.00253749"), text.toString());
        assertTrue(text.toString().contains("w2 ← 0.2 − 0.1 · (-0.0579568) = 0.205796"), text.toString());
        assertEquals(-0.0025374868183282986, g.weight().get(0)[0][0], 1e-15);
        assertEquals(-0.05795684387571943, g.weight().get(1)[0][0], 1e-15);
        assertEquals(-0.005074973636656597, g.bias().get(0)[0], 1e-15);
        assertEquals(-0.10309367927047687, g.bias().get(1)[0], 1e-15);
        assertEquals(0.0892618, g.loss(), 1e-7);
    }

    @Test
    void wideNetworksMatchAutogradForEveryLossAndActivation() {
        Random random = new Random(7);
        for (Activation act : List.of(Activations.SIGMOID, Activations.TANH, Activations.RELU, Activations.SILU)) {
            for (Explainer.Loss loss : Explainer.Loss.values()) {
                for (boolean softmaxOut : List.of(false, true)) {
                    if (softmaxOut && loss != Explainer.Loss.MSE) continue;
                    List<SavedLayer> layers = new ArrayList<>();
                    int[] widths = {3, 4, 2, 3};
                    for (int l = 1; l < widths.length; l++) {
                        layers.add(dense(widths[l - 1], widths[l], random));
                        if (l < widths.length - 1) layers.add(new SavedLayer.Activation(act));
                    }
                    if (softmaxOut) layers.add(new SavedLayer.Softmax());
                    else if (loss != Explainer.Loss.CROSS_ENTROPY) layers.add(new SavedLayer.Activation(act));
                    double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
                    double[] y = loss == Explainer.Loss.CROSS_ENTROPY || softmaxOut ? new double[] {0, 1, 0} : new double[] {0.2, -0.4, 0.9};
                    check(layers, x, y, loss, act.name() + " " + loss + (softmaxOut ? " softmax" : ""));
                }
            }
        }
    }

    private static void check(List<SavedLayer> layers, double[] x, double[] y, Explainer.Loss loss, String label) {
        Explainer.Gradients g = Explainer.explain(layers, x, y, loss, 0.1, "b", sink());
        Sequential net = Network.toModule(layers, DType.FLOAT64);
        Loss engineLoss = switch (loss) {
            case HALF_SQUARED -> new HalfSquaredError();
            case MSE -> new MSELoss();
            case CROSS_ENTROPY -> new CrossEntropyLoss();
        };
        Tensor target = loss == Explainer.Loss.CROSS_ENTROPY ? Tensor.of(1.0) : Tensor.of(new double[][] {y});
        Tensor l = engineLoss.apply(net.forward(Tensor.of(new double[][] {x})), target);
        l.backward();
        assertEquals(l.item(), g.loss(), 1e-12, label + " loss");
        int k = 0;
        for (Layer m : net.layers()) {
            if (!(m instanceof Linear linear)) continue;
            double[][] w = linear.weight().grad().toArray2D();
            double[] b = linear.bias().grad().toDoubleArray();
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) assertEquals(w[i][j], g.weight().get(k)[i][j], 1e-12, label + " dW layer " + (k + 1));
            }
            for (int j = 0; j < b.length; j++) assertEquals(b[j], g.bias().get(k)[j], 1e-12, label + " db layer " + (k + 1));
            k++;
        }
        assertEquals(g.weight().size(), k);
    }

    private static SavedLayer.Dense dense(int in, int out, Random random) {
        double[][] w = new double[in][out];
        double[] b = new double[out];
        for (double[] row : w) for (int j = 0; j < out; j++) row[j] = random.nextGaussian();
        for (int j = 0; j < out; j++) b[j] = random.nextGaussian() * 0.5;
        return new SavedLayer.Dense(w, b);
    }

    private static PrintWriter sink() {
        return new PrintWriter(new StringWriter());
    }
}
