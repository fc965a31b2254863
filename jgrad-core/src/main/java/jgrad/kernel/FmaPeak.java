package jgrad.kernel;

/**
 * The FMA peak of one core as this JVM reaches it, to report matrix-product speed as a share of it: a loop
 * of independent vector fma chains on registers only (no memory traffic), float32. The best of a few short
 * runs is taken, timed by the thread's CPU time: a shared machine only ever slows a run down, and CPU time
 * leaves out the stretches when the thread is not running at all. The matrix-product micro-kernel on packed
 * operands that sit in L1 is timed the same way, and the faster of the two is the peak: neither can pass the
 * real one, and on a 16-register machine (Zen 5 under -XX:UseAVX=2) the kernel ran 12% faster than the loop
 * (128 against 114 GFLOP/s), which would have put products above "100%".
 */
public final class FmaPeak {
    private static final int CHAINS = 12;
    private static volatile float sink;

    private FmaPeak() {}

    /** float32 GFLOP/s of the calling thread's fma loop: the best of {@code runs} runs of about 20 ms each. */
    public static double gflops(int runs) {
        int lanes = Math.max(1, Simd.vectorBits() / Float.SIZE);
        for (int i = 0; i < 3_000; i++) sink += loop(2_000, i); // compile it first
        double best = 0;
        long steps = 20_000_000L / lanes;
        for (int r = 0; r < runs; r++) {
            long t0 = cpuNanos();
            sink += loop(steps, r);
            double seconds = (cpuNanos() - t0) / 1e9;
            best = Math.max(best, 2.0 * CHAINS * lanes * steps / seconds / 1e9);
        }
        return Simd.ENABLED ? Math.max(best, microKernel(runs)) : best;
    }

    /** GFLOP/s of the float32 micro-kernel over an L1-resident A sliver and B panel, best of {@code runs}. */
    private static double microKernel(int runs) {
        Blocking b = Blocking.of(Float.BYTES, true);
        int mr = b.mr(), nr = b.nr(), kc = b.l1Depth();
        float[] ap = new float[mr * kc], bp = new float[kc * nr], c = new float[mr * nr];
        for (int i = 0; i < ap.length; i++) ap[i] = 1e-3f * (i % 7);
        for (int i = 0; i < bp.length; i++) bp[i] = 1e-3f * (i % 5);
        for (int i = 0; i < 20_000; i++) SimdF.micro(mr, ap, 0, kc, bp, 0, kc, c, 0, nr, false);
        double best = 0;
        int calls = Math.max(1, 40_000_000 / (mr * nr * kc));
        for (int r = 0; r < runs; r++) {
            long t0 = cpuNanos();
            for (int i = 0; i < calls; i++) SimdF.micro(mr, ap, 0, kc, bp, 0, kc, c, 0, nr, true);
            double seconds = (cpuNanos() - t0) / 1e9;
            best = Math.max(best, 2.0 * mr * nr * kc * calls / seconds / 1e9);
        }
        sink += c[0];
        return best;
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static float loop(long steps, float seed) {
        float mul = 1 - 1e-7f, add = 1e-7f;
        if (Simd.ENABLED) return SimdF.fmaLoop(steps, mul, add, seed);
        float s0 = seed, s1 = s0 + 1, s2 = s0 + 2, s3 = s0 + 3, s4 = s0 + 4, s5 = s0 + 5;
        float s6 = s0 + 6, s7 = s0 + 7, s8 = s0 + 8, s9 = s0 + 9, s10 = s0 + 10, s11 = s0 + 11;
        for (long i = 0; i < steps; i++) {
            s0 = Math.fma(s0, mul, add);
            s1 = Math.fma(s1, mul, add);
            s2 = Math.fma(s2, mul, add);
            s3 = Math.fma(s3, mul, add);
            s4 = Math.fma(s4, mul, add);
            s5 = Math.fma(s5, mul, add);
            s6 = Math.fma(s6, mul, add);
            s7 = Math.fma(s7, mul, add);
            s8 = Math.fma(s8, mul, add);
            s9 = Math.fma(s9, mul, add);
            s10 = Math.fma(s10, mul, add);
            s11 = Math.fma(s11, mul, add);
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10 + s11;
    }
}
