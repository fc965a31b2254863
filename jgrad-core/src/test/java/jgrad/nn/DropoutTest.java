package jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jgrad.autograd.GradCheck;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Inverted dropout: zeroes about p of the values in training, scales the rest, passes everything in evaluation. */
class DropoutTest {
    @Test
    void dropsAboutPAndScalesTheSurvivorsOnlyInTraining() {
        Dropout d = new Dropout(0.25, 7);
        Tensor x = Tensor.ones(200, 50);
        double[] y = d.forward(x).toDoubleArray();
        int zeros = 0;
        for (double v : y) {
            if (v == 0) zeros++;
            else assertEquals(1 / 0.75, v, 1e-15);
        }
        assertEquals(0.25, zeros / (double) y.length, 0.02);
        d.eval();
        assertSame(x, d.forward(x), "evaluation mode passes the input through");
        Sequential net = new Sequential(new Linear(50, 3), d);
        net.train();
        assertTrue(d.isTraining(), "train() reaches the layers inside");
    }

    @Test
    void theSameSeedDropsTheSameUnitsAndPredictDropsNone() {
        Tensor x = Tensor.ones(10, 10);
        assertArrayEquals(new Dropout(0.5, 3).forward(x).toDoubleArray(), new Dropout(0.5, 3).forward(x).toDoubleArray(), 0.0);
        Dropout d = new Dropout(0.5, 3);
        assertArrayEquals(x.toDoubleArray(), d.predict(x).toDoubleArray(), 0.0);
        assertTrue(d.isTraining(), "predict restores training mode");
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1));
    }

    @Test
    void gradientFlowsThroughTheKeptUnitsOnly() {
        Dropout d = new Dropout(0.4, 11);
        Tensor x = Tensor.of(new double[][] {{0.5, -1, 2, 0.3}, {1, 1, -0.2, 0.7}});
        GradCheck.Result r = GradCheck.check(in -> {
            d.reset(); // the same mask for every evaluation of the check
            return d.forward(in[0]);
        }, x);
        assertTrue(r.passed(1e-8), r.toString());
    }
}
