package jgrad.nn;

import jgrad.tensor.Tensor;

/** Mean squared error over all elements, (1/N) Σ (ŷ − y)² (or the sum, with {@link Reduction#SUM}). */
public final class MSELoss implements Loss {
    private final Reduction reduction;

    public MSELoss() {
        this(Reduction.MEAN);
    }

    public MSELoss(Reduction reduction) {
        this.reduction = reduction;
    }

    public Reduction reduction() {
        return reduction;
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        Tensor d = prediction.sub(Loss.aligned("MSELoss", prediction, target));
        return reduction.reduce(d.mul(d));
    }

    @Override
    public String toString() {
        return "MSELoss(" + reduction + ")";
    }
}
