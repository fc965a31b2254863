package jgrad.spark;

import jgrad.model.Mlp;
import java.util.List;
import java.util.function.Consumer;
import jgrad.tensor.Rng;
import jgrad.train.History;
import jgrad.train.TrainingDivergedException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Data-parallel training on the cached blocks, in one of two modes.
 *
 * <p><b>Exact</b>: each step is one Spark job. The driver broadcasts the parameters; every partition
 * returns the summed loss and gradient of its rows in the step's global batch; the driver adds them
 * up in partition order, divides by the batch's size, and updates. Global batches are those of
 * {@code jgrad train}'s {@code Trainer}: each epoch draws one seeded permutation of the training rows
 * (in their order in the training part), and batch b is positions b·size to (b+1)·size − 1 of it,
 * wherever those rows live. So every step equals the single-process step, up to the order of additions.
 *
 * <p><b>Averaging</b>: each job runs {@code localSteps} steps on every partition at once, each on a
 * mini-batch of that partition's own rows (its own seeded order per epoch), then the driver averages
 * the parameters and the optimiser's state over the partitions (DL4J's parameter averaging).
 */
public final class SparkTrainer {

    public enum Mode { EXACT, AVERAGING }

    /** How to train; {@code failOnce} (a test hook) makes one task attempt of a step fail. */
    public record Plan(Mode mode, int localSteps, Mlp.Settings settings, FailOnce failOnce) {}

    /** Throws in the first attempt of the task of {@code partition} at {@code epoch}, {@code step} (1-based epoch, 0-based step). */
    public record FailOnce(int epoch, int step, int partition) implements java.io.Serializable {
        public void check(int e, int s, int p) {
            if (e == epoch && s == step && p == partition && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("jgrad-spark test hook: task of partition " + p + " failed on purpose at epoch " + e + ", step " + s);
            }
        }
    }

    /** The trained parameters, the engine's kind of history, and the per-epoch losses as jgrad train reports them. */
    public record Result(double[] parameters, History history, List<Mlp.Epoch> epochs, double seconds, long steps, long jobs) {}

    private final JavaSparkContext sc;
    private final JavaRDD<Block> blocks;
    private final EngineBridge.Net net;
    private final Plan plan;
    private final int train, validation;
    private int mostLocalRows = -1;

    SparkTrainer(JavaSparkContext sc, SparkData.Prepared data, EngineBridge.Net net, Plan plan) {
        this.sc = sc;
        this.blocks = data.blocks();
        this.net = net;
        this.plan = plan;
        this.train = data.train();
        this.validation = data.validation();
    }

    /**
     * Trains. The validation loss after epoch e is measured by the first job of epoch e + 1 (at the weights it
     * starts from, which are epoch e's), not by a job of its own: with early stopping checked right after that
     * job, the result is {@code Trainer}'s, at one job per epoch less. Only the last epoch's needs its own job.
     */
    Result fit(Consumer<Mlp.Epoch> onEpoch) {
        Mlp.Settings s = plan.settings();
        double[] w = EngineBridge.initialParameters(net, s.seed());
        FlatOptimizer opt = new FlatOptimizer(s.optimizer(), s.lr(), s.weightDecay(), s.dtype(), w.length);
        int size = s.batch() <= 0 || s.batch() >= train ? train : s.batch();
        Rng rng = EngineBridge.batchOrder(s.seed());
        Epochs book = new Epochs(s.patience(), validation > 0, onEpoch);
        long start = System.nanoTime(), steps = 0, jobs = 0;
        double[] pending = null; // epoch e − 1: {loss, seconds}, waiting for its validation loss
        double[] after = null; // the weights after epoch e − 1
        boolean stopped = false;
        for (int epoch = 1; epoch <= s.epochs() && !stopped; epoch++) {
            long t0 = System.nanoTime();
            int e = epoch;
            double[] waiting = pending, previous = after;
            // called with the validation loss at this epoch's starting weights, after its first job; false: stop here
            java.util.function.DoublePredicate carryOn = val -> book.finish(e - 1, waiting[0], val, waiting[1], previous);
            boolean measure = waiting != null && validation > 0;
            double loss;
            int epochSteps, epochJobs;
            if (plan.mode() == Mode.EXACT) {
                int[] order = size < train ? EngineBridge.permutation(rng, train) : null;
                loss = exactEpoch(epoch, order, size, w, opt, measure, carryOn);
                epochSteps = epochJobs = (train + size - 1) / size;
            } else {
                loss = Averaging.epoch(this, epoch, w, opt, measure, carryOn);
                epochSteps = Averaging.stepsPerEpoch(this);
                epochJobs = (epochSteps + plan.localSteps() - 1) / plan.localSteps();
            }
            if (waiting != null && !measure) stopped = !carryOn.test(Double.NaN);
            if (Double.isNaN(loss)) { // early stopping after this epoch's first job, whose step is not taken
                stopped = true;
                epochSteps = 0;
                epochJobs = 1;
            }
            steps += epochSteps;
            jobs += epochJobs;
            pending = new double[] {loss, (System.nanoTime() - t0) / 1e9};
            after = w.clone();
        }
        if (!stopped && pending != null) {
            book.finish(book.count() + 1, pending[0], validation > 0 ? validationLoss(after) : Double.NaN, pending[1], after);
            jobs += validation > 0 ? 1 : 0;
        }
        return new Result(book.best() != null ? book.best() : after, book.history(), book.epochs(), (System.nanoTime() - start) / 1e9, steps, jobs);
    }

