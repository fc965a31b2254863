package jgrad.nn;

import jgrad.tensor.Tensor;

/**
 * The squared-error family, c·Σ(ŷ − y)², shared by {@link MSELoss} (c = 1, averaged over elements) and
 * {@link HalfSquaredError} (c = ½, summed over outputs, averaged over samples).
 */
final class SquaredError {
    private SquaredError() {}

    static double valueAndGradient(Tensor pred, Tensor target, int targetRow, int rows, int cols, Tensor grad,
                                   boolean half, Loss.Reduction reduction) {
        double divisor = reduction == Loss.Reduction.SUM ? 1 : half ? rows : (double) rows * cols;
        double scale = (1.0 / divisor) * (half ? 0.5 : 1.0), total = 0;
        int t0 = targetRow * cols;
        for (int i = 0, n = rows * cols; i < n; i++) {
            double d = pred.getFlat(i) - target.getFlat(t0 + i);
            total += d * d;
            double part = scale * d; // d·d contributes through both factors, as the chain rule sums them
            grad.setFlat(i, part + part);
        }
        return half ? total * 0.5 / divisor : total / divisor;
    }
}
