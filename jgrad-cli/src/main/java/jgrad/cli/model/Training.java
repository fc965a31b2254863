package jgrad.cli.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jgrad.cli.data.Prepared;
import jgrad.metrics.ClassificationMetrics;
import jgrad.metrics.RegressionMetrics;
import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.Loss;
import jgrad.nn.MSELoss;
import jgrad.nn.Sequential;
import jgrad.optim.Adam;
import jgrad.optim.Optimizer;
import jgrad.optim.SGD;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;
import jgrad.train.EpochStats;
import jgrad.train.History;
import jgrad.train.Trainer;
import jgrad.train.TrainingListener;

/** Builds a network for prepared data and trains it with the engine's {@link Trainer}. */
public final class Training {
    private Training() {}

    public enum OptimizerKind { SGD, MOMENTUM, ADAM }

    /** The hyperparameters: {@code batch} 0 means the whole training set per update. */
    public record Settings(int[] hidden, Layer.Function activation, Model.LossKind loss, OptimizerKind optimizer, double lr,
                           int epochs, int batch, long seed, int patience, DType dtype, double weightDecay) {}

    /** One epoch as the progress bar and the charts show it; the score is accuracy for classes, R² for numbers. */
    public record Epoch(int epoch, double trainLoss, double validationLoss, double trainScore, double validationScore) {}

    public record Result(Sequential network, History history, List<Epoch> epochs, double seconds) {}

    /**
     * Trains and reports every epoch to {@code onEpoch}. Accuracy (or R²) per epoch costs a
     * forward pass over the training and validation rows, so it is measured only when
     * {@code scores} asks for it (for the progress bar or the charts); otherwise it is NaN.
     */
    public static Result fit(Prepared data, Settings s, boolean scores, Consumer<Epoch> onEpoch) {
        boolean classes = data.schema().classification();
        Layer.Function output = classes && s.loss() == Model.LossKind.MSE ? Layer.Function.SOFTMAX : null;
        Sequential net = Network.create(data.schema().inputs(), s.hidden(), data.schema().outputs(), s.activation(), output, s.seed());
        net.to(s.dtype());
        Loss loss = s.loss() == Model.LossKind.CROSS_ENTROPY ? new CrossEntropyLoss() : new MSELoss();
        Optimizer optimizer = switch (s.optimizer()) {
            case SGD -> new SGD(net.parameters(), s.lr()).weightDecay(s.weightDecay());
            case MOMENTUM -> new SGD(net.parameters(), s.lr()).momentum(0.9).weightDecay(s.weightDecay());
            case ADAM -> new Adam(net.parameters(), s.lr()).weightDecay(s.weightDecay());
        };
        Tensor x = inputs(data.train().x(), s.dtype());
        Tensor y = targets(data.train(), data.schema().outputs(), s.loss(), s.dtype());
        List<Epoch> epochs = new ArrayList<>();
        Trainer.Builder trainer = Trainer.builder(net, loss, optimizer).epochs(s.epochs()).batchSize(s.batch()).seed(s.seed())
                .listener(new TrainingListener() {
                    @Override
                    public boolean afterEpoch(EpochStats stats) {
                        Epoch e = new Epoch(stats.epoch(), stats.loss(), stats.validationLoss(),
                                scores ? score(net, data.train(), classes, s.dtype()) : Double.NaN,
                                scores && data.validation().size() > 0 ? score(net, data.validation(), classes, s.dtype()) : Double.NaN);
                        epochs.add(e);
                        onEpoch.accept(e);
                        return true;
                    }
                });
        if (data.validation().size() > 0) {
            trainer.validation(inputs(data.validation().x(), s.dtype()), targets(data.validation(), data.schema().outputs(), s.loss(), s.dtype()))
                    .patience(s.patience());
        }
        long start = System.nanoTime();
        History history = trainer.build().fit(x, y);
        return new Result(net, history, epochs, (System.nanoTime() - start) / 1e9);
    }

    public static Tensor inputs(double[][] x, DType dtype) {
        return Tensor.of(x).to(dtype);
    }

    /** Class indices for cross-entropy, one-hot rows for squared error on classes, a column of numbers for regression (public for jgrad studio). */
    public static Tensor targets(Prepared.Part p, int outputs, Model.LossKind loss, DType dtype) {
        if (p.labels() == null) {
            return Tensor.fromArray(p.values(), p.size(), 1).to(dtype);
        }
        if (loss == Model.LossKind.CROSS_ENTROPY) {
            return Tensor.fromArray(java.util.Arrays.stream(p.labels()).asDoubleStream().toArray(), p.size()).to(dtype);
        }
        double[] oneHot = new double[p.size() * outputs];
        for (int i = 0; i < p.size(); i++) oneHot[i * outputs + p.labels()[i]] = 1;
        return Tensor.fromArray(oneHot, p.size(), outputs).to(dtype);
    }

    /** The network's raw outputs for scaled inputs, without recording a graph. */
    public static double[][] outputs(Sequential net, double[][] x, DType dtype) {
        if (x.length == 0) return new double[0][];
        return net.predict(inputs(x, dtype)).to(DType.FLOAT64).toArray2D();
    }

    private static double score(Sequential net, Prepared.Part p, boolean classes, DType dtype) {
        double[][] out = outputs(net, p.x(), dtype);
        if (classes) return ClassificationMetrics.of(p.labels(), ClassificationMetrics.argmax(out), out[0].length).accuracy();
        return RegressionMetrics.of(p.values(), java.util.Arrays.stream(out).mapToDouble(r -> r[0]).toArray()).r2();
    }
}
