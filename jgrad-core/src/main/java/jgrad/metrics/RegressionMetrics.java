package jgrad.metrics;

/**
 * The usual regression scores. R² = 1 − SS_res / SS_tot compares the model with always predicting
 * the mean of the actual values: 1 is perfect, 0 is no better than the mean, negative is worse.
 */
public record RegressionMetrics(double r2, double rmse, double mae) {

    public static RegressionMetrics of(double[] actual, double[] predicted) {
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException(
                    "metrics: need as many predictions as values (got " + predicted.length + " and " + actual.length + ")");
        }
        double mean = 0;
        for (double v : actual) mean += v;
        mean /= actual.length;
        double ssRes = 0, ssTot = 0, abs = 0;
        for (int i = 0; i < actual.length; i++) {
            double e = predicted[i] - actual[i];
            ssRes += e * e;
            abs += Math.abs(e);
            double d = actual[i] - mean;
            ssTot += d * d;
        }
        // a constant target has SS_tot = 0: a perfect fit scores 1, anything else 0 (scikit-learn's choice)
        double r2 = ssTot == 0 ? (ssRes == 0 ? 1 : 0) : 1 - ssRes / ssTot;
        return new RegressionMetrics(r2, Math.sqrt(ssRes / actual.length), abs / actual.length);
    }
}
