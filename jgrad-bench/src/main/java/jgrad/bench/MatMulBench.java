package jgrad.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jgrad.kernel.MatMul;
import jgrad.kernel.Parallel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The float32 products of one W1 training step (batch 128, 784-256-128-10) plus a square one.
 * GFLOP/s = 2·m·k·n / time. Example: {@code java --add-modules jdk.incubator.vector -jar
 * jgrad-bench/target/jgrad-bench.jar MatMulBench -p threads=1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MatMulBench {
    /** op:m:k:n — ab is X·W (forward), atb Xᵀ·G (weight gradient), abt G·Wᵀ (input gradient). */
    @Param({"ab:128:784:256", "atb:784:128:256", "ab:128:256:128", "atb:256:128:128", "abt:128:128:256",
            "ab:128:128:10", "abt:128:10:128", "ab:512:512:512"})
    public String shape;

    @Param({"1", "2"})
    public int threads;

    String op;
    int m, k, n;
    float[] a, b, c;

    @Setup(Level.Trial)
    public void setUp() {
        String[] s = shape.split(":");
        op = s[0];
        m = Integer.parseInt(s[1]);
        k = Integer.parseInt(s[2]);
        n = Integer.parseInt(s[3]);
        a = random(m * k, 1);
        b = random(k * n, 2);
        c = new float[m * n];
        Parallel.setThreads(threads);
    }

    static float[] random(int len, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[len];
        for (int i = 0; i < len; i++) x[i] = (float) r.nextDouble(-1, 1);
        return x;
    }

    @Benchmark
    public float[] product() {
        switch (op) {
            case "ab" -> MatMul.ab(a, b, c, m, k, n, false);
            case "atb" -> MatMul.atb(a, b, c, m, k, n, false);
            default -> MatMul.abt(a, b, c, m, k, n, false);
        }
        return c;
    }
}
