package jgrad.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.tensor.Autograd;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;

/** A piece of a network: a forward function and the named parameters it learns. */
public abstract class Layer {

    public abstract Tensor forward(Tensor x);

    /** Parameters by name ({@code weight}, {@code 0.bias}...), in a stable order. */
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }

    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    public final int parameterCount() {
        int n = 0;
        for (Tensor p : parameters()) n += p.size();
        return n;
    }

    public final void zeroGrad() {
        for (Tensor p : parameters()) p.zeroGrad();
    }

    /** Forward pass without recording the graph: for inference. */
    public final Tensor predict(Tensor x) {
        try (var ignored = Autograd.noGrad()) {
            return forward(x);
        }
    }

    /** Converts the parameters to {@code dtype} (create the optimiser afterwards). */
    public Layer to(DType dtype) {
        return this;
    }

    /** A copy of every parameter's values, by name: to restore the best weights later. */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        namedParameters().forEach((name, p) -> state.put(name, p.copy()));
        return state;
    }

    /** Copies values saved by {@link #stateDict()} back into the parameters. */
    public final void loadStateDict(Map<String, Tensor> state) {
        namedParameters().forEach((name, p) -> {
            Tensor saved = state.get(name);
            if (saved == null) throw new IllegalArgumentException("loadStateDict: no values for parameter " + name);
            if (saved.size() != p.size()) {
                throw new IllegalArgumentException("loadStateDict: " + name + " has shape " + java.util.Arrays.toString(saved.shape())
                        + ", the model expects " + java.util.Arrays.toString(p.shape()));
            }
            p.copyFrom(saved);
        });
    }
}
