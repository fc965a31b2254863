package jgrad.kernel;

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
}
