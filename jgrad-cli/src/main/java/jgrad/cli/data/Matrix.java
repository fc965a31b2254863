package jgrad.cli.data;

import jgrad.data.Scaler;
import jgrad.tensor.Tensor;

/**
 * Rows of numbers in one row-major array, the layout a tensor has: a million rows of inputs cost 8 bytes a
 * cell and no object each, and become a tensor without a copy.
 */
public record Matrix(double[] data, int rows, int cols) {
    public Matrix {
        if ((long) rows * cols != data.length) throw new IllegalArgumentException("matrix: " + rows + " x " + cols + " does not fit " + data.length + " numbers");
    }

    public static Matrix zeros(int rows, int cols) {
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new jgrad.cli.UserException(String.format(java.util.Locale.ROOT, "%,d rows x %,d inputs are more numbers than one array holds (2^31): use fewer rows, or fewer columns (--exclude)", rows, cols));
        }
        return new Matrix(new double[rows * cols], rows, cols);
    }

    public static Matrix of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        Matrix m = zeros(rows.length, cols);
        for (int r = 0; r < rows.length; r++) System.arraycopy(rows[r], 0, m.data, r * cols, cols);
        return m;
    }

    public double get(int r, int c) {
        return data[r * cols + c];
    }

    /** A copy of row {@code r}. */
    public double[] row(int r) {
        return java.util.Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    public double[][] toRows() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) out[r] = row(r);
        return out;
    }

    /** The same numbers as a float64 tensor [rows, cols], sharing this array. */
    public Tensor tensor() {
        return Tensor.fromArray(data, rows, cols);
    }

    /** Scaled by {@code scaler} in place ({@link Scaler#transformInPlace}): a big file's rows are not copied. */
    public Matrix scaleInPlace(Scaler scaler) {
        if (scaler.offset().length != cols) throw new IllegalArgumentException("scaler: rows have " + cols + " values, expected " + scaler.offset().length);
        scaler.transformInPlace(data);
        return this;
    }
}
