package jgrad.kernel;

/**
 * Gets the SIMD micro-kernels compiled by C2 before the real products need them. Until C2 has compiled a
 * Vector API kernel it runs as C1 code that boxes every vector (measured: ~100x slower, and hundreds of MB
 * allocated), and C2 only compiles it after thousands of calls: W1's first epoch ran at a quarter of the
 * second's speed. So {@code MatMul.prepare}, or the first product of a precision that needs them (tiny ones stay
 * scalar and never start it), starts a daemon thread that calls the kernels on
 * tiny operands (a few steps of p: cheap even as C1 code) until a probe call runs at compiled speed, which
 * makes C2 compile them early while the caller goes on. Results never depend on it: the warm-up computes on
 * its own buffers only. What it runs, and in which {@link Phase phases}: {@link WarmupF}, {@link WarmupD}.
 */
final class Warmup {
    private Warmup() {}

    /**
     * One part of a warm-up: {@code step} runs some kernels on small operands, {@code steps} times before each
     * probe; the part is done once the fastest of 5 {@code probe} calls takes under {@code compiledNanos} (a
     * probe that is always fast: one round of steps), or after {@code budgetNanos} (a machine so busy that the
     * compiler never runs, or a JVM without C2: the later phases then do not run).
     */
    record Phase(Runnable step, int steps, Runnable probe, long compiledNanos, long budgetNanos) {}

    /**
     * Starts a warm-up that runs its phases one after the other on one daemon thread: a later phase's kernels
     * run boxed until C2 has them too, so they start only once the earlier ones (which every product needs) are
     * compiled.
     */
    static void start(String name, Phase... phases) {
        Thread t = new Thread(() -> run(phases), "jgrad-warmup-" + name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Runs the phases in order, each until its probe is fast; returns how many were done within their budgets. */
    static int run(Phase... phases) {
        int done = 0;
        for (Phase phase : phases) {
            long start = System.nanoTime();
            do {
                if (System.nanoTime() - start > phase.budgetNanos()) return done;
                for (int i = 0; i < phase.steps(); i++) phase.step().run();
            } while (!compiled(phase));
            done++;
        }
        return done;
    }

    private static boolean compiled(Phase phase) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            phase.probe().run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best < phase.compiledNanos();
    }
}
