package jgrad.nn;

import jgrad.tensor.Tensor;

/**
 * L = ½ Σ (ŷ − y)² per sample (summed over outputs), averaged over the batch by default: the seeds'
 * loss, whose derivative is simply ŷ − y.
 */
public final class HalfSquaredError implements Loss {
    private final Reduction reduction;

    public HalfSquaredError() {
        this(Reduction.MEAN);
    }

    public HalfSquaredError(Reduction reduction) {
        this.reduction = reduction;
    }

    public Reduction reduction() {
        return reduction;
    }

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        Tensor d = prediction.sub(Loss.aligned("HalfSquaredError", prediction, target));
        Tensor perElement = d.mul(d).mul(0.5);
        Tensor perSample = prediction.rank() == 2 ? perElement.sum(1, false) : perElement;
        return reduction.reduce(perSample);
    }

    @Override
    public String toString() {
        return "HalfSquaredError(" + reduction + ")";
    }
}
