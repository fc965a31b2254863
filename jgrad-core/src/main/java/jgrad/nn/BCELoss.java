package jgrad.nn;

import jgrad.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities p (after a sigmoid): −[y·ln p + (1−y)·ln(1−p)], averaged over
 * elements; dL/dp = (p − y) / (p(1 − p)). Prefer {@link BCEWithLogitsLoss} on raw outputs: it cannot overflow.
 */
public record BCELoss(Reduction reduction) implements Loss {
    /** Averaged over the batch. */
    public BCELoss() {
        this(Reduction.MEAN);
    }

    @Override
    public String name() {
        return "bce";
    }

    @Override
    public double valueAndGradient(Tensor p, Tensor target, int targetRow, int rows, int cols, Tensor grad) {
        int n = rows * cols, t0 = targetRow * cols;
        double scale = reduction == Reduction.MEAN ? 1.0 / n : 1, total = 0;
        for (int i = 0; i < n; i++) {
            double pi = p.getFlat(i), y = target.getFlat(t0 + i);
            total -= y * Math.log(pi) + (1 - y) * Math.log(1 - pi);
            grad.setFlat(i, scale * (-y / pi + (1 - y) / (1 - pi)));
        }
        return total * scale;
    }
}
