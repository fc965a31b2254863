package jgrad.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.tensor.Tensor;

/**
 * Updates parameters in place from their gradients; one subclass per rule, the arithmetic in the flat
 * kernels of {@link jgrad.kernel.UpdateF} (and its float64 twin). Per-parameter buffers (momentum, Adam's
 * moments) have the parameter's shape and dtype, are created on a parameter's first update and reused
 * after, so a step allocates nothing; {@link #state()} and {@link #loadState} read and restore them
 * (with {@link #steps()}), for a checkpoint or to inspect them.
 */
public abstract class Optimizer {
    protected final List<Tensor> params;
    protected double lr;
    protected double weightDecay;
    private final List<String> bufferNames;
    private final Map<String, Tensor[]> buffers = new LinkedHashMap<>();
    private long stepsTaken;

    /** @param bufferNames the per-parameter buffers this rule keeps, by PyTorch's names ({@code exp_avg}...) */
    protected Optimizer(List<Tensor> params, double lr, String... bufferNames) {
        if (!(lr > 0) || Double.isInfinite(lr)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        this.params = new ArrayList<>(params);
        this.lr = lr;
        this.bufferNames = List.of(bufferNames);
        for (String name : bufferNames) buffers.put(name, new Tensor[this.params.size()]);
    }

    /** Applies one update to every parameter that has a gradient. */
    public final void step() {
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (p.grad() != null) update(i, p, p.grad());
        }
        stepsTaken++;
    }

    /** Number of {@link #step()} calls so far (Adam's bias correction counts them). */
    public final long steps() {
        return stepsTaken;
    }

    /** Updates parameter number {@code index} from its gradient (same shape and dtype). */
    protected abstract void update(int index, Tensor param, Tensor grad);

    public final void zeroGrad() {
        for (Tensor p : params) p.zeroGrad();
    }

    public final double learningRate() {
        return lr;
    }

    public final void setLearningRate(double lr) {
        this.lr = lr;
    }

    public List<Tensor> parameters() {
        return List.copyOf(params);
    }

    /** Buffer {@code name} of parameter {@code index}: zeros of the parameter's shape and dtype the first time. */
    protected final Tensor buffer(String name, int index) {
        Tensor[] b = buffers(name);
        if (b[index] == null) b[index] = Tensor.zeros(params.get(index).dtype(), params.get(index).shape());
        return b[index];
    }

    /** Whether parameter {@code index} has buffer {@code name} yet (PyTorch's momentum starts from the first gradient). */
    protected final boolean hasBuffer(String name, int index) {
        return buffers(name)[index] != null;
    }

    private Tensor[] buffers(String name) {
        Tensor[] b = buffers.get(name);
        if (b == null) throw new IllegalArgumentException(getClass().getSimpleName() + " has no buffer '" + name + "'");
        return b;
    }

    /**
     * A copy of every buffer that exists, keyed {@code "<parameter index>.<buffer name>"} ({@code "0.exp_avg"}),
     * in parameter order, as float64 (float32 values convert exactly).
     */
    public final Map<String, double[]> state() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            for (String name : bufferNames) {
                Tensor b = buffers.get(name)[i];
                if (b != null) out.put(i + "." + name, b.toDoubleArray());
            }
        }
        return out;
    }

    /**
     * Restores buffers saved by {@link #state()} and the step count (both from the same moment): training
     * then goes on as if it had not stopped. Buffers missing from {@code state} start afresh. Checked
     * before anything changes, so a bad state leaves the optimiser as it was.
     */
    public final void loadState(Map<String, double[]> state, long steps) {
        if (steps < 0) throw new IllegalArgumentException("loadState: steps must be >= 0, got " + steps);
        Map<String, Tensor[]> loaded = new LinkedHashMap<>();
        for (String name : bufferNames) loaded.put(name, new Tensor[params.size()]);
        state.forEach((key, values) -> {
            int dot = key.indexOf('.');
            Tensor[] slot = dot > 0 ? loaded.get(key.substring(dot + 1)) : null;
            int index = slot == null ? -1 : parameterIndex(key.substring(0, dot));
            if (index < 0) {
                throw new IllegalArgumentException("loadState: unknown key '" + key + "' (expected <parameter index>.<buffer>, index 0.."
                        + (params.size() - 1) + ", buffers of " + getClass().getSimpleName() + ": " + String.join(", ", bufferNames) + ")");
            }
            Tensor p = params.get(index);
            if (values.length != p.size()) {
                throw new IllegalArgumentException("loadState: " + key + " has " + values.length + " values, parameter " + index
                        + " of shape " + Arrays.toString(p.shape()) + " has " + p.size());
            }
            slot[index] = Tensor.fromArray(values.clone(), p.shape()).to(p.dtype());
        });
        buffers.putAll(loaded);
        stepsTaken = steps;
    }

    private int parameterIndex(String s) {
        try {
            int i = Integer.parseInt(s);
            return i < params.size() ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
