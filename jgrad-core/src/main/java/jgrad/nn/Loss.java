package jgrad.nn;

import java.util.Arrays;
import jgrad.tensor.Tensor;

/**
 * A cost, defined once: its value and its gradient with respect to the prediction, in
 * {@link #valueAndGradient}. The autograd path ({@link #apply}) records that as one operation, and the
 * fused training path ({@link FusedDense}) calls it on its own buffers: both run the same arithmetic.
 */
public interface Loss {
    /** The loss as a one-element tensor, ready for {@code backward()}. */
    default Tensor apply(Tensor prediction, Tensor target) {
        int rows = prediction.rank() == 2 ? prediction.dim(0) : prediction.size(), cols = prediction.size() / Math.max(1, rows);
        if (!fits(target, rows, cols)) throw new IllegalArgumentException(mismatch(prediction, target));
        Tensor t = target.to(prediction.dtype()).detach(), p = prediction.detach();
        Tensor grad = Tensor.zeros(prediction.dtype(), prediction.shape());
        Tensor value = Tensor.full(prediction.dtype(), valueAndGradient(p, t, 0, rows, cols, grad));
        return Tensor.record(value, name(), g -> new Tensor[] {grad.mul(g)}, prediction);
    }

    /** Its name in the graph, the CLI and the model file: {@code mse}, {@code cross-entropy}. */
    String name();

    /**
     * The loss of rows 0..rows-1 of {@code prediction} (row-major, {@code cols} outputs) against rows
     * {@code targetRow}.. of {@code target}, reduced over the batch as configured, with d(loss)/d(prediction)
     * written into {@code grad} (same layout). Called on every training step: it allocates nothing.
     */
    double valueAndGradient(Tensor prediction, Tensor target, int targetRow, int rows, int cols, Tensor grad);

    /** Whether {@code target} holds the targets of {@code rows} predictions of {@code cols} values each, in the form this loss reads. */
    default boolean fits(Tensor target, int rows, int cols) {
        return target.size() == rows * cols;
    }

    /** The error for a target that does not {@link #fits fit}. */
    default String mismatch(Tensor prediction, Tensor target) {
        return getClass().getSimpleName() + ": prediction shape " + Arrays.toString(prediction.shape())
                + " and target shape " + Arrays.toString(target.shape()) + " do not match";
    }

    /** How per-sample losses (and so their gradients) combine over a batch: averaged or summed. */
    enum Reduction {
        MEAN,
        SUM
    }
}
