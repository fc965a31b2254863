package jgrad.nn;

import java.util.Arrays;
import jgrad.tensor.Tensor;

/**
 * Softmax cross-entropy on logits [n, classes]: −Σ_c y_c · log_softmax(z)_c per sample, averaged.
 * Targets are class indices [n] (0, 1, 2...) or probabilities [n, classes]. Going through
 * log-softmax (which subtracts the maximum) keeps it finite for any logits.
 */
public record CrossEntropyLoss(Reduction reduction) implements Loss {
    /** Averaged over the batch. */
    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    @Override
    public Tensor apply(Tensor logits, Tensor target) {
        if (logits.rank() != 2) {
            throw new IllegalArgumentException("CrossEntropyLoss: logits must be [n, classes], got " + Arrays.toString(logits.shape()));
        }
        Tensor probabilities = target.rank() == 1 ? oneHot(target, logits) : Loss.aligned("CrossEntropyLoss", logits, target);
        Tensor perSample = probabilities.mul(logits.logSoftmax(1)).sum(1, false).neg();
        return reduction.reduce(perSample);
    }

    /** One row per sample with a 1 at its class. */
    static Tensor oneHot(Tensor classes, Tensor logits) {
        int n = logits.dim(0), k = logits.dim(1);
        if (classes.size() != n) {
            throw new IllegalArgumentException("CrossEntropyLoss: " + classes.size() + " targets for " + n + " rows of logits");
        }
        Tensor y = Tensor.zeros(logits.dtype(), n, k);
        for (int i = 0; i < n; i++) {
            double c = classes.getFlat(i);
            if (c != Math.rint(c) || c < 0 || c >= k) {
                throw new IllegalArgumentException("CrossEntropyLoss: target " + c + " at row " + i + " is not a class in 0.." + (k - 1));
            }
            y.setFlat(i * k + (int) c, 1);
        }
        return y;
    }
}
