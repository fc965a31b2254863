package jgrad.optim;

import java.util.List;
import jgrad.tensor.Tensor;
import jgrad.tensor.TensorKernels;

/**
 * Adam: steps scaled by running averages of the gradient (m) and its square (v), bias-corrected.
 * With {@link #decoupled} it is AdamW, which shrinks weights directly instead of through the gradient.
 * Buffers {@code exp_avg} (m) and {@code exp_avg_sq} (v), as PyTorch names them.
 */
public class Adam extends Optimizer {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private boolean decoupled;

    public Adam(List<Tensor> params, double lr) {
        super(params, lr, "exp_avg", "exp_avg_sq");
    }

    public Adam betas(double beta1, double beta2) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    public Adam eps(double eps) {
        this.eps = eps;
        return this;
    }

    public Adam weightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
        return this;
    }

    /** AdamW's rule: p ← p − lr·wd·p, separate from the adaptive step. */
    protected Adam decoupled(boolean decoupled) {
        this.decoupled = decoupled;
        return this;
    }

    @Override
    protected void update(int index, Tensor p, Tensor g) {
        TensorKernels.adam(p, g, buffer("exp_avg", index), buffer("exp_avg_sq", index), lr, weightDecay, decoupled,
                beta1, beta2, eps, steps() + 1);
    }
}
