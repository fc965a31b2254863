package jgrad.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jgrad.function.Activation;
import jgrad.function.Activations;
import jgrad.metrics.ClassificationMetrics;
import jgrad.metrics.RegressionMetrics;
import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.LayerSpec;
import jgrad.nn.Loss;
import jgrad.nn.Sequential;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;
import jgrad.train.EpochStats;
import jgrad.train.GradientClipping;
import jgrad.train.History;
import jgrad.train.Penalties;
import jgrad.train.Schedule;
import jgrad.train.Trainer;
import jgrad.train.TrainingListener;

/**
 * A multi-layer perceptron for rows of numbers, built and trained as {@code jgrad train} does it: the
 * façade for a library user who has a table, not a graph.
 *
 * <pre>{@code
 * Mlp.Settings settings = Mlp.Settings.defaults().withHidden(16).withEpochs(100);
 * Mlp.Result fit = Mlp.fit(Rows.classes(x, labels, 3), Rows.classes(xVal, labelsVal, 3), settings, false, epoch -> {});
 * Mlp.Predictions p = Mlp.predict(fit.network(), settings.loss(), true, Tensor.of(xTest));
 * }</pre>
 */
public final class Mlp {
    private Mlp() {}

    /** The optimisers {@code jgrad train} offers: plain SGD, SGD with momentum 0.9, Adam. */
    public enum OptimizerKind {
        SGD, MOMENTUM, ADAM;

        /** This optimiser over {@code params}, with L2 weight decay. */
        public Optimizer create(List<Tensor> params, double lr, double weightDecay) {
            return switch (this) {
                case SGD -> new jgrad.optim.SGD(params, lr).weightDecay(weightDecay);
                case MOMENTUM -> new jgrad.optim.SGD(params, lr).momentum(0.9).weightDecay(weightDecay);
                case ADAM -> new Adam(params, lr).weightDecay(weightDecay);
            };
        }
    }

    /**
     * The hyperparameters: the hidden layers in the layer grammar ({@link LayerSpec}); {@code batch} 0 means the
     * whole training set per update; patience 0 means none; {@code schedule} null keeps the rate constant;
     * {@code clipNorm} and {@code clipValue} NaN clip nothing; {@code balancedClasses} weighs each class by
     * n / (k · count), as scikit-learn's {@code class_weight='balanced'} (cross-entropy only).
     */
    public record Settings(LayerSpec layers, LossKind loss, OptimizerKind optimizer, double lr, int epochs, int batch, long seed,
                           int patience, DType dtype, double weightDecay, Schedule schedule, double clipNorm, double clipValue,
                           boolean balancedClasses) {
        /** {@code jgrad train}'s defaults: one hidden layer of 64 ReLUs, cross-entropy, Adam at 0.01, 200 epochs of batches of 32. */
        public static Settings defaults() {
            return new Settings(LayerSpec.of(new int[] {64}, Activations.RELU), LossKind.CROSS_ENTROPY, OptimizerKind.ADAM, 0.01, 200, 32, 0, 20,
                    DType.FLOAT64, 0.001, null, Double.NaN, Double.NaN, false);
        }

        /** Dense hidden layers of these sizes with ReLU. */
        public Settings withHidden(int... sizes) {
            return withLayers(LayerSpec.of(sizes, Activations.RELU));
        }

        public Settings withLayers(LayerSpec spec) {
            return new Settings(spec, loss, optimizer, lr, epochs, batch, seed, patience, dtype, weightDecay, schedule, clipNorm, clipValue, balancedClasses);
        }

        public Settings withEpochs(int n) {
            return new Settings(layers, loss, optimizer, lr, n, batch, seed, patience, dtype, weightDecay, schedule, clipNorm, clipValue, balancedClasses);
        }

        public Settings withLoss(LossKind kind) {
            return new Settings(layers, kind, optimizer, lr, epochs, batch, seed, patience, dtype, weightDecay, schedule, clipNorm, clipValue, balancedClasses);
        }

        /** The widths of the dense hidden layers. */
        public int[] hidden() {
            return layers.hidden();
        }
    }

