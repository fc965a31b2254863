package jgrad.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.tensor.Autograd;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;

/** Layers applied one after another; parameters are named by position: {@code 0.weight}, {@code 2.bias}. */
public final class Sequential extends Layer {
    private final List<Layer> layers = new ArrayList<>();
    private FusedDense inference; // fast path for forward passes without gradients, planned on first use
    private boolean planned;

    public Sequential(Layer... layers) {
        this.layers.addAll(List.of(layers));
    }

    /**
     * A network from the layer grammar: {@code Sequential.parse("relu(64)|dropout(0.2)|tanh(32)", 4, 3)} is
     * 4 inputs, the hidden layers of the spec, and a dense output layer of 3 (see {@link LayerSpec}),
     * initialised from the global {@link jgrad.tensor.Rng} as other layers are.
     */
    public static Sequential parse(String spec, int inputs, int outputs) {
        return LayerSpec.parse(spec).build(inputs, outputs, jgrad.tensor.Rng.global().nextLong(), false);
    }

    public Sequential add(Layer layer) {
        layers.add(layer);
        layer.train(isTraining());
        planned = false;
        return this;
    }

    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!Autograd.isGradEnabled()) { // predict(): no graph wanted, dense stacks take the fused path
            if (!planned) {
                inference = FusedDense.of(this, null);
                planned = true;
            }
            if (inference != null && inference.accepts(x, null)) return inference.forward(x);
        }
        for (Layer layer : layers) x = layer.forward(x);
        return x;
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return byPosition(Layer::namedParameters);
    }

    @Override
    public Map<String, Tensor> namedBuffers() {
        return byPosition(Layer::namedBuffers);
    }

    /** Each layer's named tensors, prefixed with its position: {@code 0.weight}, {@code 2.running_mean}. */
    private Map<String, Tensor> byPosition(java.util.function.Function<Layer, Map<String, Tensor>> named) {
        Map<String, Tensor> all = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            String prefix = i + ".";
            named.apply(layers.get(i)).forEach((name, t) -> all.put(prefix + name, t));
        }
        return all;
    }

    @Override
    protected List<Layer> children() {
        return layers();
    }

    /** Re-initialises every {@link Linear} layer with {@code init}, layer i from seed {@code seed + i}. */
    public Sequential init(Init init, long seed) {
        for (int i = 0; i < layers.size(); i++) if (layers.get(i) instanceof Linear l) l.init(init, seed + i);
        return this;
    }

    @Override
    public Sequential to(DType dtype) {
        for (Layer m : layers) m.to(dtype);
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(");
        for (int i = 0; i < layers.size(); i++) sb.append(i == 0 ? "" : ", ").append(layers.get(i));
        return sb.append(')').toString();
    }
}
