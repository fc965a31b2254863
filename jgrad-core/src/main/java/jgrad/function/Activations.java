package jgrad.function;

import java.util.List;
import java.util.Locale;

/** The activations jgrad knows by name: the CLI's {@code --activation}, the model file, {@code explain}. */
public final class Activations {
    private Activations() {}

    public static final Activation IDENTITY = new Identity();
    public static final Activation RELU = new Relu();
    public static final Activation SIGMOID = new Sigmoid();
    public static final Activation TANH = new Tanh();
    public static final Activation SILU = new Silu();
    public static final Activation ELU = new Elu();
    public static final Activation GELU = new Gelu();
    public static final Activation GELU_TANH = new GeluTanh();
    public static final Activation SOFTPLUS = new Softplus();

    private static final List<Activation> NAMED = List.of(RELU, TANH, SIGMOID, SILU, ELU, GELU, GELU_TANH, SOFTPLUS, IDENTITY);

    /** Every named activation, in the order help texts list them. */
    public static List<Activation> all() {
        return NAMED;
    }

    /** The activation called {@code name} (or one of its aliases), case-insensitive; null when none is. */
    public static Activation byName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        for (Activation a : NAMED) if (a.name().equals(key) || a.aliases().contains(key)) return a;
        return null;
    }

    /** z for z > 0, slope·z otherwise. */
    public static Activation leakyRelu(double slope) {
        return new LeakyRelu(slope);
    }
}
