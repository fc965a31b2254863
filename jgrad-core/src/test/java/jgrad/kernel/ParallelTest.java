package jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void everyTaskRunsExactlyOnce() {
        Parallel.setThreads(3);
        AtomicIntegerArray runs = new AtomicIntegerArray(1000);
        for (int job = 0; job < 50; job++) Parallel.run(1000, runs::incrementAndGet);
        for (int t = 0; t < 1000; t++) assertEquals(50, runs.get(t), "task " + t);
    }

    /**
     * A task that starts a job of its own (a kernel calling a kernel) gets it run inline, whichever
     * thread runs the task: the caller of the outer job must not start a second job on the pool.
     */
    @Test
    void nestedJobsRunInlineAndComplete() {
        Parallel.setThreads(2);
        int outer = 16, inner = 64;
        for (int rep = 0; rep < 20; rep++) {
            AtomicIntegerArray runs = new AtomicIntegerArray(outer * inner);
            Parallel.run(outer, o -> Parallel.run(inner, i -> runs.incrementAndGet(o * inner + i)));
            int[] got = new int[outer * inner], want = new int[outer * inner];
            java.util.Arrays.fill(want, 1);
            for (int t = 0; t < got.length; t++) got[t] = runs.get(t);
            assertArrayEquals(want, got, "repetition " + rep);
        }
    }

    @Test
    void aProductInsideATaskEqualsTheSameProductOutside() {
        Parallel.setThreads(2);
        int m = 300, k = 200, n = 130; // large enough to be split when called from outside
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        float[] a = MatMulTest.toFloat(MatMulTest.random(r, m * k)), b = MatMulTest.toFloat(MatMulTest.random(r, k * n));
        float[] want = new float[m * n];
        MatMul.ab(a, b, want, m, k, n, false);
        float[][] got = new float[4][m * n];
        Parallel.run(4, t -> MatMul.ab(a, b, got[t], m, k, n, false));
        for (float[] g : got) assertArrayEquals(want, g);
    }
}
