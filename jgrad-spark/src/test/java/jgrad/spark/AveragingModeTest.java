package jgrad.spark;

import jgrad.model.Mlp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AveragingModeTest {
    /** With one partition there is nothing to average: K local steps per job are the single-process steps. */
    @Test
    void onOnePartitionAveragingIsExactTraining() {
        Mlp.Settings s = Runs.settings(8, 10, 16);
        double[] exact = SparkTests.weights(Runs.fit(Runs.iris(1), SparkTraining.exact(s)).model());
        double[] averaged = SparkTests.weights(Runs.fit(Runs.iris(1), SparkTraining.averaging(s, 3)).model());
        SparkTests.assertClose(exact, averaged, 1e-12);
    }

    @Test
    void onThreePartitionsItLearnsAndIsDeterministic() {
        Mlp.Settings s = Runs.settings(16, 40, 8);
        SparkTraining.Run a = Runs.fit(Runs.iris(3), SparkTraining.averaging(s, 4));
        SparkTraining.Run b = Runs.fit(Runs.iris(3), SparkTraining.averaging(s, 4));
        assertTrue(a.evaluation().score() >= 0.85, "test accuracy " + a.evaluation().score());
        assertArrayEquals(SparkTests.weights(a.model()), SparkTests.weights(b.model()));
        // ceil(35 rows / 8) = 5 local steps per epoch, in two jobs of 4 and 1; the first also measures the
        // validation loss of the epoch before; the last epoch's needs one job more
        assertEquals(40, a.result().epochs().size());
        assertEquals(2L * 40 + 1, a.result().jobs());
    }
}
