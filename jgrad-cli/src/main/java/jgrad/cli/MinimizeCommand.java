package jgrad.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jgrad.cli.plot.PathPlot;
import jgrad.examples.SeedFormat;
import jgrad.optimize.GradientDescent;
import jgrad.optimize.Iterate;
import jgrad.optimize.Minimum;
import jgrad.optimize.Objective;
import jgrad.optimize.StopReason;
import jgrad.optimize.Update;
import jgrad.symbolic.Expr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "minimize", aliases = "minimise", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Minimise a formula by gradient descent on its symbolic gradient, and show its path.",
        footer = {"", "Examples:",
            "  jgrad minimize \"x**2 + 3*y**2\" --start x=4,y=-4 --lr 0.2 --iterations 20 \\",
            "      --tolerance 0.01 --plot path.png",
            "  jgrad minimize \"x^4 - 3x^3 + 2\" --start x=4 --lr 0.01 --precision 1e-5"})
final class MinimizeCommand implements Callable<Integer>, TakesFormula {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMULA", description = "the function to minimise, e.g. \"x^4 - 3x^3 + 2\" (may start with a minus)")
    String formula;

    @Option(names = "--start", required = true, paramLabel = "VAR=VALUE,...", description = "the start point, every variable, e.g. x=4,y=-4")
    String start;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.1", description = "learning rate (default ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000", description = "at most N updates (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--tolerance", paramLabel = "G", description = "stop when every |gradient component| < G (default: off)")
    Double tolerance;

    @Option(names = "--precision", paramLabel = "S", description = "stop when no coordinate moved more than S, seed 002's rule (default: off)")
    Double precision;

    @Option(names = "--below", paramLabel = "F", description = "stop when f < F (default: off)")
    Double below;

    @Option(names = "--momentum", paramLabel = "BETA", description = "heavy-ball momentum: v = BETA*v + g, x -= lr*v (default: plain gradient descent)")
    Double momentum;

    @Option(names = "--adam", description = "Adam (beta1 0.9, beta2 0.999, eps 1e-8)")
    boolean adam;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "draw the path on the contour plot (2 variables) or curve (1)")
    Path plot;

    @Override
    public Integer call() throws IOException {
        Expr f = Formulas.parse(formula);
        List<String> vars = List.copyOf(f.variables());
        if (vars.isEmpty()) {
            throw new UserException("the formula has no variable to minimise over: " + f);
        }
        Map<String, Double> from = Formulas.point("--start", start, f.variables());
        GradientDescent gd = settings();
        if (plot != null) {
            PathPlot.check(plot, vars.size());
        }
        double[] x0 = vars.stream().mapToDouble(from::get).toArray();
        Minimum m = gd.minimize(Objective.of(f, vars), x0);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(f, vars, m)));
        } else {
            print(out, f, vars, m);
        }
        if (m.stoppedBy() == StopReason.DIVERGED) { // the trace so far is on stdout; the failure is an error
            spec.commandLine().getErr().println("jgrad: error: " + m.message());
            return Main.USAGE;
        }
        if (plot != null) {
            PathPlot.write(plot, f, vars, m);
            if (!json) {
                out.println("Plot written to " + plot);
            }
        }
        return 0;
    }

    private GradientDescent settings() {
        if (momentum != null && adam) {
            throw new UserException("--momentum and --adam exclude each other: choose one");
        }
        Flags.positive(spec, "--lr", learningRate);
        if (iterations < 1 || iterations > GradientDescent.MAX_ITERATIONS) {
            throw Flags.bad("--iterations", Flags.typed(spec, "--iterations", iterations), "an integer from 1 to " + String.format("%,d", GradientDescent.MAX_ITERATIONS));
        }
        if (momentum != null && !(momentum >= 0 && momentum < 1)) throw Flags.bad("--momentum", Flags.typed(spec, "--momentum", momentum), "a number in [0, 1)");
        if (tolerance != null) Flags.nonNegative(spec, "--tolerance", tolerance);
        if (precision != null) Flags.nonNegative(spec, "--precision", precision);
        GradientDescent gd = GradientDescent.withLearningRate(learningRate).maxIterations(iterations);
        if (tolerance != null) {
            gd = gd.gradientTolerance(tolerance);
        }
        if (precision != null) {
            gd = gd.stepPrecision(precision);
        }
        if (below != null) {
            gd = gd.valueThreshold(below);
        }
        if (momentum != null) {
            gd = gd.update(new Update.Momentum(momentum));
        }
        return adam ? gd.update(Update.Adam.standard()) : gd;
    }

    private void print(PrintWriter out, Expr f, List<String> vars, Minimum m) {
        out.println("Minimizing f(" + String.join(", ", vars) + ") = " + f + " from " + assignments(vars, m.start())
                + ", f = " + SeedFormat.repr(m.startValue()));
        for (Iterate it : m.path()) {
            out.println(SeedFormat.iterationLine(it.iteration(), vars, it.point(), it.value()));
        }
        out.println();
        out.println("Stopped (" + m.stoppedBy().key() + "): " + m.message());
        out.println("Point: " + assignments(vars, m.point()));
        out.println("f = " + SeedFormat.repr(m.value()));
    }

    private static String assignments(List<String> vars, double[] point) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < vars.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(vars.get(i)).append(" = ").append(SeedFormat.repr(point[i]));
        }
        return sb.toString();
    }

    private Map<String, Object> toJson(Expr f, List<String> vars, Minimum m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("formula", f.toString());
        o.put("gradient", f.gradient(vars).stream().map(Expr::toString).toList());
        o.put("point", named(vars, m.point()));
        o.put("value", m.value());
        o.put("iterations", m.iterations());
        o.put("stopped_by", m.stoppedBy().key());
        o.put("message", m.message());
        List<Map<String, Object>> path = new ArrayList<>();
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("iteration", 0);
        first.put("point", named(vars, m.start()));
        first.put("value", m.startValue());
        path.add(first);
        for (Iterate it : m.path()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("iteration", it.iteration());
            p.put("gradient", named(vars, it.gradient()));
            p.put("point", named(vars, it.point()));
            p.put("value", it.value());
            p.put("step", it.step());
            path.add(p);
        }
        o.put("path", path);
        return o;
    }

    private static Map<String, Double> named(List<String> vars, double[] values) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < vars.size(); i++) {
            m.put(vars.get(i), values[i]);
        }
        return m;
    }
}
