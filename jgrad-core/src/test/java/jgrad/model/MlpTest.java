package jgrad.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import jgrad.metrics.ClassificationMetrics;
import jgrad.metrics.RegressionMetrics;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The façade a library user calls with a table of numbers: it learns, reports every epoch and predicts. */
class MlpTest {
    /** Two interleaved classes on a circle's inside and outside: not linearly separable. */
    static double[][] points(int n, long seed, int[] labels) {
        Rng r = new Rng(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = r.uniform(-2, 2), b = r.uniform(-2, 2);
            x[i] = new double[] {a, b};
            labels[i] = a * a + b * b < 1.5 ? 1 : 0;
        }
        return x;
    }

    @Test
    void classifiesANonLinearBoundaryAndReportsEveryEpoch() {
        int[] labels = new int[400], valLabels = new int[100];
        double[][] x = points(400, 1, labels), xVal = points(100, 2, valLabels);
        Mlp.Settings s = Mlp.Settings.defaults().withHidden(16).withEpochs(60);
        List<Mlp.Epoch> seen = new ArrayList<>();
        Mlp.Result fit = Mlp.fit(Rows.classes(x, labels, 2), Rows.classes(xVal, valLabels, 2), s, true, seen::add);
        assertEquals(fit.epochs(), seen);
        assertTrue(seen.getLast().trainScore() > 0.9 && seen.getLast().validationScore() > 0.9, seen.getLast().toString());
        Mlp.Predictions p = Mlp.predict(fit.network(), s.loss(), true, Tensor.of(xVal));
        assertTrue(ClassificationMetrics.of(valLabels, p.classes(), 2).accuracy() > 0.9);
        for (int i = 0; i < p.classes().length; i++) {
            assertEquals(p.probabilities()[i][0] > p.probabilities()[i][1] ? 0 : 1, p.classes()[i]);
            assertEquals(1, p.probabilities()[i][0] + p.probabilities()[i][1], 1e-12);
        }
        Mlp.Result again = Mlp.fit(Rows.classes(x, labels, 2), Rows.classes(xVal, valLabels, 2), s, false, e -> {});
        assertArrayEquals(fit.network().parameters().getFirst().toDoubleArray(), again.network().parameters().getFirst().toDoubleArray(), 0.0,
                "the same seed gives the same network");
    }

    /** 10 epochs and 10 more equal 20: the optimiser's buffers, the batch order, the rate schedule and the dropout masks continue (a schedule that depends on the run's length, cosine, is planned by each run). */
    @Test
    void aResumedRunEqualsAnUninterruptedOneBitForBit() {
        int[] labels = new int[120];
        double[][] x = points(120, 5, labels);
        Mlp.Settings s = new Mlp.Settings(jgrad.nn.LayerSpec.parse("relu(12)|dropout(0.3)|tanh(6)"), LossKind.CROSS_ENTROPY, Mlp.OptimizerKind.ADAM,
                0.01, 20, 16, 3, 0, jgrad.tensor.DType.FLOAT64, 1e-3, jgrad.train.Schedule.parse("warmup(3)|exponential(0.9)"), 1.0, Double.NaN, false);
        Mlp.Result whole = Mlp.fit(Rows.classes(x, labels, 2), null, s, false, e -> {});
        Mlp.Settings half = new Mlp.Settings(s.layers(), s.loss(), s.optimizer(), s.lr(), 10, s.batch(), s.seed(), s.patience(), s.dtype(),
                s.weightDecay(), s.schedule(), s.clipNorm(), s.clipValue(), s.balancedClasses());
        Mlp.Result first = Mlp.fit(Rows.classes(x, labels, 2), null, half, false, e -> {});
        List<Mlp.Epoch> later = new ArrayList<>();
        Mlp.Result second = Mlp.fit(Rows.classes(x, labels, 2), null, half, false, later::add, first.state());
        assertEquals(20, second.state().epochsDone());
        assertEquals(11, later.getFirst().epoch(), "epochs are numbered on");
        for (int i = 0; i < whole.network().parameters().size(); i++) {
            assertArrayEquals(whole.network().parameters().get(i).toDoubleArray(), second.network().parameters().get(i).toDoubleArray(), 0.0, "parameter " + i);
        }
        assertEquals(whole.epochs().getLast().learningRate(), later.getLast().learningRate(), 0.0);
    }

    @Test
    void regressesANonLinearFunctionWithSquaredErrorAndTanh() {
        Rng r = new Rng(3);
        double[][] x = new double[300][];
        double[] y = new double[300];
        for (int i = 0; i < 300; i++) {
            x[i] = new double[] {r.uniform(-2, 2)};
            y[i] = Math.sin(2 * x[i][0]);
        }
        Mlp.Settings s = new Mlp.Settings(jgrad.nn.LayerSpec.parse("tanh(24)"), LossKind.MSE, Mlp.OptimizerKind.ADAM, 0.01, 150, 32, 0, 0,
                jgrad.tensor.DType.FLOAT64, 0, null, Double.NaN, Double.NaN, false);
        Mlp.Result fit = Mlp.fit(Rows.values(x, y), null, s, false, e -> {});
        double[] predicted = Mlp.predict(fit.network(), s.loss(), false, Tensor.of(x)).values();
        assertTrue(RegressionMetrics.of(y, predicted).r2() > 0.95, "R² " + RegressionMetrics.of(y, predicted).r2());
    }
}
