package jgrad.optim;

import java.util.List;
import jgrad.tensor.Tensor;
import jgrad.tensor.TensorKernels;

/**
 * Stochastic gradient descent, p ← p − lr·g, with optional momentum (heavy ball or Nesterov) and
 * weight decay, following PyTorch's {@code torch.optim.SGD} exactly (buffer {@code momentum_buffer}):
 * <pre>{@code new SGD(model.parameters(), 0.1).momentum(0.9).nesterov(true).weightDecay(1e-4)}</pre>
 */
public final class SGD extends Optimizer {
    private double momentum;
    private double dampening;
    private boolean nesterov;
    private static final String VELOCITY = "momentum_buffer";

    public SGD(List<Tensor> params, double lr) {
        super(params, lr, VELOCITY);
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
        if (momentum == 0) {
            TensorKernels.sgd(p, g, lr, weightDecay);
        } else {
            boolean first = !hasBuffer(VELOCITY, index); // the velocity starts as the first gradient
            TensorKernels.momentum(p, g, buffer(VELOCITY, index), lr, weightDecay, momentum, dampening, nesterov, first);
        }
    }
}
