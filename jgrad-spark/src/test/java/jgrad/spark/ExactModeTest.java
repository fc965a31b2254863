package jgrad.spark;

import static jgrad.spark.SparkTests.assertClose;
import static jgrad.spark.SparkTests.weights;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact mode takes the steps single-process {@code jgrad train} takes: the same model, to 1e-12 in float64. */
class ExactModeTest {
    @TempDir Path dir;

    /** The line of a report that starts with {@code prefix}. */
    static String line(String report, String prefix) {
        return report.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' in\n" + report));
    }

    @Test
    void miniBatchAdamOnIrisEqualsJgradTrainWhateverThePartitions() {
        String[] flags = {"--data", "iris", "--layers", "8", "--epochs", "30", "--batch", "16", "--lr", "0.05", "--patience", "2"}; // stops early, at 15
        var single = SparkTests.jgrad(concat(new String[] {"train", "--out", dir.resolve("single.json").toString()}, flags));
        assertEquals(0, single.code(), single.err());
        for (int partitions : new int[] {1, 3}) {
            Path out = dir.resolve("spark" + partitions + ".json");
            var spark = SparkTests.spark(concat(new String[] {"train", "--partitions", String.valueOf(partitions), "--out", out.toString()}, flags));
            assertEquals(0, spark.code(), spark.err());
            assertClose(weights(dir.resolve("single.json")), weights(out), 1e-12);
            assertEquals(line(single.out(), "test accuracy"), line(spark.out(), "test accuracy"));
            assertEquals(line(single.out(), "trained").replaceAll(" in .*:", ":"), line(spark.out(), "trained").replaceAll(" in .*:", ":"));
            assertTrue(line(spark.out(), "trained").contains("kept the weights of epoch 13"), spark.out());
        }
    }

    @Test
    void fullBatchMomentumRegressionWithCategoriesEqualsJgradTrain() throws Exception {
        Random r = new Random(7);
        StringBuilder csv = new StringBuilder("a,colour,b,y\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 90; i++) {
            double a = r.nextGaussian(), b = r.nextDouble() * 4;
            int c = r.nextInt(3);
            csv.append(String.format(Locale.ROOT, "%.6f,%s,%.6f,%.6f%n", a, colours[c], b, Math.sin(a) + 0.3 * b * b + c));
        }
        Path data = Files.writeString(dir.resolve("rows.csv"), csv);
        String[] flags = {"--data", data.toString(), "--layers", "6", "--activation", "tanh", "--optimizer", "momentum", "--batch", "full",
                "--epochs", "25", "--scale", "minmax"};
        var single = SparkTests.jgrad(concat(new String[] {"train", "--out", dir.resolve("single.json").toString()}, flags));
        var spark = SparkTests.spark(concat(new String[] {"train", "--partitions", "3", "--out", dir.resolve("spark.json").toString()}, flags));
        assertEquals(0, spark.code(), spark.err());
        assertClose(weights(dir.resolve("single.json")), weights(dir.resolve("spark.json")), 1e-12);
        assertEquals(line(single.out(), "test R²"), line(spark.out(), "test R²"));
        assertTrue(spark.err().contains("epoch 25/25  loss "), spark.err());
    }

    static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
