package jgrad.cli.model;

import java.util.Arrays;
import jgrad.cli.data.Prepared;
import jgrad.cli.data.Target;
import jgrad.metrics.ClassificationMetrics;
import jgrad.nn.Sequential;
import jgrad.tensor.Tensor;

/** A model ready to use: its network built once, predicting classes (with probabilities) or numbers. */
public record Predictor(Model model, Sequential network) {

    /** What the model says about each row: class indices and probabilities, or numbers in the target's unit. */
    public record Predictions(int[] classes, double[][] probabilities, double[] values) {}

    public static Predictor of(Model model) {
        return new Predictor(model, Network.toModule(model.layers(), model.dtype()));
    }

    /** Predictions for encoded rows, before scaling (as {@code Schema.encode} gives them). */
    public Predictions predict(double[][] encoded) {
        return predictScaled(model.scaler().transform(encoded));
    }

    /** Predictions for rows already scaled with the model's scaler. */
    public Predictions predictScaled(double[][] x) {
        double[][] out = Training.outputs(network, x, model.dtype());
        if (!model.schema().classification()) {
            Target t = model.schema().target();
            return new Predictions(null, null, Arrays.stream(out).mapToDouble(r -> Prepared.unscaleTarget(t, r[0])).toArray());
        }
        // cross-entropy models output logits; squared-error models end in softmax already
        double[][] p = model.loss() == Model.LossKind.CROSS_ENTROPY && out.length > 0 ? Tensor.of(out).softmax(1).toArray2D() : out;
        return new Predictions(ClassificationMetrics.argmax(p), p, null);
    }
}
