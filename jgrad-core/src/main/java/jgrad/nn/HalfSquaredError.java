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
    public Tensor apply(Tensor prediction, Tensor target) {
        Tensor d = prediction.sub(Loss.aligned("HalfSquaredError", prediction, target));
        Tensor perElement = d.mul(d).mul(0.5);
        Tensor perSample = prediction.rank() == 2 ? perElement.sum(1, false) : perElement;
        return reduction.reduce(perSample);
    }
}
