package jgrad.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.tensor.Autograd;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;

/**
 * A piece of a network: a forward function, the named parameters it learns and the buffers it keeps
 * (batch norm's running statistics). Like PyTorch's {@code Module} (a name that would clash with
 * {@code java.lang.Module} under {@code import jgrad.nn.*}); {@link #train()} and {@link #eval()} switch
 * layers such as {@link Dropout} and {@link BatchNorm1d} between their training and inference behaviour.
 */
public abstract class Layer {
    private boolean training = true;

    public abstract Tensor forward(Tensor x);

    /** Training mode (the default): dropout drops, batch norm uses and updates batch statistics. */
    public Layer train() {
        return train(true);
    }

    /** Evaluation mode: dropout passes everything through, batch norm uses its running statistics. */
    public Layer eval() {
        return train(false);
    }

    public Layer train(boolean on) {
        training = on;
        for (Layer child : children()) child.train(on);
        return this;
    }

    public final boolean isTraining() {
        return training;
    }

    /** The layers inside this one (a {@link Sequential}'s), for modes and parameters to reach them. */
    protected List<Layer> children() {
        return List.of();
    }

    /** State that is not learnt by gradients but saved with the model (running statistics), by name. */
    public Map<String, Tensor> namedBuffers() {
        return Map.of();
    }

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

    /** Rows predicted at once when there are many: a million rows then never need a million rows of every hidden layer. */
    static final int PREDICT_BLOCK = 16_384;

    /**
     * Forward pass for inference: in evaluation mode, without recording the graph (the mode is restored after).
     * More than {@code 4 × PREDICT_BLOCK} rows go through block by block (in evaluation mode each row's output depends
     * on that row alone), so that memory stays within the inputs and outputs.
     */
    public final Tensor predict(Tensor x) {
        boolean was = training;
        if (was) train(false);
        try (var ignored = Autograd.noGrad()) {
            int n = x.rank() == 2 ? x.dim(0) : 0;
            if (n <= 4 * PREDICT_BLOCK) return forward(x);
            Tensor[] parts = new Tensor[(n + PREDICT_BLOCK - 1) / PREDICT_BLOCK];
            for (int b = 0; b < parts.length; b++) {
                parts[b] = forward(x.rows(java.util.stream.IntStream.range(b * PREDICT_BLOCK, Math.min(n, (b + 1) * PREDICT_BLOCK)).toArray()));
            }
            return Tensor.concat(0, parts);
        } finally {
            if (was) train(true);
        }
    }

    /** Converts the parameters to {@code dtype} (create the optimiser afterwards). */
    public Layer to(DType dtype) {
        return this;
    }

    /** A copy of every parameter's and buffer's values, by name: to restore the best weights later. */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        namedParameters().forEach((name, p) -> state.put(name, p.copy()));
        namedBuffers().forEach((name, b) -> state.put(name, b.copy()));
        return state;
    }

    /** Copies values saved by {@link #stateDict()} back into the parameters and buffers. */
    public final void loadStateDict(Map<String, Tensor> state) {
        Map<String, Tensor> all = new LinkedHashMap<>(namedParameters());
        all.putAll(namedBuffers());
        all.forEach((name, p) -> {
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
