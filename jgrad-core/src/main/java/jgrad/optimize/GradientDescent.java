package jgrad.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jgrad.kernel.UpdateD;

/**
 * Gradient descent with the seeds' stopping rules, each optional except the iteration budget.
 * Iteration i takes the gradient g at x_(i-1), steps to x_i, evaluates f(x_i), then tests, in order:
 * divergence (see {@link #DIVERGENCE_FACTOR}), |g_j| < gradientTolerance for every j (the gradient of this
 * update, by absolute value), max_j |x_i,j − x_(i-1),j| <= stepPrecision, f(x_i) < valueThreshold,
 * i = maxIterations.
 *
 * <pre>{@code
 * Minimum m = GradientDescent.withLearningRate(0.2).maxIterations(20).gradientTolerance(0.01)
 *         .minimize(Objective.of(Expr.parse("x**2 + 3*y**2"), List.of("x", "y")), 4, -4);
 * }</pre>
 *
 * @param gradientTolerance off when NaN; likewise stepPrecision and valueThreshold
 */
public record GradientDescent(double learningRate, Update update, int maxIterations,
                              double gradientTolerance, double stepPrecision, double valueThreshold) {
    /** How far f may climb above its start before the run counts as diverged: see {@link Divergence}. */
    public static final double DIVERGENCE_FACTOR = Divergence.FACTOR;

    /** Every iteration is kept in the {@link Minimum#path()}: a million of them take ~100 MB, more is no run a person reads. */
    public static final int MAX_ITERATIONS = 1_000_000;

    public GradientDescent {
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (maxIterations < 1 || maxIterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be from 1 to " + String.format("%,d", MAX_ITERATIONS) + ", got " + maxIterations);
        }
        if (gradientTolerance < 0 || stepPrecision < 0) {
            throw new IllegalArgumentException("tolerance and precision must be >= 0");
        }
    }

    /** Plain gradient descent, at most 1000 iterations, no other stopping rule yet. */
    public static GradientDescent withLearningRate(double learningRate) {
        return new GradientDescent(learningRate, new Update.Plain(), 1000, Double.NaN, Double.NaN, Double.NaN);
    }

    public GradientDescent update(Update rule) {
        return new GradientDescent(learningRate, rule, maxIterations, gradientTolerance, stepPrecision, valueThreshold);
    }

    public GradientDescent maxIterations(int n) {
        return new GradientDescent(learningRate, update, n, gradientTolerance, stepPrecision, valueThreshold);
    }

    public GradientDescent gradientTolerance(double tolerance) {
        return new GradientDescent(learningRate, update, maxIterations, tolerance, stepPrecision, valueThreshold);
    }

    public GradientDescent stepPrecision(double precision) {
        return new GradientDescent(learningRate, update, maxIterations, gradientTolerance, precision, valueThreshold);
    }

    public GradientDescent valueThreshold(double threshold) {
        return new GradientDescent(learningRate, update, maxIterations, gradientTolerance, stepPrecision, threshold);
    }

    public Minimum minimize(Objective f, double... start) {
        int n = start.length;
        double[] x = start.clone();
        double fx = f.value(x);
        List<Iterate> path = new ArrayList<>();
        if (!Double.isFinite(fx)) {
            return new Minimum(StopReason.DIVERGED, 0, x, fx, start.clone(), fx, path,
                    "f is " + fx + " at the start point " + Arrays.toString(start) + ": choose another start");
        }
        double[] v = new double[n], s = new double[n]; // velocity or Adam's first moment; second moment or RMSprop's average
        double lowest = fx;
        for (int i = 1; ; i++) {
            double[] g = new double[n];
            f.gradient(x, g);
            double[] next = step(x, g, v, s, i);
            double value = f.value(next);
            double size = 0;
            for (int j = 0; j < n; j++) {
                size = Math.max(size, Math.abs(next[j] - x[j]));
            }
            path.add(new Iterate(i, x, g, next, value, size));
            x = next;
            StopReason reason = stop(g, x, value, size, i, fx, lowest);
            if (reason != null) {
                return new Minimum(reason, i, x, value, start.clone(), fx, List.copyOf(path), message(reason, i, fx, x, value));
            }
            lowest = Math.min(lowest, value);
        }
    }

    /** The next point from x and the gradient g at it, by the rule's kernel (the one {@code jgrad.optim} uses). */
    private double[] step(double[] x, double[] g, double[] v, double[] s, int t) {
        double[] next = x.clone();
        int n = x.length;
        switch (update) {
            case Update.Plain p -> UpdateD.sgd(next, g, n, learningRate, 0);
            // v starts at 0, so β·v + g is g at the first step, as the tensor optimiser's start v = g
            case Update.Momentum m -> UpdateD.momentum(next, g, v, n, learningRate, 0, m.beta(), 0, false, false);
            case Update.Nesterov m -> UpdateD.momentum(next, g, v, n, learningRate, 0, m.beta(), 0, true, false);
            case Update.Adam a -> UpdateD.adam(next, g, v, s, n, learningRate, 0, false, a.beta1(), a.beta2(), a.epsilon(), t);
            case Update.RMSprop r -> UpdateD.rmsprop(next, g, s, null, n, learningRate, 0, r.alpha(), r.epsilon(), 0);
        }
        return next;
    }

    private StopReason stop(double[] g, double[] x, double value, double size, int i, double startValue, double lowest) {
        if (Divergence.diverged(startValue, lowest, value) || Arrays.stream(x).anyMatch(c -> !Double.isFinite(c))) {
            return StopReason.DIVERGED;
        }
        if (Arrays.stream(g).allMatch(c -> Math.abs(c) < gradientTolerance)) { // false while NaN = off
            return StopReason.GRADIENT;
        }
        if (size <= stepPrecision) {
            return StopReason.STEP;
        }
        if (value < valueThreshold) {
            return StopReason.VALUE;
        }
        return i == maxIterations ? StopReason.MAX_ITERATIONS : null;
    }

    private String message(StopReason reason, int i, double startValue, double[] x, double value) {
        return switch (reason) {
            case GRADIENT -> "every |gradient component| < " + plain(gradientTolerance) + " after iteration " + i;
            case STEP -> "step size <= " + plain(stepPrecision) + " at iteration " + i;
            case VALUE -> "f < " + plain(valueThreshold) + " at iteration " + i;
            case MAX_ITERATIONS -> "stopped after the maximum of " + maxIterations + " iterations";
            case DIVERGED -> diverged(i, startValue, x, value);
        };
    }

    private String diverged(int i, double startValue, double[] x, double value) {
        String what = "diverged at iteration " + i + ": f went from " + Divergence.shown(startValue) + " to " + Divergence.shown(value);
        if (value == Double.NEGATIVE_INFINITY) { // falling without bound is not a step-size problem
            return what + "; f has no lower bound along this path, so there is no minimum to reach (a smaller learning rate will not help)";
        }
        if (Arrays.stream(x).anyMatch(c -> !Double.isFinite(c))) {
            what += " and the point to " + Arrays.toString(x);
        }
        return what + "; try a smaller learning rate than " + plain(learningRate);
    }

    /** Settings as typed: 0.00001, not 1.0E-5. */
    private static String plain(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
