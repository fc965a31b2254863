package jgrad.cli.model;

import java.util.List;
import java.util.Map;
import jgrad.cli.data.Schema;
import jgrad.data.Scaler;
import jgrad.model.LossKind;
import jgrad.tensor.DType;

/**
 * Everything needed to use a trained network on new rows: the columns it reads and how they are
 * encoded and scaled ({@code schema}, {@code scaler}), its layers, the loss it was trained with,
 * and a free-form note of how it was trained.
 */
public record Model(Schema schema, Scaler scaler, List<SavedLayer> layers, LossKind loss, DType dtype, Map<String, Object> training,
                    State state) {

    /**
     * What {@code train --resume} needs to continue the run exactly: epochs done, the optimiser (its name, step
     * count and buffers by name) and each dropout layer's generator. Only saved when the layers hold the last
     * epoch's weights (not an earlier, better epoch's, which the optimiser's buffers would not match).
     */
    public record State(int epochs, String optimizer, long steps, Map<String, double[]> buffers, long[] dropout) {}

    /** A model without training state. */
    public Model(Schema schema, Scaler scaler, List<SavedLayer> layers, LossKind loss, DType dtype, Map<String, Object> training) {
        this(schema, scaler, layers, loss, dtype, training, null);
    }

    public Model {
        layers = List.copyOf(layers);
        // insertion order, not Map.copyOf's per-run order: the same training must give the same file bytes
        training = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
    }
}
