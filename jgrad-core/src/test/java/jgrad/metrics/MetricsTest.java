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
    void macroAveragesSkipClassesThatNeitherOccurNorArePredictedLikeScikitLearn() {
        // 4 classes; class 2 is in neither list, class 3 is predicted once but never occurs.
        // scikit-learn: labels = unique_labels(y_true, y_pred) = [0, 1, 3]
        //   class 0: tp 1, predicted 1, support 2 -> P 1,   R 1/2, F1 2/3
        //   class 1: tp 2, predicted 3, support 3 -> P 2/3, R 2/3, F1 2/3
        //   class 3: tp 0, predicted 1, support 0 -> P 0,   R 0 (zero_division=0), F1 0
        // f1_score(y_true, y_pred, average='macro') = (2/3 + 2/3 + 0) / 3 = 4/9 = 0.444...
        // (averaging over all 4 classes would give 1/3)
        var m = ClassificationMetrics.of(new int[] {0, 0, 1, 1, 1}, new int[] {0, 1, 1, 1, 3}, 4);
        assertArrayEquals(new int[] {0, 1, 3}, m.labels());
        assertEquals(4.0 / 9, m.macroF1(), 1e-15);
        assertEquals((1 + 2.0 / 3 + 0) / 3, m.macroPrecision(), 1e-15); // 5/9
        assertEquals((0.5 + 2.0 / 3 + 0) / 3, m.macroRecall(), 1e-15); // 7/18
        assertEquals(0, m.f1()[2], "the absent class still has a row, all zeros");
    }

    @Test
    void macroF1OfNoRowsIsZero() {
        assertEquals(0, ClassificationMetrics.of(new int[0], new int[0], 3).macroF1());
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
