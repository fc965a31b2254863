package jgrad.nn;

import java.util.Arrays;
import jgrad.tensor.Tensor;

/** A cost: a one-element tensor from predictions and targets, ready for {@code backward()}. */
public interface Loss {
    Tensor apply(Tensor prediction, Tensor target);

    /** How per-sample losses (and so their gradients) combine over a batch: averaged or summed. */
    enum Reduction {
        MEAN,
        SUM;

        Tensor reduce(Tensor perSample) {
            return this == MEAN ? perSample.mean() : perSample.sum();
        }
    }

    /**
     * The target viewed with the prediction's shape. Broadcasting [n, 1] against [n] would silently
     * compare every prediction with every target, so sizes must match exactly.
     */
    static Tensor aligned(String loss, Tensor prediction, Tensor target) {
        if (Arrays.equals(prediction.shape(), target.shape())) return target;
        if (prediction.size() == target.size()) return target.reshape(prediction.shape());
        throw new IllegalArgumentException(loss + ": prediction shape " + Arrays.toString(prediction.shape())
                + " and target shape " + Arrays.toString(target.shape()) + " do not match");
    }
}
