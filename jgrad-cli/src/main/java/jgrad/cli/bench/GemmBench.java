package jgrad.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import jgrad.kernel.Blocking;
import jgrad.kernel.FmaPeak;
import jgrad.kernel.MatMul;
import jgrad.kernel.Parallel;

/**
 * The kernel benchmark: GFLOP/s of the float32 products of one training step of W1 and of the wider
 * networks, as a share of the core's FMA peak measured in the same process ({@link FmaPeak}). The numpy peer
 * {@code jgrad-bench/peers/gemm_numpy.py} times the same shapes through OpenBLAS.
 *
 * <p>With one thread, time is the thread's CPU time, not wall time: on a machine shared with other builds the
 * thread is descheduled for long stretches, and wall time would measure the neighbours. With several threads
 * it is wall time (the threads' CPU time would hide waiting for each other).
 */
public final class GemmBench {
    /** op:m:k:n, as the products of a dense layer: ab = X·W (forward), atb = Xᵀ·G (weight gradient), abt = G·Wᵀ. */
    public static final List<String> SHAPES = List.of(
            "ab:128:784:256", "atb:784:128:256", "ab:128:256:128", "atb:256:128:128", "abt:128:128:256", "ab:128:128:10",
            "ab:128:784:2048", "atb:784:128:2048", "ab:128:2048:1024", "atb:2048:128:1024", "abt:128:1024:2048",
            "ab:512:512:512");
    private static final int REPS = 5;
    private static final double REP_SECONDS = 0.1;

    private GemmBench() {}

    /** The products of {@code shapes} (op:m:k:n, as {@link #SHAPES}), each against the FMA peak. */
    public static Map<String, Object> run(List<String> shapes) {
        Map<String, Object> r = new LinkedHashMap<>();
        double peak = FmaPeak.gflops(5);
        r.put("fma_peak_gflops_1core", round(peak));
        r.put("blocking", Blocking.float32().describe());
        r.put("clock", Parallel.threads() == 1 ? "thread cpu time" : "wall");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String shape : shapes) rows.add(one(shape, peak * Math.min(Parallel.threads(), Runtime.getRuntime().availableProcessors())));
        r.put("products", rows);
        return r;
    }

    static Map<String, Object> one(String shape, double peak) {
        String[] s = shape.split(":");
        int m = Integer.parseInt(s[1]), k = Integer.parseInt(s[2]), n = Integer.parseInt(s[3]);
        float[] a = random(m * k, 1), b = random(k * n, 2), c = new float[m * n];
        Runnable call = switch (s[0]) {
            case "ab" -> () -> MatMul.ab(a, b, c, m, k, n, false);
            case "atb" -> () -> MatMul.atb(a, b, c, m, k, n, false);
            default -> () -> MatMul.abt(a, b, c, m, k, n, false);
        };
        double flops = 2.0 * m * k * n;
        int calls = Math.max(1, (int) (REP_SECONDS * 50e9 / flops)); // ~0.1 s at 50 GFLOP/s
        for (int i = 0; i < 3 * calls; i++) call.run(); // warm-up: compiled before timing
        double[] g = new double[REPS];
        boolean cpuTime = Parallel.threads() == 1;
        for (int rep = 0; rep < REPS; rep++) {
            long t0 = now(cpuTime);
            for (int i = 0; i < calls; i++) call.run();
            g[rep] = flops * calls / ((now(cpuTime) - t0) / 1e9) / 1e9;
        }
        Arrays.sort(g);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("shape", shape);
        row.put("gflops", round(g[REPS / 2]));
        row.put("gflops_min", round(g[0]));
        row.put("gflops_max", round(g[REPS - 1]));
        row.put("pct_of_peak", round(100 * g[REPS / 2] / peak));
        return row;
    }

    /** Nanoseconds: the calling thread's CPU time, or wall time. */
    static long now(boolean cpuTime) {
        return cpuTime ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : System.nanoTime();
    }

    static float[] random(int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[len];
        for (int i = 0; i < len; i++) x[i] = (float) r.nextDouble(-1, 1);
        return x;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
