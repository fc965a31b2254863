package jgrad.optim;

import java.util.List;
import jgrad.tensor.Tensor;
import jgrad.tensor.TensorKernels;

/**
 * RMSprop: divides each step by a running root-mean-square of recent gradients (PyTorch's rule; buffers
 * {@code square_avg} and, with momentum, {@code momentum_buffer}).
 */
public final class RMSprop extends Optimizer {
    private double alpha = 0.99;
    private double eps = 1e-8;
    private double momentum;

    public RMSprop(List<Tensor> params, double lr) {
        super(params, lr, "square_avg", "momentum_buffer");
    }

    public RMSprop alpha(double alpha) {
        this.alpha = alpha;
        return this;
    }

    public RMSprop eps(double eps) {
        this.eps = eps;
        return this;
    }

    public RMSprop momentum(double momentum) {
        this.momentum = momentum;
        return this;
    }

    public RMSprop weightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
        return this;
    }

    @Override
    protected void update(int index, Tensor p, Tensor g) {
        Tensor b = momentum == 0 ? null : buffer("momentum_buffer", index);
        TensorKernels.rmsprop(p, g, buffer("square_avg", index), b, lr, weightDecay, alpha, eps, momentum);
    }
}
