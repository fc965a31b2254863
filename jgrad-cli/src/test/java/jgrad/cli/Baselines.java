package jgrad.cli;

import java.util.Set;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Datasets;
import jgrad.cli.data.Prepared;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.data.Scaler;

/**
 * Linear models fitted independently of the engine, on exactly the split and scaling that
 * {@code jgrad train} uses with its defaults (seed 0, 0.7/0.15/0.15, standardised).
 */
final class Baselines {
    private Baselines() {}

    static Prepared prepared(String data) {
        CsvTable t = Datasets.open(data);
        return Prepared.of(t, Schema.infer(t, null, Target.Task.AUTO, Set.of()), Scaler.Method.STANDARD, new double[] {0.7, 0.15, 0.15}, 0);
    }

    /** Multinomial logistic regression by full-batch gradient descent, to convergence; test accuracy. */
    static double softmaxRegressionAccuracy(String data) {
        Prepared p = prepared(data);
        int d = p.schema().inputs(), k = p.schema().outputs(), n = p.train().size();
        double[][] w = new double[d + 1][k];
        for (int step = 0; step < 2000; step++) {
            double[][] g = new double[d + 1][k];
            for (int i = 0; i < n; i++) {
                double[] prob = softmax(p.train().x().row(i), w);
                prob[p.train().labels()[i]] -= 1;
                for (int j = 0; j < k; j++) {
                    for (int f = 0; f < d; f++) g[f][j] += p.train().x().get(i, f) * prob[j] / n;
                    g[d][j] += prob[j] / n;
                }
            }
            for (int f = 0; f <= d; f++) for (int j = 0; j < k; j++) w[f][j] -= 0.5 * g[f][j];
        }
        int correct = 0;
        for (int i = 0; i < p.test().size(); i++) {
            double[] prob = softmax(p.test().x().row(i), w);
            int best = 0;
            for (int j = 1; j < k; j++) if (prob[j] > prob[best]) best = j;
            if (best == p.test().labels()[i]) correct++;
        }
        return (double) correct / p.test().size();
    }

    private static double[] softmax(double[] x, double[][] w) {
        int d = x.length, k = w[0].length;
        double[] z = new double[k];
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int j = 0; j < k; j++) {
            z[j] = w[d][j];
            for (int f = 0; f < d; f++) z[j] += x[f] * w[f][j];
            max = Math.max(max, z[j]);
        }
        for (int j = 0; j < k; j++) sum += z[j] = Math.exp(z[j] - max);
        for (int j = 0; j < k; j++) z[j] /= sum;
        return z;
    }

    /** Ordinary least squares with an intercept via the normal equations (XᵀX)β = Xᵀy; test R². */
    static double leastSquaresR2(String data) {
        Prepared p = prepared(data);
        int d = p.schema().inputs() + 1;
        double[][] a = new double[d][d + 1];
        for (int i = 0; i < p.train().size(); i++) {
            double[] row = withOne(p.train().x().row(i));
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) a[r][c] += row[r] * row[c];
                a[r][d] += row[r] * p.train().values()[i];
            }
        }
        double[] beta = solve(a);
        double mean = java.util.Arrays.stream(p.test().values()).average().orElseThrow(), ssRes = 0, ssTot = 0;
        for (int i = 0; i < p.test().size(); i++) {
            double[] row = withOne(p.test().x().row(i));
            double yhat = 0;
            for (int r = 0; r < d; r++) yhat += beta[r] * row[r];
            ssRes += Math.pow(p.test().values()[i] - yhat, 2);
            ssTot += Math.pow(p.test().values()[i] - mean, 2);
        }
        return 1 - ssRes / ssTot; // R² is the same on the standardised target scale
    }

    private static double[] withOne(double[] x) {
        double[] r = java.util.Arrays.copyOf(x, x.length + 1);
        r[x.length] = 1;
        return r;
    }

    /** Gaussian elimination with partial pivoting on the augmented matrix [A | b]. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) a[r][k] -= f * a[c][k];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int k = r + 1; k < n; k++) s -= a[r][k] * x[k];
            x[r] = s / a[r][r];
        }
        return x;
    }
}
