package jgrad.cli.model;

import jgrad.function.Activations;

/** One step of a feed-forward network as saved in a model file: a dense layer, an activation, or softmax. */
public sealed interface SavedLayer {

    /** {@code z = a·W + b} with W of shape [in][out], as {@code jgrad.nn.Linear} stores it. */
    record Dense(double[][] weight, double[] bias) implements SavedLayer {
        public int in() {
            return weight.length;
        }

        public int out() {
            return bias.length;
        }
    }

    /** An element-wise function between dense layers: its one definition, named as in the file. */
    record Activation(jgrad.function.Activation function) implements SavedLayer {}

    /** Probabilities over the outputs (or over a hidden layer's units). */
    record Softmax() implements SavedLayer {}

    /** Dropout: active in training only, so a saved model passes through it. */
    record Dropout(double p) implements SavedLayer {}

    /** Batch normalisation with its learnt scale and shift and its running statistics, as {@code jgrad.nn.BatchNorm1d} keeps them. */
    record BatchNorm(double[] weight, double[] bias, double[] runningMean, double[] runningVar, double eps, double momentum) implements SavedLayer {
        public int features() {
            return weight.length;
        }
    }

    /** The label a layer has in the model file: an activation's name, or {@code softmax}. */
    static String label(SavedLayer layer) {
        return switch (layer) {
            case Dense d -> "linear";
            case Activation a -> a.function().name();
            case Softmax s -> "softmax";
            case Dropout d -> "dropout";
            case BatchNorm b -> "batchnorm";
        };
    }

    /** The function layer a model file's label names, or null for none. */
    static SavedLayer function(String label) {
        if (label.equals("softmax")) return new Softmax();
        var f = Activations.byName(label);
        return f == null || !f.name().equals(label) ? null : new Activation(f);
    }
}
