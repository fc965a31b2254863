package jgrad.kernel;

/**
 * Gets the SIMD micro-kernels compiled by C2 before the real products need them. Until C2 has compiled a
 * Vector API kernel it runs as C1 code that boxes every vector (measured: ~100x slower, and hundreds of MB
 * allocated), and C2 only compiles it after thousands of calls: W1's first epoch ran at a quarter of the
 * second's speed. So {@code MatMul.prepare}, or the first product of a precision that needs them (tiny ones stay
 * scalar and never start it), starts a daemon thread that calls the kernels on
 * tiny operands (a few steps of p: cheap even as C1 code) until a probe call runs at compiled speed, which
 * makes C2 compile them early while the caller goes on. Results never depend on it: the warm-up computes on
 * its own buffers only.
 */
final class Warmup {
    /** Give up after this long (a machine so busy that the compiler never runs). */
    private static final long MAX_NANOS = 10_000_000_000L;
    /** A probe of 64 steps of p; compiled, it takes well under a microsecond, as C1 code 30 µs and more. */
    private static final long COMPILED_PROBE_NANOS = 5_000;

    private Warmup() {}

    /** Starts the warm-up of one precision's kernels: {@code step} runs them once on tiny operands, {@code probe} on 64 steps of p. */
    static void start(String name, Runnable step, Runnable probe) {
        Thread t = new Thread(() -> run(step, probe), "jgrad-warmup-" + name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void run(Runnable step, Runnable probe) {
        long start = System.nanoTime();
        while (System.nanoTime() - start < MAX_NANOS) {
            for (int i = 0; i < 500; i++) step.run();
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                probe.run();
                best = Math.min(best, System.nanoTime() - t0);
            }
            if (best < COMPILED_PROBE_NANOS) return;
        }
    }
}
