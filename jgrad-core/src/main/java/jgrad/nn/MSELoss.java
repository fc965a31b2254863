package jgrad.nn;

import jgrad.tensor.Tensor;

/** Mean squared error over all elements, (1/N) Σ (ŷ − y)² (or the sum, with {@link Reduction#SUM}); dL/dŷ = (2/N)(ŷ − y). */
public record MSELoss(Reduction reduction) implements Loss {
    /** Averaged over the batch. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double valueAndGradient(Tensor prediction, Tensor target, int targetRow, int rows, int cols, Tensor grad) {
        return SquaredError.valueAndGradient(prediction, target, targetRow, rows, cols, grad, false, reduction);
    }
}