    /** One epoch as a progress bar or a chart shows it; the score is accuracy for classes, R² for numbers. */
    public record Epoch(int epoch, double trainLoss, double validationLoss, double trainScore, double validationScore, double learningRate) {}

    /**
     * The result, with what a later run needs to continue it exactly ({@link #resume}): the optimiser's state
     * and step count, the epochs done, and where each dropout layer's mask sequence is.
     */
    public record Result(Sequential network, History history, List<Epoch> epochs, double seconds, Resume state) {}

    /** A run to continue: its network, optimiser buffers and steps, the epochs done, its dropout generators' states. */
    public record Resume(Sequential network, java.util.Map<String, double[]> optimizer, long steps, int epochsDone, long[] dropout) {}

    /** What a model says about each row: class indices and probabilities, or numbers (in the training targets' unit). */
    public record Predictions(int[] classes, double[][] probabilities, double[] values) {}

    /**
     * A fresh network: {@code hidden} dense layers with {@code activation}, then an output layer (followed by
     * softmax when {@code softmaxOutput}). He initialisation for ReLU keeps the signal's spread through the
     * layers; Glorot (Xavier) for the others.
     */
    public static Sequential network(int inputs, int[] hidden, int outputs, Activation activation, boolean softmaxOutput, long seed) {
        return LayerSpec.of(hidden, activation).build(inputs, outputs, seed, softmaxOutput);
    }

    /**
     * Trains on {@code train} (validation may have no rows) and reports every epoch to {@code onEpoch}.
     * Accuracy (or R²) per epoch costs a forward pass over the training and validation rows, so it is
     * measured only when {@code scores} asks for it (for a progress bar or the charts); otherwise it is NaN.
     */
    public static Result fit(Rows train, Rows validation, Settings s, boolean scores, Consumer<Epoch> onEpoch) {
        return fit(train, validation, s, scores, onEpoch, null);
    }

    /**
     * Continues {@code from} (its network is trained further, in place) for {@code s.epochs()} more epochs; with the
     * same settings and data, 10 epochs and then 10 more give the same network as 20, bit for bit (when the first
     * run kept its last weights, not an earlier epoch's). {@code from} null starts a new network.
     */
    public static Result fit(Rows train, Rows validation, Settings s, boolean scores, Consumer<Epoch> onEpoch, Resume from) {
        return fit(train, validation, s, scores, onEpoch, from, null);
    }

