package jgrad.optim;

import java.util.ArrayList;
import java.util.List;
import jgrad.kernel.FusedD;
import jgrad.kernel.FusedF;
import jgrad.tensor.Tensor;

/**
 * Stochastic gradient descent, p ← p − lr·g, with optional momentum (heavy ball or Nesterov) and
 * weight decay, following PyTorch's {@code torch.optim.SGD} exactly:
 * <pre>{@code new SGD(model.parameters(), 0.1).momentum(0.9).nesterov(true).weightDecay(1e-4)}</pre>
 */
public final class SGD extends Optimizer {
    private double momentum;
    private double dampening;
    private boolean nesterov;
    private final List<double[]> velocity = new ArrayList<>();

    public SGD(List<Tensor> params, double lr) {
        super(params, lr);
    }

    public SGD momentum(double momentum) {
        if (momentum < 0 || momentum >= 1) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        this.momentum = momentum;
        return this;
    }

    public SGD dampening(double dampening) {
        this.dampening = dampening;
        return this;
    }

    public SGD nesterov(boolean nesterov) {
        this.nesterov = nesterov;
        return this;
    }

    public SGD weightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
        return this;
    }

    @Override
    protected void update(int index, Tensor p, Tensor g) {
        if (momentum == 0 && weightDecay == 0) {
            plainStep(p, g);
            return;
        }
        double[] v = state(velocity, index, p);
        boolean first = steps() == 0;
        for (int i = 0; i < p.size(); i++) {
            double gi = decayed(p, g, i);
            if (momentum != 0) {
                v[i] = first ? gi : momentum * v[i] + (1 - dampening) * gi;
                gi = nesterov ? gi + momentum * v[i] : v[i];
            }
            p.setFlat(i, p.getFlat(i) - lr * gi);
        }
    }

    /** The hot case, on the raw arrays: p += (−lr)·g, the same rounding as p −= lr·g. */
    private void plainStep(Tensor p, Tensor g) {
        if (p.data64() != null && g.data64() != null) {
            FusedD.axpy(-lr, g.data64(), p.data64(), p.size());
        } else if (p.data32() != null && g.data32() != null) {
            FusedF.axpy(-(float) lr, g.data32(), p.data32(), p.size());
        } else {
            for (int i = 0; i < p.size(); i++) p.setFlat(i, p.getFlat(i) - lr * g.getFlat(i));
        }
    }
}
