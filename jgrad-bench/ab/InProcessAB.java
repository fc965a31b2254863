import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two or more builds of jgrad in one JVM, each in its own class loader, their runs taking turns (the order
 * reversed every round), so that a host whose speed drifts by more than the change measured slows them alike.
 * Prints per build the median rate, and per build after the first the median of the per-round ratios against
 * the first with its interquartile range. Run by {@code jgrad-bench/ab.sh}, which builds the revisions.
 *
 * <p>usage: InProcessAB ROUNDS WORKLOAD BUILD... where BUILD is a class path (core and cli classes, ':'-separated),
 * optionally followed by {@code @name=value} system properties that this build's classes read as they load (e.g.
 * {@code @jgrad.kc=256}: one build's tuning against another's in the same JVM), and WORKLOAD is
 * {@code w1[:SAMPLES]} (W1 epochs, samples/s), {@code wide:w1-1024|w1-2048:BATCH} (the wider networks' two passes of
 * {@code jgrad bench}, data and set-up included, samples/s) or {@code ab|atb|abt|layer:M:K:N} (one float32 product,
 * GFLOP/s by the thread's CPU time).
 */
public class InProcessAB {
    public static void main(String[] args) throws Throwable {
        try {
            compare(args);
        } catch (IllegalArgumentException e) { // a bad argument or an old build: one line, no stack trace
            System.err.println("InProcessAB: error: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void compare(String[] args) throws Throwable {
        if (args.length < 4) throw new IllegalArgumentException("usage: InProcessAB ROUNDS WORKLOAD BUILD BUILD...");
        int rounds = positive(args[0], "ROUNDS");
        String workload = args[1];
        int v = args.length - 2;
        Runnable[] run = new Runnable[v];
        double[] work = new double[v];
        for (int i = 0; i < v; i++) {
            String[] build = args[2 + i].split("@");
            List<URL> urls = new ArrayList<>();
            for (String dir : build[0].split(":")) urls.add(Path.of(dir).toUri().toURL());
            ClassLoader cl = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            java.util.Properties saved = (java.util.Properties) System.getProperties().clone();
            for (int q = 1; q < build.length; q++) {
                int eq = build[q].indexOf('=');
                if (eq < 1) throw new IllegalArgumentException("build " + (i + 1) + ": '@" + build[q] + "' is not @name=value");
                System.setProperty(build[q].substring(0, eq), build[q].substring(eq + 1));
            }
            Object[] r = setUp(cl, workload);
            ((Runnable) r[0]).run(); // its classes load and read the properties now
            System.setProperties(saved);
            run[i] = (Runnable) r[0];
            work[i] = (double) r[1];
        }
        var clock = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = !workload.startsWith("w1") && !workload.startsWith("wide");
        double[][] rate = new double[v][rounds];
        // warm-up, not counted: at least 3 rounds and 4 s, so that C2 has compiled each build's kernels and drivers
        long warm = System.nanoTime();
        int first = 0;
        while (first < 3 || System.nanoTime() - warm < 4_000_000_000L) {
            for (Runnable r : run) r.run();
            first++;
        }
        for (int round = 0; round < rounds; round++) {
            for (int q = 0; q < v; q++) {
                int i = (round & 1) == 0 ? q : v - 1 - q;
                long t0 = cpu ? clock.getCurrentThreadCpuTime() : System.nanoTime();
                run[i].run();
                long t1 = cpu ? clock.getCurrentThreadCpuTime() : System.nanoTime();
                rate[i][round] = work[i] / ((t1 - t0) / 1e9);
            }
        }
        StringBuilder out = new StringBuilder(workload + " (" + (cpu ? "GFLOP/s" : "samples/s") + ", " + rounds + " rounds)");
        for (int i = 0; i < v; i++) out.append(String.format("%n  build %d: %.4g", i + 1, median(rate[i])));
        for (int i = 1; i < v; i++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) ratio[r] = rate[i][r] / rate[0][r];
            Arrays.sort(ratio);
            out.append(String.format("%n  build %d / build 1: %.3f (%.3f-%.3f)", i + 1, ratio[rounds / 2], ratio[rounds / 4], ratio[(3 * rounds) / 4]));
        }
        System.out.println(out);
    }

    /** The workload's runnable in this build and the work one run does (samples, or GFLOP). */
    private static Object[] setUp(ClassLoader cl, String workload) throws Throwable {
        String[] f = workload.split(":");
        if (f[0].equals("w1")) {
            int samples = f.length > 1 ? positive(f[1], "w1's SAMPLES") : 30_000;
            java.lang.reflect.Method w1;
            try {
                w1 = cl.loadClass("jgrad.cli.bench.MlpBench").getMethod("w1Epoch", int.class);
            } catch (NoSuchMethodException e) { // revisions before 2026-12-02
                throw new IllegalArgumentException("a build has no MlpBench.w1Epoch (older than the w1 workload of this harness); compare products instead");
            }
            Runnable epoch = (Runnable) w1.invoke(null, samples);
            return new Object[] {epoch, (double) samples};
        }
        if (f[0].equals("wide") && f.length == 3) { // jgrad bench w1-1024/w1-2048 at one batch: its untimed and timed pass
            Class<?> bench = cl.loadClass("jgrad.cli.bench.WideBench");
            java.lang.reflect.Method wide = bench.getMethod("run", String.class, int.class);
            int batch = positive(f[2], "wide's BATCH");
            if (bench.getMethod("hidden", String.class).invoke(null, f[1]) == null) {
                throw new IllegalArgumentException("workload " + workload + ": the network is w1-1024 or w1-2048");
            }
            int samples = bench.getField("SAMPLES").getInt(null);
            Runnable passes = () -> {
                try {
                    wide.invoke(null, f[1], batch);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
            return new Object[] {passes, 2.0 * samples};
        }
        if (f.length != 4 || !List.of("ab", "atb", "abt", "layer").contains(f[0])) {
            throw new IllegalArgumentException("workload " + workload + ": w1[:SAMPLES], wide:w1-1024|w1-2048:BATCH or ab|atb|abt|layer:M:K:N");
        }
        int m = positive(f[1], "M"), k = positive(f[2], "K"), n = positive(f[3], "N");
        Class<?> matMul = cl.loadClass("jgrad.kernel.MatMul");
        float[] a = random(m * k, 1), b = random(k * n, 2), c = new float[m * n];
        MethodHandle call;
        if (f[0].equals("layer")) { // a dense layer's forward product: relu(A·B + bias)
            Class<?> activation = cl.loadClass("jgrad.function.Activation");
            Object relu = cl.loadClass("jgrad.function.Activations").getField("RELU").get(null);
            MethodType t = MethodType.methodType(void.class, float[].class, int.class, float[].class, float[].class, activation, float[].class, int.class, int.class, int.class);
            call = MethodHandles.insertArguments(MethodHandles.publicLookup().findStatic(matMul, "abBiasActivate", t), 0, a, 0, b, random(n, 3), relu, c, m, k, n);
        } else {
            MethodType t = MethodType.methodType(void.class, float[].class, float[].class, float[].class, int.class, int.class, int.class, boolean.class);
            call = MethodHandles.insertArguments(MethodHandles.publicLookup().findStatic(matMul, f[0], t), 0, a, b, c, m, k, n, false);
        }
        double flop = 2.0 * m * k * n;
        int reps = (int) Math.max(1, 2e8 / flop); // ~0.2 GFLOP a run
        Runnable r = () -> {
            try {
                for (int q = 0; q < reps; q++) call.invokeExact();
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
        return new Object[] {r, flop * reps / 1e9};
    }

    private static int positive(String s, String what) {
        try {
            int x = Integer.parseInt(s);
            if (x > 0) return x;
        } catch (NumberFormatException e) { // reported below
        }
        throw new IllegalArgumentException(what + " must be a positive whole number, got '" + s + "'");
    }

    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextDouble(-1, 1);
        return x;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
