package jgrad.cli.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.cli.UserException;
import jgrad.cli.plot.SurfacePlot;
import jgrad.nn.BCELoss;
import jgrad.nn.Linear;
import jgrad.nn.Loss;
import jgrad.nn.MSELoss;
import jgrad.nn.Sequential;
import jgrad.nn.Sigmoid;
import jgrad.optim.SGD;
import jgrad.optimize.GradientDescent;
import jgrad.optimize.Iterate;
import jgrad.optimize.Minimum;
import jgrad.optimize.Objective;
import jgrad.optimize.Update;
import jgrad.symbolic.CompiledFunction;
import jgrad.symbolic.Expr;
import jgrad.symbolic.ParseException;
import jgrad.tensor.Tensor;
import jgrad.train.Trainer;
import jgrad.train.TrainingListener;

/**
 * The studio's door into the symbolic engine and the optimisers for the seeds' lessons: a formula's
 * derivative and its gradient-descent path ({@code jgrad diff}, {@code jgrad minimize}), and the
 * NOT-gate cost surfaces with training paths on them ({@code jgrad surface}).
 */
final class Lessons {
    private Lessons() {}

    static final int FORMULA_GRID = 80;

    /** Fields: formula; derive_only (just the derivative); start {var: value}; lr, iterations, rule (none|gradient|precision|value), limit, method (gd|momentum|adam). */
    static Map<String, Object> formula(Params p) {
        Expr f = parse(p.string("formula"));
        List<String> vars = List.copyOf(f.variables());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("formula", f.toString());
        out.put("variables", vars);
        out.put("gradient", f.gradient(vars).stream().map(Expr::toString).toList());
        if (Boolean.TRUE.equals(p.fields().get("derive_only"))) return out;
        if (vars.isEmpty()) throw new UserException("formula: '" + f + "' has no variable to minimise over");
        if (vars.size() > 2) throw new UserException("formula: the lesson draws formulas of 1 or 2 variables; this one has " + vars.size() + " (" + String.join(", ", vars) + ")");
        Params start = p.object("start");
        double[] x0 = new double[vars.size()];
        for (int i = 0; i < vars.size(); i++) {
            if (!start.fields().containsKey(vars.get(i))) throw new UserException("start: missing a value for " + vars.get(i));
            x0[i] = start.number(vars.get(i), 0, -1e6, 1e6);
        }
        GradientDescent gd = GradientDescent.withLearningRate(p.positive("lr", 0.1, 1e6)).maxIterations(p.integer("iterations", 100, 1, 10_000));
        String rule = p.string("rule", "none");
        double limit = p.number("limit", 1e-3, 0, 1e12);
        gd = switch (rule) {
            case "none" -> gd;
            case "gradient" -> gd.gradientTolerance(limit);
            case "precision" -> gd.stepPrecision(limit);
            case "value" -> gd.valueThreshold(p.number("limit", 0, -1e12, 1e12));
            default -> throw Params.bad("rule", rule, "none|gradient|precision|value");
        };
        gd = switch (p.string("method", "gd")) {
            case "gd" -> gd;
            case "momentum" -> gd.update(new Update.Momentum(0.9));
            case "adam" -> gd.update(Update.Adam.standard());
            default -> throw Params.bad("method", p.string("method", ""), "gd|momentum|adam");
        };
        Minimum m = gd.minimize(Objective.of(f, vars), x0);
        List<Map<String, Object>> path = new ArrayList<>();
        path.add(Map.of("iteration", 0, "point", m.start(), "value", m.startValue()));
        for (Iterate it : m.path()) {
            path.add(Map.of("iteration", it.iteration(), "point", it.point(), "value", it.value(), "gradient", it.gradient(), "step", it.step()));
        }
        out.put("path", path);
        out.put("stopped_by", m.stoppedBy().key());
        out.put("message", m.message());
        out.put("plot", plot(f, vars, m));
        return out;
    }

    private static Expr parse(String formula) {
        try {
            return Expr.parse(formula);
        } catch (ParseException e) {
            throw new UserException("formula: " + e.getMessage() + "\n" + e.caret(""));
        }
    }