    /** One epoch of exact steps; returns the epoch's mean loss (each batch's loss before its update, weighted by its rows). */
    private double exactEpoch(int epoch, int[] order, int size, double[] w, FlatOptimizer opt, boolean measure, java.util.function.DoublePredicate carryOn) {
        int[] place = null;
        if (order != null) {
            place = new int[train];
            for (int k = 0; k < train; k++) place[order[k]] = k;
        }
        Broadcast<int[]> placeB = place == null ? null : sc.broadcast(place);
        EngineBridge.Net n = net;
        FailOnce fail = plan.failOnce();
        boolean all = size >= train;
        double total = 0;
        int batches = (train + size - 1) / size;
        for (int b = 0; b < batches; b++) {
            Broadcast<double[]> wB = sc.broadcast(w);
            int batch = b, e = epoch;
            boolean val = measure && b == 0;
            List<double[]> parts = blocks.mapPartitionsWithIndex((p, it) -> {
                if (fail != null) fail.check(e, batch, p);
                Block block = it.next();
                int[] rows = all ? null : block.batchRows(e, placeB == null ? null : placeB.value(), batch, size);
                int count = rows == null ? block.train.n : rows.length;
                double[] out = new double[count == 0 ? 3 : 3 + wB.value().length];
                if (val) out[2] = validationSum(n, block, wB.value());
                if (count == 0) return List.of(out).iterator();
                out[0] = EngineBridge.Local.of(n).lossAndGradient(wB.value(), block.train.rows(n), rows, count, out, 3);
                out[1] = count;
                return List.of(out).iterator();
            }, true).collect();
            wB.unpersist(false);
            if (val && !carryOn.test(parts.stream().mapToDouble(x -> x[2]).sum() / net.meanDivisor(validation))) {
                if (placeB != null) placeB.destroy();
                return Double.NaN;
            }
            double[] g = new double[w.length];
            double lossSum = 0, rows = 0;
            for (double[] part : parts) {
                lossSum += part[0];
                rows += part[1];
                for (int i = 3; i < part.length; i++) g[i - 3] += part[i];
            }
            double divisor = net.meanDivisor((long) rows);
            for (int i = 0; i < g.length; i++) g[i] /= divisor;
            double value = lossSum / divisor;
            checkFinite(value, epoch, b + 1, opt);
            opt.step(w, g);
            total += value * rows;
        }
        if (placeB != null) placeB.destroy();
        return total / train;
    }

    static void checkFinite(double value, int epoch, int batch, FlatOptimizer opt) {
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException("loss became " + value + " at epoch " + epoch + ", batch " + batch
                    + "; try a smaller learning rate (now " + opt.learningRate() + ")");
        }
    }

    /** A partition's summed validation loss at {@code w} (added up over partitions in partition order, then averaged). */
    static double validationSum(EngineBridge.Net n, Block b, double[] w) {
        return b.validation.n == 0 ? 0.0 : EngineBridge.Local.of(n).loss(w, b.validation.rows(n));
    }

    /** The mean validation loss at {@code w}, as {@code Trainer} measures it after each epoch. */
    double validationLoss(double[] w) {
        Broadcast<double[]> wB = sc.broadcast(w);
        EngineBridge.Net n = net;
        double sum = blocks.map(b -> validationSum(n, b, wB.value())).collect().stream().mapToDouble(Double::doubleValue).sum();
        wB.unpersist(false);
        return sum / net.meanDivisor(validation);
    }

    /** The most training rows one partition holds. */
    int mostLocalRows() {
        if (mostLocalRows < 0) mostLocalRows = blocks.map(b -> b.train.n).collect().stream().mapToInt(Integer::intValue).max().orElse(0);
        return mostLocalRows;
    }

    int validationRows() {
        return validation;
    }

    JavaSparkContext context() {
        return sc;
    }

    JavaRDD<Block> blocks() {
        return blocks;
    }

    EngineBridge.Net net() {
        return net;
    }

    Plan plan() {
        return plan;
    }
}
