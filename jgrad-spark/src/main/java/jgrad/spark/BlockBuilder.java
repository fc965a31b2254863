package jgrad.spark;

import java.util.Arrays;
import org.apache.spark.sql.Row;

/** Collects one part's rows of a partition into growing primitive arrays, then makes a {@link Block.Part}. */
final class BlockBuilder {
    private final int inputs, width;
    private double[] x, y, values;
    private int[] pos, labels;
    private int n;

    BlockBuilder(int inputs, int width) {
        this.inputs = inputs;
        this.width = width;
        x = new double[16 * inputs];
        y = new double[16 * width];
        values = new double[16];
        pos = new int[16];
        labels = new int[16];
    }

    void add(Encoder encoder, Row r, double[] target, int position, int label, double value) {
        if (n == pos.length) {
            int m = 2 * n;
            x = Arrays.copyOf(x, m * inputs);
            y = Arrays.copyOf(y, m * width);
            values = Arrays.copyOf(values, m);
            pos = Arrays.copyOf(pos, m);
            labels = Arrays.copyOf(labels, m);
        }
        encoder.encode(r, x, n * inputs);
        System.arraycopy(target, 0, y, n * width, width);
        pos[n] = position;
        labels[n] = label;
        values[n] = value;
        n++;
    }

    /** The part; training rows are put in their order in the training part ({@code sorted}). */
    Block.Part build(boolean sorted) {
        int[] order = java.util.stream.IntStream.range(0, n).toArray();
        if (sorted) {
            long[] keys = new long[n];
            for (int r = 0; r < n; r++) keys[r] = (long) pos[r] << 32 | r;
            Arrays.sort(keys);
            for (int r = 0; r < n; r++) order[r] = (int) keys[r];
        }
        double[] xs = new double[n * inputs], ys = new double[n * width], vs = new double[n];
        int[] ps = new int[n], ls = new int[n];
        for (int k = 0; k < n; k++) {
            int r = order[k];
            System.arraycopy(x, r * inputs, xs, k * inputs, inputs);
            System.arraycopy(y, r * width, ys, k * width, width);
            ps[k] = pos[r];
            ls[k] = labels[r];
            vs[k] = values[r];
        }
        return new Block.Part(n, xs, ys, ps, ls, vs);
    }
}
