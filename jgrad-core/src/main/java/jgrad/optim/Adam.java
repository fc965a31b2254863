package jgrad.optim;

import java.util.ArrayList;
import java.util.List;
import jgrad.tensor.Tensor;

/**
 * Adam: steps scaled by running averages of the gradient (m) and its square (v), bias-corrected.
 * With {@link #decoupled} it is AdamW, which shrinks weights directly instead of through the gradient.
 */
public class Adam extends Optimizer {
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private boolean decoupled;
    private final List<double[]> m = new ArrayList<>();
    private final List<double[]> v = new ArrayList<>();

    public Adam(List<Tensor> params, double lr) {
        super(params, lr);
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
        double[] mi = state(m, index, p), vi = state(v, index, p);
        long t = steps() + 1;
        double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < p.size(); i++) {
            double w = p.getFlat(i);
            double gi = decoupled ? g.getFlat(i) : decayed(p, g, i);
            if (decoupled) w -= lr * weightDecay * w;
            mi[i] = beta1 * mi[i] + (1 - beta1) * gi;
            vi[i] = beta2 * vi[i] + (1 - beta2) * gi * gi;
            p.setFlat(i, w - lr * (mi[i] / c1) / (Math.sqrt(vi[i] / c2) + eps));
        }
    }
}