    /** A contour raster (2 variables) or a curve (1) around the path, as {@code minimize --plot} frames it. */
    private static Map<String, Object> plot(Expr f, List<String> vars, Minimum m) {
        List<double[]> points = new ArrayList<>();
        points.add(m.start());
        m.path().stream().map(Iterate::point).filter(q -> java.util.Arrays.stream(q).allMatch(Double::isFinite)).forEach(points::add);
        CompiledFunction cf = f.compile(vars.toArray(String[]::new));
        int n = FORMULA_GRID;
        Map<String, Object> plot = new LinkedHashMap<>();
        if (vars.size() == 2) {
            double lo = points.stream().mapToDouble(q -> Math.min(q[0], q[1])).min().orElseThrow() - 1;
            double hi = Math.max(points.stream().mapToDouble(q -> Math.max(q[0], q[1])).max().orElseThrow(), -lo);
            double[][] columns = new double[2][n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    columns[0][i * n + j] = lo + (hi - lo) * j / (n - 1);
                    columns[1][i * n + j] = hi - (hi - lo) * i / (n - 1); // row 0 at the top, as the canvas draws it
                }
            }
            double[] z = new double[n * n];
            cf.applyAll(columns, z);
            plot.put("kind", "contour");
            plot.put("range", new double[] {lo, hi});
            plot.put("n", n);
            plot.put("z", z);
        } else {
            double lo = points.stream().mapToDouble(q -> q[0]).min().orElseThrow(), hi = points.stream().mapToDouble(q -> q[0]).max().orElseThrow();
            double margin = Math.max(1, (hi - lo) * 0.15);
            double[][] columns = new double[1][n * 4];
            for (int i = 0; i < n * 4; i++) columns[0][i] = lo - margin + (hi - lo + 2 * margin) * i / (n * 4 - 1);
            double[] y = new double[n * 4];
            cf.applyAll(columns, y);
            plot.put("kind", "curve");
            plot.put("x", columns[0]);
            plot.put("y", y);
        }
        return plot;
    }

    /**
     * Seed 002's NOT gate h = σ(w0·x + w1): squared error and cross-entropy over (w0, w1) on a raster
     * ({@code jgrad surface}'s numbers), and the engine's gradient descent from {@code start} on each.
     */
    static Map<String, Object> surface(Params p) {
        int n = p.integer("grid", 60, 2, 200);
        double[] range = {-15, 15};
        double w0 = p.number("w0", -8, -15, 15), w1 = p.number("w1", 8, -15, 15);
        double lr = p.positive("lr", 1, 1e3);
        int steps = p.integer("steps", 200, 1, 5_000);
        double[] axis = SurfacePlot.grid(range, n);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("range", range);
        out.put("axis", axis);
        out.put("mse", SurfacePlot.costs(SurfacePlot.Cost.MSE, axis, axis));
        out.put("cross_entropy", SurfacePlot.costs(SurfacePlot.Cost.CROSS_ENTROPY, axis, axis));
        out.put("mse_path", notGatePath(new MSELoss(), w0, w1, lr, steps));
        out.put("cross_entropy_path", notGatePath(new BCELoss(Loss.Reduction.SUM), w0, w1, lr, steps));
        return out;
    }

    /** (w0, w1, cost) before every update and after the last, from the engine's Trainer on X = [0, 1], y = [1, 0]. */
    private static List<double[]> notGatePath(Loss loss, double w0, double w1, double lr, int steps) {
        Linear neuron = new Linear(1, 1);
        neuron.weight().copyFrom(Tensor.of(new double[][] {{w0}}));
        neuron.bias().copyFrom(Tensor.of(new double[] {w1}));
        Sequential net = new Sequential(neuron, new Sigmoid());
        List<double[]> path = new ArrayList<>();
        Tensor x = Tensor.of(new double[][] {{0}, {1}}), y = Tensor.of(new double[][] {{1}, {0}});
        Trainer.builder(net, loss, new SGD(net.parameters(), lr)).epochs(steps).listener(new TrainingListener() {
            @Override
            public void afterBackward(int epoch, int batch, Tensor l) {
                path.add(new double[] {neuron.weight().item(), neuron.bias().item(), l.item()});
            }
        }).build().fit(x, y);
        path.add(new double[] {neuron.weight().item(), neuron.bias().item(), loss.apply(net.predict(x), y).item()});
        return path;
    }
}
