package jgrad.spark;

import jgrad.model.Mlp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.Test;

/** A task that fails during exact training is run again by Spark, and the model is the same to the last bit. */
class FaultTest {
    @Test
    void aFailedTaskAttemptLeavesTheExactModelUnchanged() throws Exception {
        Mlp.Settings s = Runs.settings(8, 4, 32);
        double[] clean = SparkTests.weights(Runs.fit(Runs.iris(2), SparkTraining.exact(s)).model());

        AtomicInteger failed = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) failed.incrementAndGet();
            }
        };
        SparkTests.session().sparkContext().addSparkListener(listener);
        try {
            var plan = new SparkTrainer.Plan(SparkTrainer.Mode.EXACT, 1, s, new SparkTrainer.FailOnce(2, 1, 1));
            double[] retried = SparkTests.weights(Runs.fit(Runs.iris(2), plan).model());
            SparkTests.session().sparkContext().listenerBus().waitUntilEmpty();
            assertTrue(failed.get() >= 1, "the hook made no task fail");
            assertArrayEquals(clean, retried);
        } finally {
            SparkTests.session().sparkContext().removeSparkListener(listener);
        }
    }
}
