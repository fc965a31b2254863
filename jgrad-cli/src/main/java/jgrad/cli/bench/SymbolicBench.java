package jgrad.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.symbolic.CompiledGradient;
import jgrad.symbolic.Expr;

/**
 * Workload W4 "symbolic-diff" of shared/bench/SPEC.md for jgrad, with the fields of the SymPy peer's
 * result line. jgrad's simplification happens while the derivative is built (like SymPy's automatic
 * evaluation); {@code simplify()} then re-canonicalises. It does not factor or use trigonometric
 * identities as SymPy's {@code simplify} does, so the simplified forms differ (equal in value).
 */
public final class SymbolicBench {
    public static final String FORMULA = "x**4 - 3*x**3 + 2 + sin(x*y)*exp(-x**2) + x**2*y**3";
    public static final int POINTS = 1_000_000;
    private static final long SEED_X = 31, SEED_Y = 32;

    private SymbolicBench() {}

    /**
     * Runs W4: {@code iterations} times diff+simplify of both partials (timed twice: with the JIT still
     * compiling, then warm), the same count of diff alone, compilation, then the gradient at 10^6 points:
     * the first full call (JIT cold) and the median of 4 timed calls after 3 untimed ones.
     *
     * @param multiThreaded evaluate the batch on all cores (results are bit-identical to one core)
     */
    public static Map<String, Object> run(int iterations, boolean multiThreaded) {
        Expr f = Expr.parse(FORMULA);
        long t0 = System.nanoTime();
        Expr dfdx = f.diff("x").simplify(), dfdy = f.diff("y").simplify();
        double cold = seconds(t0);

        t0 = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            dfdx = f.diff("x").simplify();
            dfdy = f.diff("y").simplify();
        }
        double diffSimplify = seconds(t0);
        // the same again once the JIT has compiled the code: what a long-running program sees
        t0 = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            dfdx = f.diff("x").simplify();
            dfdy = f.diff("y").simplify();
        }
        double diffSimplifyWarm = seconds(t0);

        t0 = System.nanoTime();
        int sink = 0;
        for (int i = 0; i < iterations; i++) {
            sink += size(f.diff("x")) + size(f.diff("y"));
        }
        double diffOnly = seconds(t0);

        t0 = System.nanoTime();
        CompiledGradient g = f.compileGradient("x", "y");
        double compile = seconds(t0);

        double[][] points = new double[2][POINTS], grad = new double[2][POINTS];
        for (int i = 0; i < POINTS; i++) {
            points[0][i] = -2 + 4 * uniform(SEED_X, i);
            points[1][i] = -2 + 4 * uniform(SEED_Y, i);
        }
        evaluate(g, points, grad, 1000, multiThreaded); // warm-up, as the peer does
        t0 = System.nanoTime();
        evaluate(g, points, grad, POINTS, multiThreaded);
        double firstCall = seconds(t0);
        for (int r = 0; r < 3; r++) { // the JIT compiles the evaluator in the first calls: untimed
            evaluate(g, points, grad, POINTS, multiThreaded);
        }
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            t0 = System.nanoTime();
            evaluate(g, points, grad, POINTS, multiThreaded);
            times.add(seconds(t0));
        }
        double eval = median(times);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", "w4");
        result.put("threads", multiThreaded ? "default" : "1");
        result.put("diff_simplify_iters", iterations);
        result.put("diff_simplify_seconds", diffSimplify);
        result.put("diff_simplify_warm_seconds", diffSimplifyWarm);
        result.put("diff_only_seconds", diffOnly);
        result.put("cold_first_seconds", cold);
        result.put("compile_seconds", compile);
        result.put("eval_first_call_seconds", firstCall);
        result.put("eval_1e6_seconds", eval);
        result.put("eval_points_per_s", POINTS / eval);
        result.put("eval_threads", multiThreaded ? jgrad.kernel.Parallel.threads() : 1);
        result.put("grad_sum", List.of(sum(grad[0]), sum(grad[1])));
        result.put("dfdx", dfdx.toString());
        result.put("dfdy", dfdy.toString());
        result.put("diff_only_terms", sink); // uses the results, so the loop cannot be optimised away
        return result;
    }

    private static int size(Expr e) {
        return e instanceof jgrad.symbolic.Add a ? a.terms().size() : 1;
    }

    private static void evaluate(CompiledGradient g, double[][] points, double[][] out, int n, boolean parallel) {
        if (parallel) {
            g.atAll(points, out, n);
        } else {
            g.atAllSequential(points, out, n);
        }
    }

    /** The float64 uniform of the shared SplitMix64 stream: (v >>> 11) * 2^-53 (SPEC.md, Synth.uf64). */
    static double uniform(long seed, long i) {
        return Synth.uf64(seed, i);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return (s[(s.length - 1) / 2] + s[s.length / 2]) / 2;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** {@code java -cp jgrad.jar jgrad.cli.bench.SymbolicBench [iterations] [1|default]}: one result map. */
    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        boolean multi = args.length < 2 || !args[1].equals("1");
        System.out.println(run(iterations, multi));
    }

}
