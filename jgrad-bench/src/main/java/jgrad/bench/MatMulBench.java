package jgrad.bench;

import jgrad.kernel.MatMul;
import jgrad.kernel.Parallel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The float32 products of one W1 training step (batch 128, 784-256-128-10) plus a square one.
 * GFLOP/s = 2·m·k·n / time. Example: {@code java --add-modules jdk.incubator.vector -jar
 * jgrad-bench/target/jgrad-bench.jar MatMulBench -p threads=1}.
 */
public class MatMulBench extends KernelBenchmark {
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
