package jgrad.train;

import jgrad.tensor.Tensor;

/**
 * Hooks into the training loop: logging, progress bars, checkpoints, traces, and the stopping rules
 * themselves ({@link LossThreshold}, {@link EarlyStopping}, {@link DivergenceCheck} are listeners too).
 * Every listener sees every event, in the order they were added; {@link TrainingLoop#stop} asks the loop
 * to stop, and the first reason asked for is the one {@link History#stoppedBy()} reports. The loop acts
 * on a stop request after {@link #afterLoss} (that batch is not updated), after {@link #afterBatch} and
 * after {@link #afterEpoch}. A stop within an epoch records the epoch so far in the history (the mean
 * loss of its batches measured) without calling afterEpoch for it.
 *
 * <p>A {@link Trainer} may {@link Trainer#fit fit} more than once: reset a listener's own state in
 * {@link #beforeTraining}.
 */
public interface TrainingListener {
    /** Once per {@link Trainer#fit}, before the first batch. */
    default void beforeTraining(TrainingLoop loop) {}

    /** Before each batch: {@link TrainingLoop#epoch()} and {@link TrainingLoop#batch()} say which. */
    default void beforeBatch(TrainingLoop loop) {}

    /** The batch's loss, measured before backward and the update; a stop asked for here skips them. */
    default void afterLoss(TrainingLoop loop, double loss) {}

    /** After backward, before the update: gradients are in the parameters' {@code grad()}. */
    default void afterBackward(int epoch, int batch, Tensor loss) {}

    /** After the batch's update; {@code loss} is the one measured before it. */
    default void afterBatch(TrainingLoop loop, double loss) {}

    /** After each epoch; return false to stop training ({@link History.StopReason#LISTENER}). */
    default boolean afterEpoch(EpochStats stats) {
        return true;
    }

    /** After each epoch, with the loop: to stop with a reason of one's own, or to look at the model. */
    default void afterEpoch(TrainingLoop loop, EpochStats stats) {}

    /** Once at the end, however training stopped, unless it threw ({@link TrainingDivergedException}). */
    default void afterTraining(TrainingLoop loop) {}
}
