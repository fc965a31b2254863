package jgrad.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jgrad.optimize.GradientDescent;
import jgrad.optimize.Iterate;
import jgrad.optimize.Minimum;
import jgrad.optimize.Objective;
import jgrad.optimize.StopReason;
import jgrad.symbolic.Expr;

/**
 * Seed 000's gradient descent on x² and on x² + 3y²: learning rate 0.2, at most 20 iterations, stop
 * when the gradient used by the update is below 0.01, here by absolute value (the seed forgot abs()).
 * The gradient is jgrad's symbolic derivative of the formula, not written by hand.
 */
public record FormulaDescentExample(String id, String description, String formula, List<String> variables,
                                    List<Double> start) implements SeedExample {
    private static final double LEARNING_RATE = 0.2, TOLERANCE = 0.01;
    private static final int ITERATIONS = 20;

    public static FormulaDescentExample square(double x0) {
        return new FormulaDescentExample(x0 < 0 ? "gd-square-negative-start" : "gd-square",
                "gradient descent on x**2 from x = " + SeedFormat.repr(x0) + ", rate 0.2 (seed 000)",
                "x**2", List.of("x"), List.of(x0));
    }

    public static FormulaDescentExample paraboloid(double x0, double y0) {
        return new FormulaDescentExample(x0 < 0 ? "gd-paraboloid-negative-start" : "gd-paraboloid",
                "gradient descent on x**2 + 3*y**2 from (" + SeedFormat.repr(x0) + ", " + SeedFormat.repr(y0)
                        + "), rate 0.2 (seed 000; the path: jgrad minimize --plot)",
                "x**2 + 3*y**2", List.of("x", "y"), List.of(x0, y0));
    }

    @Override
    public ExampleRun run() {
        Objective f = Objective.of(Expr.parse(formula), variables);
        Minimum m = GradientDescent.withLearningRate(LEARNING_RATE).maxIterations(ITERATIONS)
                .gradientTolerance(TOLERANCE).minimize(f, start.stream().mapToDouble(Double::doubleValue).toArray());
        List<Map<String, Object>> records = new ArrayList<>();
        StringBuilder text = new StringBuilder(header(m.path().getFirst().gradient()));
        for (Iterate it : m.path()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("iteration", it.iteration());
            for (int j = 0; j < variables.size(); j++) {
                r.put(variables.size() == 1 ? "gradient" : "gradient_" + variables.get(j), it.gradient()[j]);
            }
            for (int j = 0; j < variables.size(); j++) {
                r.put(variables.get(j), it.point()[j]);
            }
            r.put("f", it.value());
            records.add(r);
            text.append(SeedFormat.iterationLine(it.iteration(), variables, it.point(), it.value())).append('\n');
        }
        if (m.stoppedBy() == StopReason.GRADIENT) {
            text.append('\n').append(stoppingBlock(m.point()));
        }
        return new ExampleRun(id, records, text.toString(), note(m));
    }

    private String header(double[] gradient) {
        if (variables.size() == 1) {
            return "Starting gradient descent with x = " + SeedFormat.repr(start.get(0)) + " and gradient = "
                    + SeedFormat.repr(gradient[0]) + "\n";
        }
        return "\nStarting with (x, y) = (" + SeedFormat.repr(start.get(0)) + ", " + SeedFormat.repr(start.get(1)) + ") \n"
                + "Starting with gradient = [" + SeedFormat.repr(gradient[0]) + ", " + SeedFormat.repr(gradient[1]) + "]\n\n";
    }

    private String stoppingBlock(double[] x) {
        String tests = variables.stream().map(v -> "f'(" + v + ") < " + TOLERANCE).collect(Collectors.joining(" & "));
        String point = IntStream.range(0, x.length).mapToObj(j -> SeedFormat.fixed4(x[j])).collect(Collectors.joining(", "));
        return "Stopping early: " + tests + "\n"
                + (variables.size() == 1 ? "Optimal value of x: " + point : "Optimal value of x, y is (" + point + ")") + "\n";
    }

    /** The seed's sign-blind test, replayed on this run's gradients to show where it would have stopped. */
    private String note(Minimum m) {
        Iterate seedStop = m.path().stream()
                .filter(it -> java.util.Arrays.stream(it.gradient()).allMatch(g -> g < TOLERANCE))
                .findFirst().orElse(null);
        String rule = "The seed's test `gradient < 0.01` has no abs(), so a large negative gradient also stops it; "
                + "jgrad stops when every |gradient component| < 0.01. ";
        if (seedStop == null || seedStop.iteration() == m.iterations()) {
            return rule + "From this start the gradients that matter are positive, so the trace is the same.";
        }
        return rule + "From this start the seed's test stops wrongly after iteration " + seedStop.iteration()
                + " at " + variables + " = " + java.util.Arrays.toString(seedStop.point())
                + "; with abs() the run goes on to iteration " + m.iterations() + ".";
    }
}
