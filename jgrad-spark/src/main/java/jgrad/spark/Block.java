package jgrad.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * One partition's rows, encoded and scaled, as flat primitive arrays: cached once by Spark, then
 * read by every training step. Training rows are kept in their order in the training part (their
 * position {@code pos} in {@code jgrad train}'s split), which is what global batches are cut from.
 */
final class Block implements Serializable {

    /** Rows of one part: inputs [n × inputs], targets [n × targetWidth], and for test rows the actual labels or values. */
    static final class Part implements Serializable {
        final int n;
        final double[] x;
        final double[] y;
        final int[] pos;
        final int[] labels;
        final double[] values;
        private transient Object rows; // the engine's tensors for x and y, made on first use on an executor

        Part(int n, double[] x, double[] y, int[] pos, int[] labels, double[] values) {
            this.n = n;
            this.x = x;
            this.y = y;
            this.pos = pos;
            this.labels = labels;
            this.values = values;
        }

        EngineBridge.Rows rows(EngineBridge.Net net) {
            if (rows == null) rows = EngineBridge.rows(net, x, y, n);
            return (EngineBridge.Rows) rows;
        }
    }

    final Part train, validation, test;

    // the grouping of training rows into global batches, for the epoch it was made for
    private transient long groupedFor = -1;
    private transient long[] keys;

    Block(Part train, Part validation, Part test) {
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /**
     * The local rows of global batch {@code batch} (positions {@code batch·size} to {@code (batch+1)·size − 1}
     * of the epoch's order), in that order. {@code place[pos]} is a training row's position in the epoch's
     * order (null: the training order itself, as full-batch and unshuffled epochs use).
     */
    int[] batchRows(long epoch, int[] place, int batch, int size) {
        if (groupedFor != epoch || keys == null) {
            keys = new long[train.n];
            for (int r = 0; r < train.n; r++) keys[r] = ((long) (place == null ? train.pos[r] : place[train.pos[r]]) << 32) | r;
            Arrays.sort(keys);
            groupedFor = epoch;
        }
        int from = lowerBound((long) batch * size), to = lowerBound((long) (batch + 1) * size);
        int[] rows = new int[to - from];
        for (int i = from; i < to; i++) rows[i - from] = (int) keys[i];
        return rows;
    }

    // the partition's own batch order (averaging mode): the generator, and the permutation of epoch `orderEpoch`
    private transient jgrad.tensor.Rng rng;
    private transient int orderEpoch;
    private transient int[] order;

    /** Epoch {@code epoch}'s order of the local training rows: the epoch-th permutation drawn from {@code seed}, as {@code Trainer} draws them. */
    int[] localOrder(int epoch, long seed) {
        if (rng == null || orderEpoch > epoch) {
            rng = EngineBridge.batchOrder(seed);
            orderEpoch = 0;
        }
        while (orderEpoch < epoch) {
            order = EngineBridge.permutation(rng, train.n);
            orderEpoch++;
        }
        return order;
    }

    private int lowerBound(long position) {
        int i = Arrays.binarySearch(keys, position << 32);
        return i >= 0 ? i : -i - 1;
    }
}
