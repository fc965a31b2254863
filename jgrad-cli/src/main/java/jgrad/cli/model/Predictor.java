package jgrad.cli.model;

import jgrad.cli.data.Matrix;
import jgrad.cli.data.Prepared;
import jgrad.model.Mlp;
import jgrad.nn.Sequential;

/** A saved model ready to use: its network built once; the core's {@link Mlp#predict} does the predicting. */
public record Predictor(Model model, Sequential network) {

    public static Predictor of(Model model) {
        return new Predictor(model, Network.toModule(model.layers(), model.dtype()));
    }

    /** Predictions for encoded rows, before scaling (as {@code Schema.encode} gives them). */
    public Mlp.Predictions predict(double[][] encoded) {
        return predictScaled(Matrix.of(encoded).scaleInPlace(model.scaler()));
    }

    /** Predictions for rows already scaled with the model's scaler; numbers in the target's own unit. */
    public Mlp.Predictions predictScaled(Matrix x) {
        boolean classes = model.schema().classification();
        Mlp.Predictions p = Mlp.predict(network, model.loss(), classes, x.tensor());
        if (classes) return p;
        double[] v = p.values().clone();
        for (int i = 0; i < v.length; i++) v[i] = Prepared.unscaleTarget(model.schema().target(), v[i]);
        return new Mlp.Predictions(null, null, v);
    }
}
