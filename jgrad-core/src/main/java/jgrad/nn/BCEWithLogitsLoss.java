package jgrad.nn;

import jgrad.tensor.Tensor;

/**
 * Binary cross-entropy on logits z, one fused operation: max(z, 0) − z·y + ln(1 + e^(−|z|)) never
 * overflows, and its gradient is exactly σ(z) − y (per element, before the reduction).
 */
public record BCEWithLogitsLoss(Reduction reduction) implements Loss {
    /** Averaged over the batch. */
    public BCEWithLogitsLoss() {
        this(Reduction.MEAN);
    }

    @Override
    public Tensor apply(Tensor z, Tensor target) {
        Tensor y = Loss.aligned("BCEWithLogitsLoss", z, target).detach();
        Tensor perElement = Tensor.zeros(z.dtype(), z.shape());
        for (int i = 0; i < z.size(); i++) {
            double v = z.getFlat(i);
            perElement.setFlat(i, Math.max(v, 0) - v * y.getFlat(i) + Math.log1p(Math.exp(-Math.abs(v))));
        }
        Tensor out = Tensor.record(perElement, "bce_with_logits",
                g -> new Tensor[] {g.mul(z.detach().sigmoid().sub(y))}, z);
        return reduction.reduce(out);
    }
}
