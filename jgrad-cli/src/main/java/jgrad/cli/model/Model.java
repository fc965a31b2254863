package jgrad.cli.model;

import java.util.List;
import java.util.Map;
import jgrad.cli.data.Schema;
import jgrad.data.Scaler;
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

    /** What the network's output means to the loss. */
    public enum LossKind {
        /** logits; the loss applies softmax (numerically stable log-softmax) itself */
        CROSS_ENTROPY("cross-entropy"),
        /** mean squared error of the outputs (after softmax for classes) */
        MSE("mse");

        private final String label;

        LossKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static LossKind parse(String s) {
            for (LossKind k : values()) if (k.label.equals(s)) return k;
            return null;
        }
    }
}
