package jgrad.train;

import jgrad.tensor.Tensor;

/**
 * Hooks into the training loop: logging, progress bars, checkpoints, recording traces. Keeping
 * these out of the loop keeps the loop short.
 */
public interface TrainingListener {
    /** After backward, before the update: gradients are in the parameters' {@code grad()}. */
    default void afterBackward(int epoch, int batch, Tensor loss) {}

    /** After each epoch; return false to stop training. */
    default boolean afterEpoch(EpochStats stats) {
        return true;
    }
}
