package jgrad.nn;

import jgrad.function.Activation;
import jgrad.function.Activations;
import jgrad.tensor.Tensor;

/**
 * A layer that applies an activation element by element: {@code new ActivationLayer(Activations.SILU)}
 * or {@code ActivationLayer.of("silu")}. {@link ReLU}, {@link Sigmoid}, {@link Tanh}, {@link Identity} and
 * {@link LeakyReLU} are the common ones by name.
 */
public class ActivationLayer extends Layer {
    private final Activation function;

    public ActivationLayer(Activation function) {
        this.function = java.util.Objects.requireNonNull(function, "function");
    }

    /** The layer of a named activation ({@code relu}, {@code silu}, ...; see {@link Activations#all()}). */
    public static ActivationLayer of(String name) {
        Activation f = Activations.byName(name);
        if (f == null) throw new IllegalArgumentException("unknown activation '" + name + "'");
        return switch (f.name()) {
            case "relu" -> new ReLU();
            case "sigmoid" -> new Sigmoid();
            case "tanh" -> new Tanh();
            case "identity" -> new Identity();
            default -> new ActivationLayer(f);
        };
    }

    /** The activation's definition: forward rule, derivative, name, formulas. */
    public final Activation function() {
        return function;
    }

    @Override
    public final Tensor forward(Tensor x) {
        return x.apply(function);
    }

    @Override
    public String toString() {
        return getClass() == ActivationLayer.class ? "ActivationLayer(" + function.name() + ")" : getClass().getSimpleName() + "()";
    }
}
