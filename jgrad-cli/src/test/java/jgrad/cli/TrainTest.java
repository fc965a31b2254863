package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defaults, pinned on the bundled data sets and against linear models on the same split. */
class TrainTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    /** The last line of standard output, where --json puts its object. */
    static String lastLine(CliRun r) {
        String[] lines = r.out().strip().split("\n");
        return lines[lines.length - 1];
    }

    static JsonNode trainJson(String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "train";
        all[1] = "--json";
        System.arraycopy(args, 0, all, 2, args.length);
        CliRun r = CliRun.of(all);
        assertEquals(0, r.exitCode(), r.toString());
        return JSON.readTree(TrainTest.lastLine(r));
    }

    @Test
    void aRateThatMakesTheLossExplodeIsAnErrorAndSavesNothing() throws Exception {
        // Adam at 1e6 on iris used to train to a loss of 10^11 and save that model with exit 0
        Path model = dir.resolve("model.json"), plots = dir.resolve("plots");
        CliRun r = CliRun.of("train", "--data", "iris", "--lr", "1e6", "--out", model.toString(), "--plot", plots.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().strip().matches("jgrad: error: loss went from 1\\.\\d+ to \\S+e\\+\\d+ at epoch 1, batch \\d+; "
                + "try a smaller learning rate \\(now 1000000\\.0\\)"), r.err());
        assertFalse(Files.exists(model), "no model written");
        assertFalse(Files.exists(plots), "no charts written");
    }

    @Test
    void noArgumentsTrainsDigitsToAtLeast96Percent() throws Exception {
        CliRun r = CliRun.of("train");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("data      digits: 1797 rows"), r.out());
        assertTrue(r.out().contains("confusion matrix"), r.out());
        double accuracy = Double.parseDouble(r.out().replaceAll("(?s).*test accuracy ([0-9.]+).*", "$1"));
        assertTrue(accuracy >= 0.96, "digits test accuracy " + accuracy);
    }

    @Test
    void irisAndWineDefaultsReach95Percent() throws Exception {
        for (String data : new String[] {"iris", "wine"}) {
            JsonNode r = trainJson("--data", data);
            assertTrue(r.at("/test/accuracy").asDouble() >= 0.95, data + ": " + r);
            assertEquals("classification", r.get("task").asText());
            assertTrue(r.at("/test/macro_f1").isNumber() && r.at("/test/per_class").size() == 3 && r.at("/test/confusion_matrix").size() == 3, r.toString());
            assertTrue(r.get("seconds").asDouble() > 0 && r.get("samples_per_second").asDouble() > 0);
        }
    }

    @Test
    void jsonIsTheLastLineEvenWithoutQuiet() throws Exception {
        CliRun r = CliRun.of("train", "--data", "iris", "--json", "--epochs", "3");
        assertEquals(1, r.out().strip().split("\n").length, "--json prints only the object: " + r.out());
        JSON.readTree(TrainTest.lastLine(r));
    }

    @Test
    void withoutTestRowsTheReportSaysItIsOnTrainingRows() throws Exception {
        JsonNode r = trainJson("--data", "iris", "--split", "1,0,0", "--epochs", "20");
        assertEquals("train", r.get("evaluated_on").asText());
        assertEquals(150, r.at("/rows/train").asInt());
    }

    @Test
    void sameSeedSameModelDifferentSeedDifferentModel() throws Exception {
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json"), c = dir.resolve("c.json");
        trainJson("--data", "iris", "--epochs", "20", "--out", a.toString());
        trainJson("--data", "iris", "--epochs", "20", "--out", b.toString());
        trainJson("--data", "iris", "--epochs", "20", "--out", c.toString(), "--seed", "1");
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(Files.readString(a).equals(Files.readString(c)));
    }

    @Test
    void float32AndStochasticAndFullBatchAllTrain() throws Exception {
        assertTrue(trainJson("--data", "iris", "--dtype", "float32").at("/test/accuracy").asDouble() >= 0.9);
        assertTrue(trainJson("--data", "iris", "--batch", "1", "--epochs", "30", "--lr", "0.003").at("/test/accuracy").asDouble() >= 0.9);
        assertTrue(trainJson("--data", "iris", "--batch", "full", "--optimizer", "momentum", "--activation", "tanh", "--loss", "mse")
                .at("/test/accuracy").asDouble() >= 0.85);
    }

    /** Two interleaved half-moons: a line cannot separate them, a network can. */
    static Path moons(Path dir, int n, long seed) throws Exception {
        Random r = new Random(seed);
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < n; i++) {
            double t = r.nextDouble() * Math.PI;
            boolean upper = i % 2 == 0;
            double x = upper ? Math.cos(t) : 1 - Math.cos(t), y = upper ? Math.sin(t) : 0.5 - Math.sin(t);
            csv.append(x + r.nextGaussian() * 0.15).append(',').append(y + r.nextGaussian() * 0.15).append(',').append(upper ? "upper" : "lower").append('\n');
        }
        Path file = dir.resolve("moons.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void classificationBeatsSoftmaxRegressionOnTheSameSplit() throws Exception {
        for (String data : new String[] {"iris", "wine", "digits", moons(dir, 400, 1).toString()}) {
            double network = trainJson("--data", data).at("/test/accuracy").asDouble();
            double linear = Baselines.softmaxRegressionAccuracy(data);
            assertTrue(network >= linear, data + ": network " + network + " < softmax regression " + linear);
        }
    }

    @Test
    void regressionBeatsOrdinaryLeastSquaresOnANonLinearRelation() throws Exception {
        Random r = new Random(5);
        StringBuilder csv = new StringBuilder("x1,x2,noise,y\n");
        for (int i = 0; i < 500; i++) {
            double x1 = r.nextDouble() * 4 - 2, x2 = r.nextDouble() * 4 - 2, z = r.nextDouble();
            csv.append(x1).append(',').append(x2).append(',').append(z).append(',').append(Math.sin(2 * x1) + 0.5 * x2 * x2 + 0.1 * r.nextGaussian()).append('\n');
        }
        Path file = dir.resolve("curve.csv");
        Files.writeString(file, csv);
        JsonNode net = trainJson("--data", file.toString());
        assertEquals("regression", net.get("task").asText());
        double ols = Baselines.leastSquaresR2(file.toString());
        double r2 = net.at("/test/r2").asDouble();
        assertTrue(r2 >= ols && r2 > 0.9, "network R² " + r2 + " vs least squares " + ols);
        assertTrue(net.at("/test/rmse").asDouble() > 0 && net.at("/test/mae").asDouble() > 0);
    }
}
