package jgrad.autograd;

import java.util.function.Function;
import jgrad.tensor.Autograd;
import jgrad.tensor.DType;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;

/**
 * Checks autograd against central finite differences: the test every operation must pass.
 *
 * <pre>{@code
 * GradCheck.Result r = GradCheck.check(in -> in[0].mul(in[1]).sigmoid(), x, y);
 * assert r.passed(1e-6);
 * }</pre>
 */
public final class GradCheck {
    private GradCheck() {}

    /**
     * The worst disagreement over every element of every input.
     *
     * @param maxRelativeError |autograd − numeric| / max(1, |autograd|, |numeric|)
     * @param where which input and element it was at
     */
    public record Result(double maxRelativeError, String where) {
        public boolean passed(double tolerance) {
            return maxRelativeError <= tolerance;
        }
    }

    /** Checks with step 1e-6 and a fixed random projection of the output onto a scalar. */
    public static Result check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return check(f, 1e-6, inputs);
    }

    public static Result check(Function<Tensor[], Tensor> f, double step, Tensor... inputs) {
        for (Tensor t : inputs) {
            if (t.dtype() != DType.FLOAT64) throw new IllegalArgumentException("gradcheck needs float64 inputs");
            t.requiresGrad(true).zeroGrad();
        }
        // a random weighting of the outputs makes every output element matter with a different weight
        Tensor probe = f.apply(inputs);
        Rng rng = new Rng(12345);
        Tensor weights = Tensor.zeros(probe.shape());
        for (int i = 0; i < weights.size(); i++) weights.setFlat(i, rng.uniform(0.5, 1.5));
        Function<Tensor[], Tensor> scalar = in -> f.apply(in).mul(weights).sum();

        scalar.apply(inputs).backward();
        double worst = 0;
        String where = "nowhere";
        try (var ignored = Autograd.noGrad()) {
            for (int t = 0; t < inputs.length; t++) {
                Tensor x = inputs[t];
                for (int i = 0; i < x.size(); i++) {
                    double saved = x.getFlat(i);
                    x.setFlat(i, saved + step);
                    double up = scalar.apply(inputs).item();
                    x.setFlat(i, saved - step);
                    double down = scalar.apply(inputs).item();
                    x.setFlat(i, saved);
                    double numeric = (up - down) / (2 * step);
                    double analytic = x.grad() == null ? 0 : x.grad().getFlat(i);
                    double err = Math.abs(analytic - numeric) / Math.max(1, Math.max(Math.abs(analytic), Math.abs(numeric)));
                    if (err > worst || Double.isNaN(err)) {
                        worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
                        where = "input " + t + " element " + i + ": autograd " + analytic + ", numeric " + numeric;
                    }
                }
            }
        }
        return new Result(worst, where);
    }
}
