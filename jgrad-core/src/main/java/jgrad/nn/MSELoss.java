package jgrad.nn;

import jgrad.tensor.Tensor;

/** Mean squared error over all elements, (1/N) Σ (ŷ − y)² (or the sum, with {@link Reduction#SUM}). */
public record MSELoss(Reduction reduction) implements Loss {
    /** Averaged over the batch. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        Tensor d = prediction.sub(Loss.aligned("MSELoss", prediction, target));
        return reduction.reduce(d.mul(d));
    }
}
