package jgrad.optim;

import java.util.ArrayList;
import java.util.List;
import jgrad.tensor.Tensor;

/** RMSprop: divides each step by a running root-mean-square of recent gradients (PyTorch's rule). */
public final class RMSprop extends Optimizer {
    private double alpha = 0.99;
    private double eps = 1e-8;
    private double momentum;
    private final List<double[]> square = new ArrayList<>();
    private final List<double[]> buffer = new ArrayList<>();

    public RMSprop(List<Tensor> params, double lr) {
        super(params, lr);
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
        double[] s = state(square, index, p), b = state(buffer, index, p);
        for (int i = 0; i < p.size(); i++) {
            double gi = decayed(p, g, i);
            s[i] = alpha * s[i] + (1 - alpha) * gi * gi;
            double step = gi / (Math.sqrt(s[i]) + eps);
            if (momentum != 0) step = b[i] = momentum * b[i] + step;
            p.setFlat(i, p.getFlat(i) - lr * step);
        }
    }
}
