package jgrad.model;

import jgrad.tensor.Tensor;

/**
 * Rows to train on or to score: the inputs [n, features] (already encoded and scaled) and either class
 * indices (classification, {@code outputs} classes) or numbers (regression, one output).
 */
public record Rows(Tensor x, int[] labels, double[] values, int outputs) {
    public Rows {
        if (x.rank() != 2) throw new IllegalArgumentException("Rows: inputs must be [n, features], got " + java.util.Arrays.toString(x.shape()));
        int n = x.dim(0);
        if ((labels == null) == (values == null)) throw new IllegalArgumentException("Rows: give class labels or values, not both or neither");
        if ((labels != null ? labels.length : values.length) != n) {
            throw new IllegalArgumentException("Rows: " + n + " input rows but " + (labels != null ? labels.length : values.length) + " targets");
        }
    }

    /** Rows with class indices 0..classes-1. */
    public static Rows classes(double[][] x, int[] labels, int classes) {
        return new Rows(matrix(x), labels, null, classes);
    }

    /** Rows with a number each. */
    public static Rows values(double[][] x, double[] values) {
        return new Rows(matrix(x), null, values, 1);
    }

    public int size() {
        return x.dim(0);
    }

    public boolean classification() {
        return labels != null;
    }

    /** Class indices for cross-entropy, one-hot rows for squared error on classes, a column of numbers for regression. */
    public Tensor targets(LossKind loss) {
        int n = size();
        if (labels == null) return Tensor.fromArray(values.clone(), n, 1);
        if (loss == LossKind.CROSS_ENTROPY) return Tensor.fromArray(java.util.Arrays.stream(labels).asDoubleStream().toArray(), n);
        double[] oneHot = new double[n * outputs];
        for (int i = 0; i < n; i++) oneHot[i * outputs + labels[i]] = 1;
        return Tensor.fromArray(oneHot, n, outputs);
    }

    private static Tensor matrix(double[][] x) {
        return x.length == 0 ? Tensor.zeros(0, 0) : Tensor.of(x);
    }
}
