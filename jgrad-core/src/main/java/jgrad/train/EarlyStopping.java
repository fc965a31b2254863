package jgrad.train;

import java.util.Map;
import jgrad.tensor.Tensor;

/**
 * Stops when the validation loss has not improved for {@code patience} epochs, and at the end puts back
 * the weights of the best epoch. {@link Trainer.Builder#patience} with {@link Trainer.Builder#validation}
 * installs it.
 */
public final class EarlyStopping implements TrainingListener {
    private final int patience;
    private double best;
    private int bestEpoch;
    private Map<String, Tensor> bestWeights;

    public EarlyStopping(int patience) {
        if (patience < 1) throw new IllegalArgumentException("patience must be at least 1 epoch, got " + patience);
        this.patience = patience;
    }

    @Override
    public void beforeTraining(TrainingLoop loop) {
        best = Double.POSITIVE_INFINITY;
        bestEpoch = 0;
        bestWeights = null;
    }

    @Override
    public void afterEpoch(TrainingLoop loop, EpochStats stats) {
        if (stats.validationLoss() < best) {
            best = stats.validationLoss();
            bestEpoch = stats.epoch();
            bestWeights = loop.model().stateDict();
        } else if (stats.epoch() - bestEpoch >= patience) {
            loop.stop(History.StopReason.PATIENCE);
        }
    }

    @Override
    public void afterTraining(TrainingLoop loop) {
        if (bestWeights == null) return;
        loop.model().loadStateDict(bestWeights);
        loop.restoredWeightsOf(bestEpoch);
    }
}
