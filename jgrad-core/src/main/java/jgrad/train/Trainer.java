package jgrad.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jgrad.nn.FusedDense;
import jgrad.nn.Loss;
import jgrad.nn.Layer;
import jgrad.optim.Optimizer;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;

/**
 * The training loop: full-batch, mini-batch or stochastic gradient descent over epochs.
 *
 * <pre>{@code
 * History h = Trainer.builder(model, new MSELoss(), new SGD(model.parameters(), 0.1))
 *         .epochs(1000).batchSize(32).seed(0).stopWhenLossBelow(1e-3)
 *         .build().fit(x, y);
 * }</pre>
 *
 * <p>Each batch: forward, loss, backward, update. The loss threshold is tested on the loss measured
 * before the update, as the seeds do; with one batch per epoch that means before the epoch's update.
 * With patience, the parameters of the best validation epoch are restored at the end.
 *
 * <p>Dense models ({@link FusedDense#of}) train on a fused path without a graph; the numbers are those
 * of the autograd path, which {@link Builder#fastPath(boolean) fastPath(false)} forces.
 */
public final class Trainer {
    private final Layer model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final double lossThreshold;
    private final int patience;
    private final Tensor xVal;
    private final Tensor yVal;
    private final List<TrainingListener> listeners;
    private final boolean fastPath;

    private Trainer(Builder b) {
        this.model = b.model;
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.lossThreshold = b.lossThreshold;
        this.patience = b.patience;
        this.xVal = b.xVal;
        this.yVal = b.yVal;
        this.listeners = List.copyOf(b.listeners);
        this.fastPath = b.fastPath;
    }

    public static Builder builder(Layer model, Loss loss, Optimizer optimizer) {
        return new Builder(model, loss, optimizer);
    }

    /** Trains on inputs {@code x} [n, features] and targets {@code y} (first dimension n). */
    public History fit(Tensor x, Tensor y) {
        int n = x.dim(0);
        if (y.dim(0) != n) {
            throw new IllegalArgumentException("fit: " + n + " input rows but " + y.dim(0) + " target rows");
        }
        int size = batchSize <= 0 || batchSize >= n ? n : batchSize;
        boolean fullBatch = size == n;
        Rng rng = new Rng(seed);
        List<EpochStats> history = new ArrayList<>();
        double bestVal = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        Map<String, Tensor> bestState = null;
        History.StopReason reason = History.StopReason.MAX_EPOCHS;
        FusedDense fused = fastPath ? FusedDense.of(model, loss) : null;
        if (fused != null && !fused.accepts(x, y)) fused = null;

        epochLoop:
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            int[] order = shuffle && !fullBatch ? rng.permutation(n) : null;
            double total = 0;
            int batch = 0;
            for (int from = 0; from < n; from += size, batch++) {
                int to = Math.min(n, from + size);
                Tensor l = null;
                double value;
                if (fused != null) {
                    value = fused.trainStep(x, y, order, from, to); // sets the gradients: no zeroGrad, no backward
                } else {
                    Tensor xb = fullBatch ? x : x.rows(indices(order, from, to));
                    Tensor yb = fullBatch ? y : y.rows(indices(order, from, to));
                    optimizer.zeroGrad();
                    l = loss.apply(model.forward(xb), yb);
                    value = l.item();
                }
                if (!Double.isFinite(value)) {
                    throw new TrainingDivergedException("loss became " + value + " at epoch " + epoch + ", batch " + (batch + 1)
                            + "; try a smaller learning rate (now " + optimizer.learningRate() + ")");
                }
                if (fullBatch && value < lossThreshold) {
                    reason = History.StopReason.LOSS_BELOW_THRESHOLD;
                    history.add(new EpochStats(epoch, value, validationLoss(), seconds(start)));
                    break epochLoop;
                }
                if (l != null) l.backward();
                if (!listeners.isEmpty()) {
                    Tensor lossTensor = l != null ? l : Tensor.scalar(value);
                    for (TrainingListener listener : listeners) listener.afterBackward(epoch, batch, lossTensor);
                }
                optimizer.step();
                total += value * (to - from);
            }
            EpochStats stats = new EpochStats(epoch, total / n, validationLoss(), seconds(start));
            history.add(stats);
            boolean keepGoing = true;
            for (TrainingListener listener : listeners) keepGoing &= listener.afterEpoch(stats);
            if (!keepGoing) {
                reason = History.StopReason.LISTENER;
                break;
            }
            if (!fullBatch && stats.loss() < lossThreshold) {
                reason = History.StopReason.LOSS_BELOW_THRESHOLD;
                break;
            }
            if (patience > 0 && xVal != null) {
                if (stats.validationLoss() < bestVal) {
                    bestVal = stats.validationLoss();
                    bestEpoch = epoch;
                    bestState = model.stateDict();
                } else if (epoch - bestEpoch >= patience) {
                    reason = History.StopReason.PATIENCE;
                    break;
                }
            }
        }
        if (bestState != null) model.loadStateDict(bestState);
        return new History(List.copyOf(history), reason, bestState != null ? bestEpoch : history.size());
    }

    private double validationLoss() {
        if (xVal == null) return Double.NaN;
        return loss.apply(model.predict(xVal), yVal).item();
    }

    private static int[] indices(int[] order, int from, int to) {
        int[] idx = new int[to - from];
        for (int i = from; i < to; i++) idx[i - from] = order == null ? i : order[i];
        return idx;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Settings of a {@link Trainer}; unset ones default to one epoch of full-batch descent. */
    public static final class Builder {
        private final Layer model;
        private final Loss loss;
        private final Optimizer optimizer;
        private int epochs = 1;
        private int batchSize;
        private boolean shuffle = true;
        private long seed;
        private double lossThreshold = Double.NEGATIVE_INFINITY;
        private int patience;
        private Tensor xVal;
        private Tensor yVal;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private boolean fastPath = true;

        private Builder(Layer model, Loss loss, Optimizer optimizer) {
            this.model = model;
            this.loss = loss;
            this.optimizer = optimizer;
        }

        public Builder epochs(int epochs) {
            if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
            this.epochs = epochs;
            return this;
        }

        /** Samples per update: 1 = stochastic, 0 (or ≥ n) = full batch. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 0) throw new IllegalArgumentException("batch size must be 0 (full batch) or positive, got " + batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /** Whether mini-batches are drawn in a new seeded order each epoch (default true). */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Stop as soon as the training loss is below {@code threshold}. */
        public Builder stopWhenLossBelow(double threshold) {
            this.lossThreshold = threshold;
            return this;
        }

        /** Stop when the validation loss has not improved for {@code epochs} epochs; keep the best weights. */
        public Builder patience(int epochs) {
            this.patience = epochs;
            return this;
        }

        public Builder validation(Tensor x, Tensor y) {
            this.xVal = x;
            this.yVal = y;
            return this;
        }

        public Builder listener(TrainingListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Whether dense models may take the fused path (default true; same numbers, no graph to inspect). */
        public Builder fastPath(boolean fastPath) {
            this.fastPath = fastPath;
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
