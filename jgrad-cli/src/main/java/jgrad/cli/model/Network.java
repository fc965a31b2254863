package jgrad.cli.model;

import java.util.ArrayList;
import java.util.List;
import jgrad.function.Activation;
import jgrad.function.Activations;
import jgrad.nn.ActivationLayer;
import jgrad.nn.BatchNorm1d;
import jgrad.nn.Dropout;
import jgrad.nn.Layer;
import jgrad.nn.Linear;
import jgrad.nn.Sequential;
import jgrad.nn.Softmax;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;

/**
 * Converts between the saved form of a network ({@link SavedLayer}s with plain arrays) and the
 * engine's {@link Sequential} of {@link Linear} layers and activations.
 */
public final class Network {
    private Network() {}

    /** The names {@code --activation} takes, as a help text or error lists them. */
    public static String hiddenActivationNames() {
        return String.join("|", Activations.all().stream().filter(a -> a != Activations.IDENTITY).map(Activation::name).toList());
    }

    /** The same names, for picocli's {@code ${COMPLETION-CANDIDATES}}. */
    public static final class HiddenActivations implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of(hiddenActivationNames().split("\\|")).iterator();
        }
    }

    /** Every activation a model file may name. */
    public static String activationNames() {
        return String.join(", ", Activations.all().stream().map(Activation::name).toList());
    }

    /** The engine network for saved layers, in {@code dtype}. */
    public static Sequential toModule(List<SavedLayer> layers, DType dtype) {
        Sequential net = new Sequential();
        for (SavedLayer layer : layers) {
            switch (layer) {
                case SavedLayer.Dense d -> {
                    Linear linear = new Linear(d.in(), d.out());
                    linear.weight().copyFrom(Tensor.of(d.weight()));
                    linear.bias().copyFrom(Tensor.of(d.bias()));
                    net.add(linear);
                }
                case SavedLayer.Activation a -> net.add(ActivationLayer.of(a.function().name()));
                case SavedLayer.Softmax s -> net.add(new Softmax());
                case SavedLayer.Dropout d -> net.add(new Dropout(d.p(), 0));
                case SavedLayer.BatchNorm b -> {
                    BatchNorm1d bn = new BatchNorm1d(b.features(), b.eps(), b.momentum());
                    bn.weight().copyFrom(Tensor.of(b.weight()));
                    bn.bias().copyFrom(Tensor.of(b.bias()));
                    bn.runningMean().copyFrom(Tensor.of(b.runningMean()));
                    bn.runningVar().copyFrom(Tensor.of(b.runningVar()));
                    net.add(bn);
                }
            }
        }
        return net.to(dtype);
    }

    /** The saved form of a trained network (weights read as doubles, exact for float32 too). */
    public static List<SavedLayer> layers(Sequential net) {
        List<SavedLayer> layers = new ArrayList<>();
        for (Layer m : net.layers()) {
            layers.add(switch (m) {
                case Linear l -> new SavedLayer.Dense(l.weight().toArray2D(), l.bias().toDoubleArray());
                case ActivationLayer a when Activations.byName(a.function().name()) == a.function() -> new SavedLayer.Activation(a.function());
                case Softmax s -> new SavedLayer.Softmax();
                case Dropout d -> new SavedLayer.Dropout(d.p());
                case BatchNorm1d b -> new SavedLayer.BatchNorm(b.weight().toDoubleArray(), b.bias().toDoubleArray(),
                        b.runningMean().toDoubleArray(), b.runningVar().toDoubleArray(), b.eps(), b.momentum());
                default -> throw new IllegalArgumentException("cannot save a " + m + " layer");
            });
        }
        return layers;
    }
}
