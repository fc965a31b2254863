package jgrad.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * k-fold cross-validation: the rows cut into k seeded folds of (nearly) equal size; fold i is the test part of
 * round i and the other folds train. Stratified folds deal each class's rows round-robin over the folds after
 * shuffling them, so every fold keeps the classes' proportions to within one row (as scikit-learn's
 * {@code StratifiedKFold(shuffle=True)} aims to).
 */
public record Folds(List<int[]> folds) {
    public Folds {
        folds = List.copyOf(folds);
    }

    public static Folds random(int n, int k, long seed) {
        check(n, k);
        int[] order = IntStream.range(0, n).toArray();
        shuffle(order, new Random(seed));
        return deal(new int[][] {order}, k);
    }

    public static Folds stratified(int[] labels, int k, long seed) {
        check(labels.length, k);
        Random random = new Random(seed);
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            final int cls = c;
            byClass[c] = IntStream.range(0, labels.length).filter(i -> labels[i] == cls).toArray();
            shuffle(byClass[c], random);
        }
        return deal(byClass, k);
    }

    /** Deals the rows of each group in turn over the folds, continuing where the last group stopped. */
    private static Folds deal(int[][] groups, int k) {
        List<List<Integer>> parts = new ArrayList<>();
        for (int f = 0; f < k; f++) parts.add(new ArrayList<>());
        int next = 0;
        for (int[] group : groups) for (int row : group) parts.get(next++ % k).add(row);
        return new Folds(parts.stream().map(p -> p.stream().mapToInt(Integer::intValue).sorted().toArray()).toList());
    }

    public int k() {
        return folds.size();
    }

    /** Round i's test rows. */
    public int[] test(int i) {
        return folds.get(i).clone();
    }

    /** Round i's training rows: every other fold, in row order. */
    public int[] train(int i) {
        return IntStream.range(0, k()).filter(f -> f != i).flatMap(f -> Arrays.stream(folds.get(f))).sorted().toArray();
    }

    private static void check(int n, int k) {
        if (k < 2) throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        if (n < k) throw new IllegalArgumentException(n + " rows cannot make " + k + " folds");
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
