package jgrad.cli.model;

import java.util.Locale;

/** One step of a feed-forward network as saved in a model file: a dense layer or an activation. */
public sealed interface Layer {

    /** {@code z = a·W + b} with W of shape [in][out], as {@code jgrad.nn.Linear} stores it. */
    record Dense(double[][] weight, double[] bias) implements Layer {
        public int in() {
            return weight.length;
        }

        public int out() {
            return bias.length;
        }
    }

    record Activation(Function function) implements Layer {}

    /** The element-wise functions between dense layers, and softmax over the outputs. */
    enum Function {
        RELU, TANH, SIGMOID, SOFTMAX, IDENTITY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Function parse(String s) {
            for (Function f : values()) if (f.label().equals(s)) return f;
            return null;
        }
    }
}
