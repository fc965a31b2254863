package jgrad.cli;

import java.util.List;
import java.util.Set;

/**
 * Starts the kernels' warm-up ({@link jgrad.kernel.MatMul#prepare(boolean, boolean)}) before picocli builds the
 * command line, which takes it some 190 ms, for the commands whose precision and kind of run the arguments already
 * say: {@code jgrad train} (float64 unless {@code --dtype float32}) and the benchmark workloads that train or infer
 * in float32. The commands call {@code prepare} again once parsed; a second call starts nothing. Started early,
 * the compiles got that much of a head start: through {@code jgrad bench}, W1's first epoch on two threads 0.35 s
 * against 0.43, W3 on two threads +6%, and {@code jgrad train} on digits 1.30 s against 1.37 (medians of 6-8
 * alternated processes).
 *
 * <p>Only a guess from the words: options this does not know are skipped, and bad input is left to picocli, which
 * reports it as before (the warm-up thread is a daemon and computes on its own buffers). Help and version requests
 * and every other command start nothing: {@code predict} and {@code evaluate} learn the precision from the model file
 * and prepare as they read it; W2, W6 and the others never prepare (see {@code WarmupF}).
 */
final class EarlyWarmup {
    /** What to warm: nothing, or the kernels of one precision for training or for inference. */
    enum Plan { NONE, TRAIN_FLOAT32, TRAIN_FLOAT64, INFER_FLOAT32 }

    /** The workloads of {@code jgrad bench} that train in float32 ({@code all} starts with W1). */
    private static final Set<String> BENCH_TRAINING = Set.of("w1", "w1-1024", "w1-2048", "all");
    /** Words that make any command print and exit. */
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");
    /** {@code jgrad bench}'s options that take a value as the next word. */
    private static final Set<String> BENCH_VALUED = Set.of("--batch", "--dtype", "--threads", "--shapes");

    private EarlyWarmup() {}

    static void start(String... args) {
        switch (plan(args)) {
            case TRAIN_FLOAT32 -> jgrad.kernel.MatMul.prepare(true, true);
            case TRAIN_FLOAT64 -> jgrad.kernel.MatMul.prepare(false, true);
            case INFER_FLOAT32 -> jgrad.kernel.MatMul.prepare(true, false);
            case NONE -> { }
        }
    }

    static Plan plan(String... args) {
        List<String> words = List.of(args);
        if (words.isEmpty() || words.stream().anyMatch(HELP::contains)) return Plan.NONE;
        List<String> rest = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "train" -> {
                String dtype = value(rest, "--dtype");
                yield dtype == null || dtype.equals("float64") ? Plan.TRAIN_FLOAT64 : dtype.equals("float32") ? Plan.TRAIN_FLOAT32 : Plan.NONE;
            }
            case "bench" -> {
                String workload = firstPositional(rest);
                workload = workload == null ? "all" : workload.toLowerCase(java.util.Locale.ROOT);
                yield BENCH_TRAINING.contains(workload) ? Plan.TRAIN_FLOAT32 : workload.equals("w3") ? Plan.INFER_FLOAT32 : Plan.NONE;
            }
            default -> Plan.NONE;
        };
    }

    /** The value of {@code --name V} or {@code --name=V}, "" when the option ends the line, null when it is absent. */
    private static String value(List<String> words, String name) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals(name)) return i + 1 < words.size() ? words.get(i + 1) : "";
            if (words.get(i).startsWith(name + "=")) return words.get(i).substring(name.length() + 1);
        }
        return null;
    }

    /** The first word that is neither an option nor the value of one of bench's valued options. */
    private static String firstPositional(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-")) return w;
            if (BENCH_VALUED.contains(w)) i++;
        }
        return null;
    }
}
