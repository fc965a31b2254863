package jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupTest {
    /** A probe that takes 2 ms until its phase's step has run {@code until} times, then returns at once. */
    private static Runnable probe(int[] steps, int until) {
        return () -> {
            if (steps[0] >= until) return;
            long t0 = System.nanoTime();
            while (System.nanoTime() - t0 < 2_000_000) Thread.onSpinWait();
        };
    }

    @Test
    void phasesRunInOrderEachUntilItsProbeIsFast() {
        List<String> log = new ArrayList<>();
        int[] first = {0}, second = {0};
        Warmup.Phase a = new Warmup.Phase(() -> { first[0]++; log.add("a"); }, 3, probe(first, 7), 1_000_000, 60_000_000_000L);
        Warmup.Phase b = new Warmup.Phase(() -> { second[0]++; log.add("b"); }, 2, probe(second, 4), 1_000_000, 60_000_000_000L);
        assertEquals(2, Warmup.run(a, b));
        assertEquals(9, first[0], "whole rounds of 3 steps until the probe passed");
        assertEquals(4, second[0]);
        assertEquals("aaaaaaaaabbbb", String.join("", log), "the second phase starts only once the first is compiled");
    }

    @Test
    void aPhaseWhoseProbeIsFastRunsOneRound() {
        int[] steps = {0};
        assertEquals(1, Warmup.run(new Warmup.Phase(() -> steps[0]++, 5, () -> {}, 1_000_000, 60_000_000_000L)));
        assertEquals(5, steps[0]);
    }

    @Test
    void givesUpWhenTheBudgetIsSpent() {
        int[] steps = {0};
        Warmup.Phase never = new Warmup.Phase(() -> steps[0]++, 1, probe(steps, Integer.MAX_VALUE), 1_000_000, 50_000_000L);
        Warmup.Phase after = new Warmup.Phase(() -> { throw new AssertionError("ran after the budget"); }, 1, () -> {}, 1_000_000, 60_000_000_000L);
        assertEquals(0, Warmup.run(never, after));
        assertTrue(steps[0] >= 1 && steps[0] < 10, "a few rounds of 5 slow probes fit in 50 ms: " + steps[0]);
    }

    /**
     * The warm-up's thread runs small products of its own and hands SmallF's last-thread cache to no thread before
     * each step; a training thread's products at the same time must keep their bits (each thread its own buffers).
     */
    @Test
    void smallProductsOnAnotherThreadLeaveTheResultsAlone() throws Exception {
        int m = 128, k = 64, n = 10;
        float[] a = new float[m * k], b = new float[k * n], bias = new float[n];
        for (int i = 0; i < a.length; i++) a[i] = (float) Math.sin(i * 0.37);
        for (int i = 0; i < b.length; i++) b[i] = (float) Math.cos(i * 0.11);
        for (int j = 0; j < n; j++) bias[j] = j * 0.25f;
        float[] expected = new float[m * n], grad = new float[k * n], expectedGrad = new float[k * n];
        MatMul.abBiasActivate(a, 0, b, bias, jgrad.function.Activations.RELU, expected, m, k, n);
        MatMul.atb(a, expected, expectedGrad, k, m, n, false);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread other = new Thread(() -> {
            float[] x = new float[32 * 48], w = new float[48 * 10 + 16], y = new float[32 * 10], dw = new float[48 * 10];
            while (!stop.get()) {
                SmallF.forgetRecent();
                GemmF.product(x, 0, 48, 1, w, 10, 1, y, 32, 48, 10, false, null, null, true, 1);
                GemmF.product(x, 0, 1, 48, y, 10, 1, dw, 48, 32, 10, false, null, null, true, 1);
            }
        });
        other.start();
        try {
            float[] c = new float[m * n];
            for (int round = 0; round < 2_000; round++) {
                MatMul.abBiasActivate(a, 0, b, bias, jgrad.function.Activations.RELU, c, m, k, n);
                assertArrayEquals(expected, c, "forward, round " + round);
                MatMul.atb(a, c, grad, k, m, n, false);
                assertArrayEquals(expectedGrad, grad, "weight gradient, round " + round);
            }
        } finally {
            stop.set(true);
            other.join();
        }
    }
}
