package jgrad.cli.model;

import java.util.ArrayList;
import java.util.List;
import jgrad.nn.Identity;
import jgrad.nn.Init;
import jgrad.nn.Linear;
import jgrad.nn.Module;
import jgrad.nn.ReLU;
import jgrad.nn.Sequential;
import jgrad.nn.Sigmoid;
import jgrad.nn.Softmax;
import jgrad.nn.Tanh;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;

/**
 * Converts between the saved form of a network ({@link Layer}s with plain arrays) and the
 * engine's {@link Sequential} of {@link Linear} layers and activations.
 */
public final class Network {
    private Network() {}

    /**
     * A fresh multi-layer perceptron: {@code hidden} dense layers with {@code activation}, then an
     * output layer (followed by {@code output}, e.g. softmax, when not null). He initialisation for
     * ReLU keeps the signal's spread through the layers; Glorot (Xavier) for tanh and sigmoid.
     */
    public static Sequential create(int inputs, int[] hidden, int outputs, Layer.Function activation, Layer.Function output, long seed) {
        Sequential net = new Sequential();
        int in = inputs;
        long layerSeed = seed;
        for (int h : hidden) {
            net.add(new Linear(in, h).init(activation == Layer.Function.RELU ? Init.heUniform() : Init.xavierUniform(), layerSeed++));
            net.add(module(activation));
            in = h;
        }
        net.add(new Linear(in, outputs).init(Init.xavierUniform(), layerSeed));
        if (output != null) net.add(module(output));
        return net;
    }

    public static Module module(Layer.Function f) {
        return switch (f) {
            case RELU -> new ReLU();
            case TANH -> new Tanh();
            case SIGMOID -> new Sigmoid();
            case SOFTMAX -> new Softmax();
            case IDENTITY -> new Identity();
        };
    }

    /** The engine network for saved layers, in {@code dtype}. */
    public static Sequential toModule(List<Layer> layers, DType dtype) {
        Sequential net = new Sequential();
        for (Layer layer : layers) {
            switch (layer) {
                case Layer.Dense d -> {
                    Linear linear = new Linear(d.in(), d.out());
                    linear.weight().copyFrom(Tensor.of(d.weight()));
                    linear.bias().copyFrom(Tensor.of(d.bias()));
                    net.add(linear);
                }
                case Layer.Activation a -> net.add(module(a.function()));
            }
        }
        return net.to(dtype);
    }

    /** The saved form of a trained network (weights read as doubles, exact for float32 too). */
    public static List<Layer> layers(Sequential net) {
        List<Layer> layers = new ArrayList<>();
        for (Module m : net.layers()) {
            layers.add(switch (m) {
                case Linear l -> new Layer.Dense(l.weight().toArray2D(), l.bias().toDoubleArray());
                case ReLU r -> new Layer.Activation(Layer.Function.RELU);
                case Tanh t -> new Layer.Activation(Layer.Function.TANH);
                case Sigmoid s -> new Layer.Activation(Layer.Function.SIGMOID);
                case Softmax s -> new Layer.Activation(Layer.Function.SOFTMAX);
                case Identity i -> new Layer.Activation(Layer.Function.IDENTITY);
                default -> throw new IllegalArgumentException("cannot save a " + m.getClass().getSimpleName() + " layer");
            });
        }
        return layers;
    }
}
