package jgrad.nn;

import jgrad.function.Activations;
import jgrad.tensor.Tensor;

/**
 * Binary cross-entropy on logits z, one fused operation: max(z, 0) − z·y + ln(1 + e^(−|z|)) never
 * overflows, and its gradient is exactly σ(z) − y (per element, before the reduction).
 */
public record BCEWithLogitsLoss(Reduction reduction) implements Loss {
    /** Averaged over the batch. */
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    @Override
    public String name() {
        return "bce-with-logits";
    }

    @Override
    public double valueAndGradient(Tensor z, Tensor target, int targetRow, int rows, int cols, Tensor grad) {
        int n = rows * cols, t0 = targetRow * cols;
        double scale = reduction == Reduction.MEAN ? 1.0 / n : 1, total = 0;
        for (int i = 0; i < n; i++) {
            double v = z.getFlat(i), y = target.getFlat(t0 + i);
            total += Math.max(v, 0) - v * y + Math.log1p(Math.exp(-Math.abs(v)));
            grad.setFlat(i, scale * (Activations.SIGMOID.apply(v) - y));
        }
        return total * scale;
    }
}
