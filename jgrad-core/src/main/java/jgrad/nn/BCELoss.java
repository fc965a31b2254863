package jgrad.nn;

import jgrad.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities p (after a sigmoid): −[y·ln p + (1−y)·ln(1−p)], averaged.
 * Prefer {@link BCEWithLogitsLoss} on raw outputs: it cannot overflow.
 */
public record BCELoss(Reduction reduction) implements Loss {
    /** Averaged over the batch. */
    public BCELoss() {
        this(Reduction.MEAN);
    }

    @Override
    public Tensor apply(Tensor p, Tensor target) {
        Tensor y = Loss.aligned("BCELoss", p, target);
        Tensor perElement = y.mul(p.log()).add(y.neg().add(1).mul(p.neg().add(1).log())).neg();
        return reduction.reduce(perElement);
    }
}
