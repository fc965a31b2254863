package jgrad.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import jgrad.cli.bench.CliTrainBench;
import jgrad.cli.bench.GemmBench;
import jgrad.cli.bench.MlpBench;
import jgrad.cli.bench.SmallBench;
import jgrad.cli.bench.SymbolicBench;
import jgrad.cli.bench.Timer;
import jgrad.cli.bench.WideBench;
import jgrad.cli.bench.XorBench;
import jgrad.kernel.Blocking;
import jgrad.kernel.Parallel;
import jgrad.kernel.Simd;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jgrad bench}: the workloads of shared/bench/SPEC.md, with the peers' figures and result keys. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the benchmark workloads of shared/bench/SPEC.md (the peers' data, weights and step counts).",
            "w1 mlp-train: 784-256-128-10 float32, SGD, one timed epoch of 60,000 samples (samples/s).",
            "w2 xor-tiny: 2-3-1 float64, 40,000 single-sample steps through Sequential + Trainer (steps/s).",
            "w3 mlp-infer: forward + softmax of 10,000 samples in batches of 1,000, 5 passes (samples/s).",
            "w4 symbolic-diff: 1,000 diff+simplify of both partials, then the compiled gradient at 10^6 points.",
            "w1-1024, w1-2048: W1 with hidden layers 1024-512 / 2048-1024, 7,680 samples per pass, at --batch (default 32, 128 and 512).",
            "w5 cli-train: `jgrad train`'s defaults on digits (64 ReLU, Adam + weight decay, batch 32), 200 epochs, float32 and float64.",
            "w6 small-grad: 24 -> 8 tanh -> 2, MSE, float32, batch 200: µs per gradient (forward + backward, no update), one core.",
            "gemm: GFLOP/s of the float32 products of W1 and the wider networks (or --shapes), and %% of the FMA peak measured in the same process.",
            "Every line names the vector width, micro-tile and block sizes the kernels chose on this CPU."})
final class BenchCommand implements Callable<Integer> {
    private static final List<String> ALL = List.of("w1", "w2", "w3", "w4", "w1-1024", "w1-2048", "w5", "w6");
    private static final List<String> EXTRA = List.of("gemm");
    private static final Map<String, String> NAMES = Map.of("w1", "mlp-train", "w2", "xor-tiny", "w3", "mlp-infer", "w4", "symbolic-diff",
            "w1-1024", "mlp-train-wide", "w1-2048", "mlp-train-wider", "w5", "cli-train", "w6", "small-grad", "gemm", "kernels");
    private static final List<Integer> WIDE_BATCHES = List.of(32, 128, 512);

    @Spec CommandSpec spec;

    @Parameters(index = "0", defaultValue = "all", paramLabel = "WORKLOAD", description = "w1, w2, w3, w4, w1-1024, w1-2048, w5, w6, gemm, or all (default: w1 to w6).")
    String workload;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the kernels (default: all cores). Results are bit-identical for any N.")
    Integer threads;

    @Option(names = "--batch", paramLabel = "N", description = "Batch size of w1-1024 and w1-2048 (default: 32, 128 and 512 in turn).")
    Integer batch;

    @Option(names = "--dtype", paramLabel = "TYPE", description = "float32 or float64: the dtype of w5 (default: both in turn).")
    String dtype;

    @Option(names = "--shapes", split = ",", paramLabel = "OP:M:K:N", description = "The products gemm times instead of its own: ab (C[MxN] = A[MxK]·B[KxN]), atb (Aᵀ·B, A stored [KxM]) or abt (A·Bᵀ, B stored [NxK]), e.g. ab:512:784:1024,atb:784:512:1024.")
    List<String> shapes;

    @Option(names = "--json", description = "One JSON object per workload per line, with the peers' result keys.")
    boolean json;

    @Override
    public Integer call() {
        List<String> which = workload.equals("all") ? ALL : List.of(workload.toLowerCase(Locale.ROOT));
        for (String w : which) {
            if (!ALL.contains(w) && !EXTRA.contains(w)) {
                throw new UserException("unknown workload '" + workload + "': use " + String.join(", ", ALL) + ", gemm or all");
            }
        }
        if (shapes != null && !which.equals(EXTRA)) throw new UserException("--shapes applies to the gemm workload only (jgrad bench gemm --shapes ...)");
        List<String> products = shapes == null ? GemmBench.SHAPES : shapes.stream().map(BenchCommand::shape).toList();
        if (threads != null) {
            Parallel.setThreads(Flags.atLeast(spec, "--threads", threads, 1));
        }
        List<Integer> batches = batch == null ? WIDE_BATCHES : List.of(Flags.atLeast(spec, "--batch", batch, 1));
        List<String> dtypes = dtype == null ? List.of("float32", "float64") : List.of(Flags.label(Flags.choice("--dtype", dtype, jgrad.tensor.DType.class)));
        PrintWriter out = spec.commandLine().getOut();
        for (String w : which) {
            for (Supplier<Map<String, Object>> job : jobs(w, batches, dtypes, products)) print(out, w, job.get());
        }
        return 0;
    }

