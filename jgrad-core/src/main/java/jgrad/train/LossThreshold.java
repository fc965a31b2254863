package jgrad.train;

/**
 * Stops when the training loss falls below a threshold, tested on the loss measured before the update, as
 * the seeds do: with one batch per epoch that is the epoch's loss before its update, which is then not made;
 * with mini-batches it is the epoch's mean loss, known once the epoch's batches have run.
 * {@link Trainer.Builder#stopWhenLossBelow} installs it.
 */
public final class LossThreshold implements TrainingListener {
    private final double threshold;

    public LossThreshold(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public void afterLoss(TrainingLoop loop, double loss) {
        if (loop.fullBatch()) test(loop, loss);
    }

    @Override
    public void afterEpoch(TrainingLoop loop, EpochStats stats) {
        if (!loop.fullBatch()) test(loop, stats.loss());
    }

    private void test(TrainingLoop loop, double loss) {
        if (loss < threshold) loop.stop(History.StopReason.LOSS_BELOW_THRESHOLD);
    }
}
