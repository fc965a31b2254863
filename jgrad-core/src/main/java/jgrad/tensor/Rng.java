package jgrad.tensor;

/**
 * A seeded SplitMix64 generator: the same seed gives the same numbers on every JVM, which
 * {@link java.util.Random}'s Gaussian does not promise across versions.
 */
public final class Rng {
    private static Rng global = new Rng(0);
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    /** The generator used where no seed is given (default layer initialisation); see {@link #manualSeed}. */
    public static synchronized Rng global() {
        return global;
    }

    /** Reseeds the global generator, like {@code torch.manual_seed}. */
    public static synchronized void manualSeed(long seed) {
        global = new Rng(seed);
    }

    /** Where the stream is: {@code new Rng(state())} continues it exactly (a checkpoint saves this). */
    public long state() {
        return state;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return (int) Math.floorMod(nextLong() >>> 1, (long) bound);
    }

    /** Standard normal by Box–Muller (one value per call keeps the stream position simple). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]: log is finite
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** A random permutation of 0..n-1 (Fisher–Yates). */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
