package jgrad.nn;

import jgrad.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities p (after a sigmoid): −[y·ln p + (1−y)·ln(1−p)], averaged.
 * Prefer {@link BCEWithLogitsLoss} on raw outputs: it cannot overflow.
 */
public final class BCELoss implements Loss {
    private final Reduction reduction;

    public BCELoss() {
        this(Reduction.MEAN);
    }

    public BCELoss(Reduction reduction) {
        this.reduction = reduction;
    }

    @Override
    public Tensor apply(Tensor p, Tensor target) {
        Tensor y = Loss.aligned("BCELoss", p, target);
        Tensor perElement = y.mul(p.log()).add(y.neg().add(1).mul(p.neg().add(1).log())).neg();
        return reduction.reduce(perElement);
    }

    @Override
    public String toString() {
        return "BCELoss(" + reduction + ")";
    }
}
