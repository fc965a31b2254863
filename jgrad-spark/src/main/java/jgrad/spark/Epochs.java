package jgrad.spark;

import jgrad.model.Mlp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jgrad.train.EpochStats;
import jgrad.train.History;

/** The record of finished epochs and {@code Trainer}'s early stopping: the best validation loss and its weights. */
final class Epochs {
    private final int patience;
    private final boolean validation;
    private final Consumer<Mlp.Epoch> onEpoch;
    private final List<EpochStats> stats = new ArrayList<>();
    private final List<Mlp.Epoch> epochs = new ArrayList<>();
    private double bestVal = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private double[] best;
    private History.StopReason reason = History.StopReason.MAX_EPOCHS;

    Epochs(int patience, boolean validation, Consumer<Mlp.Epoch> onEpoch) {
        this.patience = patience;
        this.validation = validation;
        this.onEpoch = onEpoch;
    }

    /** Records epoch {@code epoch} with the weights after it; false when early stopping ends training here. */
    boolean finish(int epoch, double loss, double val, double seconds, double[] weights) {
        stats.add(new EpochStats(epoch, loss, val, seconds));
        Mlp.Epoch e = new Mlp.Epoch(epoch, loss, val, Double.NaN, Double.NaN, Double.NaN);
        epochs.add(e);
        onEpoch.accept(e);
        if (patience == 0 || !validation) return true;
        if (val < bestVal) {
            bestVal = val;
            bestEpoch = epoch;
            best = weights.clone();
            return true;
        }
        if (epoch - bestEpoch >= patience) {
            reason = History.StopReason.PATIENCE;
            return false;
        }
        return true;
    }

    int count() {
        return stats.size();
    }

    /** The weights of the best validation epoch, or null (no early stopping: the last weights stand). */
    double[] best() {
        return best;
    }

    History history() {
        return new History(List.copyOf(stats), reason, best != null ? bestEpoch : stats.size());
    }

    List<Mlp.Epoch> epochs() {
        return List.copyOf(epochs);
    }
}
