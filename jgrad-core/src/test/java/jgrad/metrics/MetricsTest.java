package jgrad.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void classificationMatchesHandCount() {
        // actual:    0 0 0 1 1 2
        // predicted: 0 0 1 1 2 2
        var m = ClassificationMetrics.of(new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2}, 3);
        assertArrayEquals(new int[] {2, 1, 0}, m.confusion()[0]);
        assertArrayEquals(new int[] {0, 1, 1}, m.confusion()[1]);
        assertEquals(4.0 / 6, m.accuracy(), 1e-15);
        assertArrayEquals(new double[] {1.0, 0.5, 0.5}, m.precision(), 1e-15);
        assertArrayEquals(new double[] {2.0 / 3, 0.5, 1.0}, m.recall(), 1e-15);
        assertEquals(0.8, m.f1()[0], 1e-15);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, m.macroF1(), 1e-15);
        assertArrayEquals(new int[] {3, 2, 1}, m.support());
    }

    @Test
    void neverPredictedClassHasZeroPrecisionNotNaN() {
        var m = ClassificationMetrics.of(new int[] {0, 1}, new int[] {0, 0}, 2);
        assertEquals(0, m.precision()[1]);
        assertEquals(0, m.f1()[1]);
    }

    @Test
    void regressionScores() {
        var m = RegressionMetrics.of(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 6});
        assertEquals(1 - 4.0 / 5, m.r2(), 1e-15);
        assertEquals(1.0, m.rmse(), 1e-15);
        assertEquals(0.5, m.mae(), 1e-15);
        assertEquals(1.0, RegressionMetrics.of(new double[] {1, 2}, new double[] {1, 2}).r2());
    }

    @Test
    void argmaxPicksFirstLargest() {
        assertArrayEquals(new int[] {1, 0}, ClassificationMetrics.argmax(new double[][] {{0, 2, 1}, {3, 3, 0}}));
    }
}
