package jgrad.train;

import java.util.List;
import jgrad.tensor.Tensor;

/**
 * Clips gradients after each backward pass, before the update: by their global norm (all parameters' gradients
 * as one vector, scaled down to at most {@code maxNorm}, as PyTorch's {@code clip_grad_norm_}) or by value (each
 * component into [−v, v], as {@code clip_grad_value_}).
 */
public final class GradientClipping implements TrainingListener {
    private final List<Tensor> params;
    private final double maxNorm, maxValue;

    private GradientClipping(List<Tensor> params, double maxNorm, double maxValue) {
        this.params = List.copyOf(params);
        this.maxNorm = maxNorm;
        this.maxValue = maxValue;
    }

    public static GradientClipping byNorm(List<Tensor> params, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) throw new IllegalArgumentException("clip norm must be a positive number, got " + maxNorm);
        return new GradientClipping(params, maxNorm, Double.NaN);
    }

    public static GradientClipping byValue(List<Tensor> params, double maxValue) {
        if (!(maxValue > 0) || Double.isInfinite(maxValue)) throw new IllegalArgumentException("clip value must be a positive number, got " + maxValue);
        return new GradientClipping(params, Double.NaN, maxValue);
    }

    /** The global L2 norm of the gradients now. */
    public double norm() {
        double sum = 0;
        for (Tensor p : params) {
            Tensor g = p.grad();
            if (g != null) for (int i = 0; i < g.size(); i++) sum += g.getFlat(i) * g.getFlat(i);
        }
        return Math.sqrt(sum);
    }

    @Override
    public void afterBackward(int epoch, int batch, Tensor loss) {
        double scale = 1;
        if (!Double.isNaN(maxNorm)) {
            double norm = norm();
            if (!(norm <= maxNorm)) scale = maxNorm / (norm + 1e-6); // PyTorch's epsilon keeps a zero norm safe
            if (scale == 1) return;
        }
        for (Tensor p : params) {
            Tensor g = p.grad();
            if (g == null) continue;
            for (int i = 0; i < g.size(); i++) {
                double v = g.getFlat(i);
                g.setFlat(i, Double.isNaN(maxNorm) ? Math.max(-maxValue, Math.min(maxValue, v)) : v * scale);
            }
        }
    }
}
