package jgrad.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.data.Scaler;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * {@code Scaler.fit} on the training rows, distributed: sums, minima and maxima per partition, then
 * the sum of squared deviations from the mean in a second pass (as the two-pass formula of
 * {@code Scaler} does), combined in partition order. A numeric target is standardised the same way.
 */
record Fit(Scaler scaler, Target.Values target) {

    static Fit of(JavaPairRDD<Long, Row> indexed, Encoder encoder, Broadcast<byte[]> part, Schema schema, Scaler.Method method, int train) {
        int d = encoder.inputs();
        boolean regression = !encoder.classification();
        boolean[] scaled = schema.scaledInputs();
        double[] offset = new double[d], scale = new double[d];
        Arrays.fill(scale, 1);
        boolean inputs = method != Scaler.Method.NONE;
        if (!inputs && !regression) return new Fit(new Scaler(method, offset, scale), null);
        // layout of a partition's sums: [Σx (d), min (d), max (d), Σy]
        double[] first = combine(indexed.mapPartitions(it -> {
            double[] s = new double[3 * d + 1];
            Arrays.fill(s, d, 2 * d, Double.POSITIVE_INFINITY);
            Arrays.fill(s, 2 * d, 3 * d, Double.NEGATIVE_INFINITY);
            trainingRows(it, part.value(), encoder, (row, x) -> {
                for (int j = 0; j < d; j++) {
                    s[j] += x[j];
                    s[d + j] = Math.min(s[d + j], x[j]);
                    s[2 * d + j] = Math.max(s[2 * d + j], x[j]);
                }
                if (regression) s[3 * d] += encoder.value(row);
            });
            return List.of(s).iterator();
        }).collect(), true);
        double[] mean = new double[d];
        for (int j = 0; j < d; j++) mean[j] = first[j] / train;
        double yMean = first[3 * d] / train;
        boolean second = method == Scaler.Method.STANDARD || regression;
        double[] dev = !second ? null : combine(indexed.mapPartitions(it -> {
            double[] s = new double[d + 1];
            trainingRows(it, part.value(), encoder, (row, x) -> {
                for (int j = 0; j < d; j++) s[j] += (x[j] - mean[j]) * (x[j] - mean[j]);
                if (regression) {
                    double y = encoder.value(row);
                    s[d] += (y - yMean) * (y - yMean);
                }
            });
            return List.of(s).iterator();
        }).collect(), false);
        for (int j = 0; j < d && inputs; j++) {
            if (!scaled[j]) continue;
            if (method == Scaler.Method.STANDARD) {
                double sd = Math.sqrt(dev[j] / train);
                offset[j] = mean[j];
                scale[j] = sd > 0 ? sd : 1;
            } else {
                double lo = first[d + j], hi = first[2 * d + j];
                offset[j] = lo;
                scale[j] = hi > lo ? hi - lo : 1;
            }
        }
        Target.Values target = null;
        if (regression) {
            double sd = Math.sqrt(dev[d] / train);
            target = new Target.Values(schema.target().name(), yMean, sd > 0 ? sd : 1);
        }
        return new Fit(new Scaler(method, offset, scale), target);
    }

    /** Calls {@code visit} with each training row of a partition and its encoded inputs (one array, refilled per row). */
    private static void trainingRows(Iterator<Tuple2<Long, Row>> it, byte[] part, Encoder encoder, RowVisitor visit) {
        double[] x = new double[encoder.inputs()];
        while (it.hasNext()) {
            Tuple2<Long, Row> t = it.next();
            if (part[(int) (long) t._1()] != 0) continue;
            Arrays.fill(x, 0);
            encoder.encode(t._2(), x, 0);
            visit.row(t._2(), x);
        }
    }

    private interface RowVisitor {
        void row(Row row, double[] x);
    }

    /** Adds the partitions' sums in partition order; with {@code extremes}, the middle two thirds are minima and maxima. */
    private static double[] combine(List<double[]> parts, boolean extremes) {
        double[] total = parts.getFirst().clone();
        int d = (total.length - 1) / 3;
        for (double[] p : parts.subList(1, parts.size())) {
            for (int j = 0; j < total.length; j++) {
                if (extremes && j >= d && j < 2 * d) total[j] = Math.min(total[j], p[j]);
                else if (extremes && j >= 2 * d && j < 3 * d) total[j] = Math.max(total[j], p[j]);
                else total[j] += p[j];
            }
        }
        return total;
    }
}