    /** The runs of one workload: one, or one per batch size (wide MLPs), or one per dtype (w5). */
    private static List<Supplier<Map<String, Object>>> jobs(String w, List<Integer> batches, List<String> dtypes, List<String> products) {
        if (WideBench.hidden(w) != null) return batches.stream().<Supplier<Map<String, Object>>>map(b -> () -> WideBench.run(w, b)).toList();
        if (w.equals("w5")) return dtypes.stream().<Supplier<Map<String, Object>>>map(d -> () -> CliTrainBench.run(d)).toList();
        if (w.equals("gemm")) return List.of(() -> GemmBench.run(products));
        return List.of(run(w));
    }

    /**
     * One --shapes entry, checked: op:M:K:N with a known op and positive sizes whose three float arrays fit in a
     * Java array each and together in half of this JVM's heap (the bench allocates them before timing).
     */
    static String shape(String entry) {
        String[] f = entry.strip().split(":");
        String expected = "ab|atb|abt:M:K:N with positive M, K and N, e.g. ab:512:784:1024";
        if (f.length != 4 || !List.of("ab", "atb", "abt").contains(f[0].toLowerCase(Locale.ROOT))) throw Flags.bad("--shapes", entry, expected);
        long[] size = new long[3];
        for (int i = 0; i < 3; i++) {
            try {
                size[i] = Long.parseLong(f[i + 1].strip());
            } catch (NumberFormatException e) {
                throw Flags.bad("--shapes", entry, expected);
            }
            if (size[i] < 1 || size[i] > Integer.MAX_VALUE) throw Flags.bad("--shapes", entry, expected);
        }
        long m = size[0], k = size[1], n = size[2], largest = Math.max(m * k, Math.max(k * n, m * n));
        double bytes = 4.0 * (m * k + k * n + m * n), heap = Runtime.getRuntime().maxMemory();
        if (largest > Integer.MAX_VALUE - 8 || bytes > heap / 2) {
            throw new UserException(String.format(Locale.ROOT, "--shapes: %s needs %.1f GB of float32 arrays, more than half of this JVM's %.1f GB heap"
                    + " (each array at most 2^31 elements; a larger heap: JGRAD_JAVA_OPTS=-Xmx...)", entry, bytes / 1e9, heap / 1e9));
        }
        return f[0].toLowerCase(Locale.ROOT) + ":" + m + ":" + k + ":" + n;
    }

    private void print(PrintWriter out, String w, Map<String, Object> result) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("peer", "jgrad");
        r.put("workload", w);
        r.put("threads", threads == null ? "default" : String.valueOf(threads));
        r.putAll(result);
        r.put("threads", threads == null ? "default" : String.valueOf(threads)); // the setting asked for, as the peers
        r.put("kernel_threads", Parallel.threads());
        r.put("simd", Simd.ENABLED);
        r.put("kernels", Blocking.float32().describe());
        r.put("loadavg_1m", Timer.loadAverage());
        r.put("version", version()); // as the peers' "numpy 2.4.6"
        r.put("java", System.getProperty("java.version"));
        out.println(json ? toJson(r) : human(r));
        out.flush();
    }

    private static final int W4_ITERATIONS = 1_000; // diff+simplify of both partials, as SPEC.md

    private static Supplier<Map<String, Object>> run(String w) {
        return switch (w) {
            case "w1" -> MlpBench::w1;
            case "w2" -> XorBench::w2;
            case "w3" -> MlpBench::w3;
            case "w6" -> SmallBench::run;
            default -> () -> SymbolicBench.run(W4_ITERATIONS, Parallel.threads() > 1);
        };
    }

    private static String toJson(Map<String, Object> r) {
        try {
            return new ObjectMapper().writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The headline figure first, then every other key as {@code key value}. */
    static String human(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %-13s", r.get("workload"), NAMES.get(r.get("workload"))));
        if (r.get("samples_per_s") instanceof Double v) sb.append(String.format(Locale.ROOT, " %,12.0f samples/s", v));
        if (r.get("us_per_gradient") instanceof Double v) sb.append(String.format(Locale.ROOT, " %8.2f µs/gradient", v));
        if (r.get("steps_per_s") instanceof Double v) {
            sb.append(String.format(Locale.ROOT, " %,12.0f steps/s (%.2f µs/step)", v, 1e6 / v));
        }
        for (var e : r.entrySet()) {
            String k = e.getKey();
            if (List.of("peer", "workload", "samples_per_s", "steps_per_s", "us_per_gradient", "java").contains(k)) continue;
            Object v = e.getValue();
            sb.append("  ").append(k).append(' ').append(plain(v));
        }
        return sb.toString();
    }

    /** Numbers to 10 significant digits without trailing zeros or exponents (lists element by element). */
    private static String plain(Object v) {
        return switch (v) {
            case Double d when Double.isFinite(d) ->
                    new java.math.BigDecimal(d).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
            case List<?> list -> list.stream().map(BenchCommand::plain).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
            case double[] a -> plain(java.util.Arrays.stream(a).boxed().toList());
            default -> String.valueOf(v);
        };
    }

    private static String version() {
        try {
            return "jgrad " + Main.Version.projectVersion();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
