package jgrad.train;

import jgrad.optimize.Divergence;

/**
 * Stops training with a {@link TrainingDivergedException} when a batch's loss becomes NaN or infinite, or
 * climbs far above the first batch's loss, by the rule that judges a formula's descent ({@link Divergence}):
 * such a run only gets worse, and its model is not worth keeping. Every {@link Trainer} installs it.
 */
public final class DivergenceCheck implements TrainingListener {
    private double start;
    private double lowest;
    private boolean started;

    @Override
    public void beforeTraining(TrainingLoop loop) {
        started = false;
    }

    @Override
    public void afterLoss(TrainingLoop loop, double loss) {
        if (!Double.isFinite(loss)) throw diverged(loop, "loss became " + loss);
        if (!started) {
            start = lowest = loss;
            started = true;
        } else if (Divergence.diverged(start, lowest, loss)) {
            throw diverged(loop, "loss went from " + Divergence.shown(start) + " to " + Divergence.shown(loss));
        }
        lowest = Math.min(lowest, loss);
    }

    private static TrainingDivergedException diverged(TrainingLoop loop, String what) {
        return new TrainingDivergedException(what + " at epoch " + loop.epoch() + ", batch " + (loop.batch() + 1)
                + "; try a smaller learning rate (now " + loop.optimizer().learningRate() + ")");
    }
}
