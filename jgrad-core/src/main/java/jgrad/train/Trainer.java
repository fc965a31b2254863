package jgrad.train;

import java.util.ArrayList;
import java.util.List;
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
 * <p>Each batch: forward, loss, backward, update. What to do around that — stop on a loss threshold,
 * stop on validation patience and restore the best weights, stop on divergence, log, record — is up to
 * {@link TrainingListener}s; the builder's settings install the stopping rules ({@link LossThreshold},
 * {@link EarlyStopping}, and always {@link DivergenceCheck}) before and after the user's listeners.
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
    private final int startEpoch;

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
        this.startEpoch = b.startEpoch;
    }

    public static Builder builder(Layer model, Loss loss, Optimizer optimizer) {
        return new Builder(model, loss, optimizer);
    }

    /** The divergence check first, then the user's listeners, then the threshold and patience (fresh for each fit). */
    private TrainingListener[] policy() {
        List<TrainingListener> all = new ArrayList<>();
        all.add(new DivergenceCheck());
        all.addAll(listeners);
        if (lossThreshold > Double.NEGATIVE_INFINITY) all.add(new LossThreshold(lossThreshold));
        if (patience > 0 && xVal != null) all.add(new EarlyStopping(patience));
        return all.toArray(TrainingListener[]::new);
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
        boolean shuffled = shuffle && !fullBatch;
        if (shuffled) for (int e = 0; e < startEpoch; e++) rng.permutation(n); // the orders the earlier epochs drew
        model.train();
        List<EpochStats> history = new ArrayList<>();
        FusedDense fused = fastPath ? FusedDense.of(model, loss) : null;
        if (fused != null && !fused.accepts(x, y)) fused = null;
        TrainingListener[] all = policy();
        TrainingLoop loop = new TrainingLoop(model, optimizer, Math.ceilDiv(n, size));
        for (TrainingListener t : all) t.beforeTraining(loop);

        epochLoop:
        for (int epoch = startEpoch + 1; epoch <= startEpoch + epochs && !loop.stopRequested(); epoch++) {
            long start = System.nanoTime();
            int[] order = shuffled ? rng.permutation(n) : null;
            double total = 0;
            int batch = 0;
            for (int from = 0; from < n; from += size, batch++) {
                int to = Math.min(n, from + size);
                loop.at(epoch, batch);
                for (TrainingListener t : all) t.beforeBatch(loop);
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
                for (TrainingListener t : all) t.afterLoss(loop, value);
                if (loop.stopRequested()) { // before the update: the epoch so far, this batch's loss included
                    history.add(partial(epoch, from == 0 ? value : (total + value * (to - from)) / to, start));
                    break epochLoop;
                }
                if (l != null) l.backward();
                if (!listeners.isEmpty()) {
                    Tensor lossTensor = l != null ? l : Tensor.scalar(value);
                    for (TrainingListener t : listeners) t.afterBackward(epoch, batch, lossTensor);
                }
                optimizer.step();
                total += value * (to - from);
                for (TrainingListener t : all) t.afterBatch(loop, value);
                if (loop.stopRequested() && to < n) {
                    history.add(partial(epoch, total / to, start));
                    break epochLoop;
                }
            }
            EpochStats stats = new EpochStats(epoch, total / n, validationLoss(), seconds(start));
            history.add(stats);
            for (TrainingListener t : all) {
                if (!t.afterEpoch(stats)) loop.stop(History.StopReason.LISTENER);
                t.afterEpoch(loop, stats);
            }
        }
        for (TrainingListener t : all) t.afterTraining(loop);
        int kept = loop.restoredEpoch() > 0 ? loop.restoredEpoch() : startEpoch + history.size();
        return new History(List.copyOf(history), loop.stopReason(), kept);
    }

    private EpochStats partial(int epoch, double loss, long start) {
        return new EpochStats(epoch, loss, validationLoss(), seconds(start));
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
        private int startEpoch;

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

        /** Stop as soon as the training loss is below {@code threshold} (installs a {@link LossThreshold}). */
        public Builder stopWhenLossBelow(double threshold) {
            this.lossThreshold = threshold;
            return this;
        }

        /**
         * Stop when the validation loss has not improved for {@code epochs} epochs and keep the best weights
         * (installs an {@link EarlyStopping} when there are {@link #validation} rows; 0 turns it off).
         */
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

        /**
         * Continues a run of which {@code done} epochs already ran: epochs are numbered from done + 1, and the
         * batch order is the one the uninterrupted run would have drawn. With the model's weights and the
         * optimiser's state restored, {@code epochs(10)} after 10 done equals a 20-epoch run bit for bit.
         */
        public Builder startEpoch(int done) {
            if (done < 0) throw new IllegalArgumentException("start epoch must be >= 0, got " + done);
            this.startEpoch = done;
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
