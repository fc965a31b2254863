package jgrad.spark;

import jgrad.model.Mlp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** On a standalone cluster of two workers (separate executor JVMs) exact mode gives the local run's model, bit for bit. */
class StandaloneClusterTest {
    @Test
    @Timeout(240)
    void twoWorkersGiveTheLocalModel() throws Exception {
        Mlp.Settings s = Runs.settings(8, 5, 16);
        double[] local = SparkTests.weights(Runs.fit(Runs.iris(2), SparkTraining.exact(s)).model());
        SparkTests.stop();
        try (LoopbackCluster cluster = new LoopbackCluster(2, "1g")) {
            SparkSession spark = cluster.session(2, "768m");
            try {
                assertEquals(3, spark.sparkContext().statusTracker().getExecutorInfos().length); // the driver and two executors
                double[] onCluster = SparkTests.weights(Runs.fit(Runs.iris(2), SparkTraining.exact(s)).model());
                org.junit.jupiter.api.Assertions.assertArrayEquals(local, onCluster);
            } finally {
                SparkTests.stop();
            }
        }
    }
}
