package jgrad.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Rows encoded into growing primitive arrays: what one input partition sends to one training partition
 * (a few large arrays travel through Spark's shuffle quickly, where rows one by one would not), and,
 * merged in row order, what a {@link Block} is made of.
 */
final class BlockBuilder implements Serializable {
    private final int inputs, width;
    private long[] index = new long[16];
    private byte[] part = new byte[16];
    private int[] pos = new int[16], labels = new int[16];
    private double[] values = new double[16], x, y;
    private int n;

    BlockBuilder(int inputs, int width) {
        this.inputs = inputs;
        this.width = width;
        x = new double[16 * inputs];
        y = new double[16 * width];
    }

    /** Row number {@code i} of the data, of part {@code p} (0 train, 1 validation, 2 test) at position {@code position} in it. */
    void add(Encoder encoder, Row r, long i, byte p, int position) {
        grow();
        encoder.encode(r, x, n * inputs);
        int label = encoder.classification() ? encoder.label(r) : -1;
        double value = encoder.classification() ? Double.NaN : encoder.value(r);
        if (encoder.classification() && width > 1) y[n * width + label] = 1; // one-hot, for squared error on classes
        else y[n * width] = encoder.classification() ? label : encoder.scaleTarget(value);
        index[n] = i;
        part[n] = p;
        pos[n] = position;
        labels[n] = label;
        values[n] = value;
        n++;
    }

    private void grow() {
        if (n >= index.length) resize(2 * n);
    }

    /** The arrays cut to their rows, to ship. */
    BlockBuilder trimmed() {
        resize(n);
        return this;
    }

    /** Every per-row array copied to room for {@code rows} rows. */
    private void resize(int rows) {
        index = Arrays.copyOf(index, rows);
        part = Arrays.copyOf(part, rows);
        pos = Arrays.copyOf(pos, rows);
        labels = Arrays.copyOf(labels, rows);
        values = Arrays.copyOf(values, rows);
        x = Arrays.copyOf(x, rows * inputs);
        y = Arrays.copyOf(y, rows * width);
    }

    /**
     * One partition's block from the pieces the input partitions sent it. Each piece holds a contiguous
     * range of row numbers in order (an input partition's), so ordering the pieces by their first row
     * orders every row, whatever order the shuffle delivered them in.
     */
    static Block block(List<BlockBuilder> pieces, int inputs, int width) {
        List<BlockBuilder> ordered = pieces.stream().filter(b -> b.n > 0).sorted(Comparator.comparingLong(b -> b.index[0])).toList();
        return new Block(part(ordered, (byte) 0, inputs, width), part(ordered, (byte) 1, inputs, width), part(ordered, (byte) 2, inputs, width));
    }

    /** The rows of one part, training rows in their order in the training part (their position). */
    private static Block.Part part(List<BlockBuilder> pieces, byte which, int inputs, int width) {
        int n = 0;
        for (BlockBuilder b : pieces) for (int r = 0; r < b.n; r++) if (b.part[r] == which) n++;
        long[] keys = new long[n];
        int[] piece = new int[n], row = new int[n];
        int k = 0;
        for (int c = 0; c < pieces.size(); c++) {
            BlockBuilder b = pieces.get(c);
            for (int r = 0; r < b.n; r++) {
                if (b.part[r] != which) continue;
                keys[k] = (which == 0 ? (long) b.pos[r] : (long) k) << 32 | k;
                piece[k] = c;
                row[k++] = r;
            }
        }
        Arrays.sort(keys);
        double[] xs = new double[n * inputs], ys = new double[n * width], vs = new double[n];
        int[] ps = new int[n], ls = new int[n];
        for (int j = 0; j < n; j++) {
            int at = (int) keys[j];
            BlockBuilder b = pieces.get(piece[at]);
            int r = row[at];
            System.arraycopy(b.x, r * inputs, xs, j * inputs, inputs);
            System.arraycopy(b.y, r * width, ys, j * width, width);
            ps[j] = b.pos[r];
            ls[j] = b.labels[r];
            vs[j] = b.values[r];
        }
        return new Block.Part(n, xs, ys, ps, ls, vs);
    }
}