    /** The same, calling {@code onBest} with the network after each epoch whose validation loss is the best so far (a checkpoint). */
    public static Result fit(Rows train, Rows validation, Settings s, boolean scores, Consumer<Epoch> onEpoch, Resume from, Consumer<Sequential> onBest) {
        jgrad.kernel.MatMul.prepare(s.dtype() == DType.FLOAT32);
        boolean classes = train.classification();
        Sequential net = from != null ? from.network()
                : s.layers().build(train.x().dim(1), train.outputs(), s.seed(), classes && s.loss() == LossKind.MSE);
        net.to(s.dtype());
        Optimizer optimizer = s.optimizer().create(net.parameters(), s.lr(), s.weightDecay());
        int done = from == null ? 0 : from.epochsDone();
        if (from != null) {
            optimizer.loadState(from.optimizer(), from.steps());
            List<jgrad.nn.Dropout> dropouts = dropouts(net);
            if (from.dropout().length != dropouts.size()) throw new IllegalArgumentException("resume: " + from.dropout().length + " dropout states for " + dropouts.size() + " dropout layers");
            for (int i = 0; i < dropouts.size(); i++) dropouts.get(i).restoreRng(from.dropout()[i]);
        }
        // every tensor is made once, in the network's dtype: epochs never convert arrays back and forth
        Tensor x = train.x().to(s.dtype()), y = train.targets(s.loss()).to(s.dtype());
        boolean validate = validation != null && validation.size() > 0;
        Tensor xVal = validate ? validation.x().to(s.dtype()) : null;
        List<Epoch> epochs = new ArrayList<>();
        Loss loss = s.balancedClasses() && s.loss() == LossKind.CROSS_ENTROPY && classes
                ? new CrossEntropyLoss(Loss.Reduction.MEAN, CrossEntropyLoss.balanced(train.labels(), train.outputs())) : s.loss().engine();
        Trainer.Builder trainer = Trainer.builder(net, loss, optimizer).epochs(s.epochs()).batchSize(s.batch()).seed(s.seed()).startEpoch(done);
        // the order matters: penalties join the gradient before it is clipped, and the rate is set before the update
        Penalties penalties = new Penalties(net);
        if (penalties.any()) trainer.listener(penalties);
        if (!Double.isNaN(s.clipNorm())) trainer.listener(GradientClipping.byNorm(net.parameters(), s.clipNorm()));
        if (!Double.isNaN(s.clipValue())) trainer.listener(GradientClipping.byValue(net.parameters(), s.clipValue()));
        double[] best = {Double.POSITIVE_INFINITY};
        trainer.listener(new TrainingListener() {
                    @Override
                    public boolean afterEpoch(EpochStats stats) {
                        Epoch e = new Epoch(stats.epoch(), stats.loss(), stats.validationLoss(),
                                scores ? score(net, x, train) : Double.NaN, scores && validate ? score(net, xVal, validation) : Double.NaN,
                                optimizer.learningRate()); // the epoch's own rate: the schedule moves it after this listener
                        epochs.add(e);
                        onEpoch.accept(e);
                        if (onBest != null && validate && stats.validationLoss() < best[0]) {
                            best[0] = stats.validationLoss();
                            onBest.accept(net);
                        }
                        return true;
                    }
                });
        if (s.schedule() != null) trainer.listener(s.schedule().listener(optimizer, done, done + s.epochs()));
        if (validate) trainer.validation(xVal, validation.targets(s.loss()).to(s.dtype())).patience(s.patience());
        long start = System.nanoTime();
        History history = trainer.build().fit(x, y);
        long[] dropout = dropouts(net).stream().mapToLong(jgrad.nn.Dropout::rngState).toArray();
        Resume state = new Resume(net, optimizer.state(), optimizer.steps(), done + history.epochs().size(), dropout);
        return new Result(net, history, epochs, (System.nanoTime() - start) / 1e9, state);
    }

    private static List<jgrad.nn.Dropout> dropouts(Sequential net) {
        return net.layers().stream().filter(jgrad.nn.Dropout.class::isInstance).map(jgrad.nn.Dropout.class::cast).toList();
    }

    /** Predictions for scaled inputs: classes (softmax applied to a cross-entropy model's logits) or numbers. */
    public static Predictions predict(Sequential net, LossKind loss, boolean classification, Tensor x) {
        if (x.dim(0) == 0) return classification ? new Predictions(new int[0], new double[0][], null) : new Predictions(null, null, new double[0]);
        DType dtype = net.parameters().getFirst().dtype();
        Tensor out = net.predict(x.to(dtype));
        if (!classification) return new Predictions(null, null, out.to(DType.FLOAT64).toDoubleArray());
        // cross-entropy models output logits; squared-error models end in softmax already
        Tensor p = loss == LossKind.CROSS_ENTROPY ? out.softmax(1) : out;
        return new Predictions(p.argmax(1), p.to(DType.FLOAT64).toArray2D(), null);
    }

    /** Accuracy (classes) or R² (numbers) of the network on the rows. */
    public static double score(Sequential net, Rows rows) {
        return score(net, rows.x().to(net.parameters().getFirst().dtype()), rows);
    }

    private static double score(Sequential net, Tensor x, Rows rows) {
        Tensor out = net.predict(x);
        if (rows.classification()) return ClassificationMetrics.of(rows.labels(), out.argmax(1), rows.outputs()).accuracy();
        return RegressionMetrics.of(rows.values(), out.to(DType.FLOAT64).toDoubleArray()).r2();
    }
}
