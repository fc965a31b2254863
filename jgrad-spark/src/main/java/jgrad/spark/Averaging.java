package jgrad.spark;

import java.util.List;
import org.apache.spark.broadcast.Broadcast;

/**
 * Averaging mode's rounds. In round r of an epoch every partition starts from the averaged parameters
 * and optimiser state, takes its local mini-batches r·K to r·K + K − 1 (of {@code batch} rows each,
 * in its own seeded order for the epoch: the permutations {@code Trainer} would draw for the partition's
 * rows, from seed + partition), and returns its parameters, state and losses. An epoch has as many rounds
 * as the partition with the most rows needs to see them all once (the last round may be shorter);
 * smaller partitions start their rows over.
 * With one partition this is single-process training, step for step.
 */
final class Averaging {
    private Averaging() {}

    /** Local steps per epoch: what the partition with the most training rows needs for one pass. */
    static int stepsPerEpoch(SparkTrainer t) {
        return localBatches(t.mostLocalRows(), t.plan().settings().batch());
    }

    private static int localBatches(int n, int batch) {
        int size = batch <= 0 || batch >= n ? n : batch;
        return size == 0 ? 0 : (n + size - 1) / size;
    }

    /** One epoch; updates {@code w} and {@code opt} in place and returns the epoch's mean training loss. */
    static double epoch(SparkTrainer t, int epoch, double[] w, FlatOptimizer opt, boolean measure, java.util.function.DoublePredicate carryOn) {
        int k = t.plan().localSteps(), batch = t.plan().settings().batch();
        long seed = t.plan().settings().seed();
        EngineBridge.Net net = t.net();
        int perEpoch = stepsPerEpoch(t), p = w.length, st = opt.state().length;
        double lossTotal = 0, rowsTotal = 0;
        for (int r = 0; r * k < perEpoch; r++) {
            int roundSteps = Math.min(k, perEpoch - r * k);
            Broadcast<double[]> wB = t.context().broadcast(w), sB = t.context().broadcast(opt.state());
            long steps = opt.steps();
            int round = r;
            boolean val = measure && r == 0;
            FlatOptimizer template = opt;
            List<double[]> parts = t.blocks().mapPartitionsWithIndex((part, it) -> {
                Block b = it.next();
                double[] out = new double[3 + p + st];
                if (val) out[2] = SparkTrainer.validationSum(net, b, wB.value());
                if (b.train.n == 0) return List.of(out).iterator();
                double[] lw = wB.value().clone();
                FlatOptimizer local = template.copy();
                local.load(sB.value(), steps);
                int size = batch <= 0 || batch >= b.train.n ? b.train.n : batch, nb = localBatches(b.train.n, batch);
                int[] order = size < b.train.n ? b.localOrder(epoch, seed + part) : null;
                double[] g = new double[p];
                for (int s = 0; s < roundSteps; s++) {
                    int j = (round * k + s) % nb, from = j * size, count = Math.min(b.train.n, from + size) - from;
                    int[] rows = order == null ? null : java.util.Arrays.copyOfRange(order, from, from + count);
                    java.util.Arrays.fill(g, 0);
                    double lossSum = EngineBridge.Local.of(net).lossAndGradient(lw, b.train.rows(net), rows, count, g, 0);
                    double divisor = net.meanDivisor(count);
                    for (int i = 0; i < p; i++) g[i] /= divisor;
                    out[0] += lossSum / divisor * count;
                    out[1] += count;
                    local.step(lw, g);
                }
                System.arraycopy(lw, 0, out, 3, p);
                System.arraycopy(local.state(), 0, out, 3 + p, st);
                return List.of(out).iterator();
            }, true).collect();
            wB.unpersist(false);
            sB.unpersist(false);
            if (val && !carryOn.test(parts.stream().mapToDouble(x -> x[2]).sum() / net.meanDivisor(t.validationRows()))) return Double.NaN;
            double[] avg = new double[p + st];
            int contributing = 0;
            for (double[] o : parts) {
                if (o[1] == 0) continue;
                contributing++;
                lossTotal += o[0];
                rowsTotal += o[1];
                for (int i = 0; i < avg.length; i++) avg[i] += o[3 + i];
            }
            for (int i = 0; i < avg.length; i++) avg[i] /= contributing;
            SparkTrainer.checkFinite(lossTotal / rowsTotal, epoch, r * k + roundSteps, opt);
            System.arraycopy(avg, 0, w, 0, p);
            opt.load(java.util.Arrays.copyOfRange(avg, p, p + st), steps + roundSteps);
        }
        return lossTotal / rowsTotal;
    }
}
