package jgrad.data;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A seeded train/validation/test partition of row indices. Stratified splits keep every class's
 * share the same in all three parts, so a small test set still holds every class.
 */
public record Split(int[] train, int[] validation, int[] test) {

    /** Shuffles {@code n} rows with {@code seed} and cuts them by {@code fractions} (train, validation, test). */
    public static Split random(int n, double[] fractions, long seed) {
        check(fractions);
        int[] idx = shuffled(range(n), new Random(seed));
        int[] counts = counts(n, fractions);
        return new Split(
                Arrays.copyOfRange(idx, 0, counts[0]),
                Arrays.copyOfRange(idx, counts[0], counts[0] + counts[1]),
                Arrays.copyOfRange(idx, counts[0] + counts[1], n));
    }

    /**
     * Stratified by {@code labels[i]} (row i's class). Each class is shuffled, then all rows are
     * interleaved by their relative position within their class, so every stretch of the sequence
     * holds the classes in their overall proportions; cutting that sequence gives exact part sizes
     * (as {@link #random}) with every class's share kept to within one row.
     */
    public static Split stratified(int[] labels, double[] fractions, long seed) {
        check(fractions);
        Random random = new Random(seed);
        int n = labels.length;
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        double[] key = new double[n], tie = new double[n];
        for (int c = 0; c < classes; c++) {
            final int cls = c;
            int[] members = shuffled(IntStream.range(0, n).filter(i -> labels[i] == cls).toArray(), random);
            for (int k = 0; k < members.length; k++) {
                key[members[k]] = (k + 0.5) / members.length;
                tie[members[k]] = random.nextDouble(); // equal-sized classes tie: break it at random, not by class
            }
        }
        int[] order = IntStream.range(0, n).boxed().sorted(java.util.Comparator.<Integer>comparingDouble(i -> key[i]).thenComparingDouble(i -> tie[i])).mapToInt(Integer::intValue).toArray();
        int[] counts = counts(n, fractions);
        // validation and test come first so that small held-out parts get the evenest mix
        int[] validation = Arrays.copyOfRange(order, 0, counts[1]);
        int[] test = Arrays.copyOfRange(order, counts[1], counts[1] + counts[2]);
        int[] train = Arrays.copyOfRange(order, counts[1] + counts[2], n);
        return new Split(shuffled(train, random), shuffled(validation, random), shuffled(test, random));
    }

    /** Rows per part: validation and test are rounded, train gets the rest, so no row is lost. */
    private static int[] counts(int n, double[] f) {
        int validation = (int) Math.round(n * f[1]);
        int test = (int) Math.round(n * f[2]);
        if (validation + test > n) test = n - validation;
        return new int[] {n - validation - test, validation, test};
    }

    private static void check(double[] f) {
        if (f.length != 3 || Arrays.stream(f).anyMatch(v -> !(v >= 0)) || Math.abs(f[0] + f[1] + f[2] - 1) > 1e-9 || f[0] <= 0) {
            throw new IllegalArgumentException("split: need three fractions (train, validation, test) >= 0 that add up to 1, with train > 0; got "
                    + Arrays.toString(f));
        }
    }

    private static int[] range(int n) {
        return IntStream.range(0, n).toArray();
    }

    /** Fisher-Yates with the given generator: the same seed gives the same order on every JVM. */
    private static int[] shuffled(int[] a, Random random) {
        int[] out = a.clone();
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
