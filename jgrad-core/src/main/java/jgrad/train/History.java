package jgrad.train;

import java.util.List;

/** The per-epoch record of a training run and why it ended. */
public record History(List<EpochStats> epochs, StopReason stoppedBy, int bestEpoch) {
    /** Why training stopped. */
    public enum StopReason {
        /** all the epochs asked for ran */
        MAX_EPOCHS,
        /** the training loss fell below the threshold (checked before the update, as the seeds do) */
        LOSS_BELOW_THRESHOLD,
        /** the validation loss did not improve for {@code patience} epochs */
        PATIENCE,
        /** a listener asked to stop */
        LISTENER
    }

    public EpochStats last() {
        return epochs.get(epochs.size() - 1);
    }
}
