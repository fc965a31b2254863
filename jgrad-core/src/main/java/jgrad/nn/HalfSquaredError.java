package jgrad.nn;

import jgrad.tensor.Tensor;

/**
 * L = ½ Σ (ŷ − y)² per sample (summed over outputs), averaged over the batch by default: the seeds'
 * loss, whose derivative is simply ŷ − y.
 */
public record HalfSquaredError(Reduction reduction) implements Loss {
    /** Averaged over the batch. */
    public HalfSquaredError() {
        this(Reduction.MEAN);
    }

    @Override
    public String name() {
        return "half-squared-error";
    }

    @Override
    public double valueAndGradient(Tensor prediction, Tensor target, int targetRow, int rows, int cols, Tensor grad) {
        return SquaredError.valueAndGradient(prediction, target, targetRow, rows, cols, grad, true, reduction);
    }
}
