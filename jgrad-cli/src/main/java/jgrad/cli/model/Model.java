package jgrad.cli.model;

import java.util.List;
import java.util.Map;
import jgrad.cli.data.Schema;
import jgrad.data.Scaler;
import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.Loss;
import jgrad.nn.MSELoss;
import jgrad.tensor.DType;

/**
 * Everything needed to use a trained network on new rows: the columns it reads and how they are
 * encoded and scaled ({@code schema}, {@code scaler}), its layers, the loss it was trained with,
 * and a free-form note of how it was trained.
 */
public record Model(Schema schema, Scaler scaler, List<SavedLayer> layers, LossKind loss, DType dtype, Map<String, Object> training) {

    public Model {
        layers = List.copyOf(layers);
        // insertion order, not Map.copyOf's per-run order: the same training must give the same file bytes
        training = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
    }

    /** What the network's output means to the loss, and the engine's loss it trains with. */
    public enum LossKind {
        /** logits; the loss applies softmax (numerically stable log-softmax) itself */
        CROSS_ENTROPY(new CrossEntropyLoss()),
        /** mean squared error of the outputs (after softmax for classes) */
        MSE(new MSELoss());

        private final Loss engine;

        LossKind(Loss engine) {
            this.engine = engine;
        }

        /** The engine's loss: its value and gradient, defined once. */
        public Loss engine() {
            return engine;
        }

        /** Its name in the CLI and the model file: the loss's own. */
        public String label() {
            return engine.name();
        }

        public static LossKind parse(String s) {
            for (LossKind k : values()) if (k.label().equals(s)) return k;
            return null;
        }
    }
}
