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
public record Model(Schema schema, Scaler scaler, List<SavedLayer> layers, LossKind loss, DType dtype, Map<String, Object> training) {

    public Model {
        layers = List.copyOf(layers);
        // insertion order, not Map.copyOf's per-run order: the same training must give the same file bytes
        training = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
    }
}
