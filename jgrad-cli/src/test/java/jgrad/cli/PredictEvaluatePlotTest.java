package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jgrad.cli.plot.SurfacePlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictEvaluatePlotTest {
    @TempDir Path dir;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private static void assertPng(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 5000, file + " has " + bytes.length + " bytes");
        assertArrayEquals(PNG, Arrays.copyOf(bytes, 4), file + " is a PNG");
    }

    @Test
    void predictWritesOneRowPerInputInOrderWithoutTheTargetColumn() throws Exception {
        Path model = dir.resolve("iris.json");
        TrainTest.trainJson("--data", "iris", "--out", model.toString());
        // columns in another order, no species column, a quoted value
        Files.writeString(dir.resolve("new.csv"), "petal_width;petal_length;sepal_width;sepal_length\n0.2;1.4;3.5;5.1\n2.3;5.4;3.1;\"6.9\"\n1.3;4.0;2.8;5.7\n");
        Path out = dir.resolve("predictions.csv");
        CliRun r = CliRun.of("predict", "--model", model.toString(), "--data", dir.resolve("new.csv").toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals("species,p_setosa,p_versicolor,p_virginica", lines.get(0));
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).startsWith("setosa,") && lines.get(2).startsWith("virginica,") && lines.get(3).startsWith("versicolor,"), lines.toString());
        double sum = Arrays.stream(lines.get(2).split(",")).skip(1).mapToDouble(Double::parseDouble).sum();
        assertEquals(1, sum, 1e-5, "probabilities add up to 1");
        CliRun toStdout = CliRun.of("predict", "--model", model.toString(), "--data", dir.resolve("new.csv").toString());
        assertEquals(String.join("\n", lines) + "\n", toStdout.out());
    }

    @Test
    void predictWithABadRowWritesNothing() throws Exception {
        Path model = dir.resolve("iris.json");
        TrainTest.trainJson("--data", "iris", "--epochs", "5", "--out", model.toString());
        Files.writeString(dir.resolve("new.csv"), "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n5.1,3.5,x,0.2\n");
        Path out = dir.resolve("p.csv");
        CliRun r = CliRun.of("predict", "--model", model.toString(), "--data", dir.resolve("new.csv").toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("new.csv:3: column 'petal_length' (3): 'x' is not a number"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void evaluateReportsTheSameMetricsAsTraining() throws Exception {
        Path model = dir.resolve("wine.json");
        TrainTest.trainJson("--data", "wine", "--out", model.toString());
        CliRun r = CliRun.of("evaluate", "--model", model.toString(), "--data", "wine", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode j = TrainTest.JSON.readTree(TrainTest.lastLine(r));
        assertEquals(178, j.get("rows").asInt());
        assertTrue(j.at("/test/accuracy").asDouble() > 0.95, j.toString());
        CliRun text = CliRun.of("evaluate", "--model", model.toString(), "--data", "wine");
        assertTrue(text.out().contains("accuracy") && text.out().contains("class_0") && text.out().contains("confusion matrix"), text.out());
        Files.writeString(dir.resolve("unlabelled.csv"), "alcohol\n13\n");
        CliRun missing = CliRun.of("evaluate", "--model", model.toString(), "--data", dir.resolve("unlabelled.csv").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no target column 'cultivar'"), missing.err());
    }

    @Test
    void regressionModelPredictsInTheTargetsUnit() throws Exception {
        StringBuilder csv = new StringBuilder("x,price\n");
        for (int i = 0; i < 200; i++) csv.append(i / 10.0).append(',').append(1000 + 50.0 * i / 10.0 + 0.5 * (i % 3)).append('\n');
        Files.writeString(dir.resolve("prices.csv"), csv);
        Path model = dir.resolve("price.json");
        TrainTest.trainJson("--data", dir.resolve("prices.csv").toString(), "--out", model.toString());
        Files.writeString(dir.resolve("q.csv"), "x\n10\n");
        CliRun r = CliRun.of("predict", "--model", model.toString(), "--data", dir.resolve("q.csv").toString());
        double predicted = Double.parseDouble(r.out().strip().split("\n")[1]);
        assertEquals(1500, predicted, 15, r.out());
    }

    @Test
    void plotWritesLossAccuracyAndDecisionRegions() throws Exception {
        Path plots = dir.resolve("plots");
        CliRun r = CliRun.of("train", "--data", TrainTest.moons(dir, 200, 2).toString(), "--plot", plots.toString(), "--quiet", "--epochs", "30");
        assertEquals(0, r.exitCode(), r.toString());
        for (String f : List.of("loss.png", "accuracy.png", "regions.png")) assertPng(plots.resolve(f));
        try (var files = Files.list(plots)) {
            assertEquals(3, files.count(), "no temporary files left");
        }
        CliRun iris = CliRun.of("train", "--data", "iris", "--plot", dir.resolve("iris").toString(), "--quiet", "--epochs", "5");
        assertEquals(0, iris.exitCode());
        assertFalse(Files.exists(dir.resolve("iris/regions.png")), "four features: no decision regions");
    }

    @Test
    void regressionPlotsLossAndR2AndTheReadmeNamesEveryChartEachTaskWrites() throws Exception {
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 100; i++) csv.append(i % 10).append(',').append(i / 10).append(',').append(0.5 * (i % 10) + i / 10.0).append('\n');
        Files.writeString(dir.resolve("r.csv"), csv);
        CliRun r = CliRun.of("train", "--data", dir.resolve("r.csv").toString(), "--plot", dir.resolve("reg").toString(), "--quiet", "--epochs", "5");
        assertEquals(0, r.exitCode(), r.toString());
        java.util.Set<String> regression = pngs(dir.resolve("reg"));
        assertEquals(java.util.Set.of("loss.png", "r2.png"), regression, "two numeric features, but no regions for numbers");
        assertPng(dir.resolve("reg/r2.png"));
        CliRun c = CliRun.of("train", "--data", TrainTest.moons(dir, 100, 3).toString(), "--plot", dir.resolve("cls").toString(), "--quiet", "--epochs", "5");
        assertEquals(0, c.exitCode(), c.toString());
        java.util.Set<String> classification = pngs(dir.resolve("cls"));
        assertEquals(java.util.Set.of("loss.png", "accuracy.png", "regions.png"), classification);
        // the README's paragraph on --plot names exactly these files
        String readme = Files.readString(Path.of("../README.md"));
        String pictures = readme.substring(readme.indexOf("**Pictures.**"), readme.indexOf("\n\n", readme.indexOf("**Pictures.**")));
        java.util.Set<String> named = new java.util.TreeSet<>(java.util.regex.Pattern.compile("`(\\w+\\.png)`").matcher(pictures).results().map(m -> m.group(1)).toList());
        java.util.Set<String> written = new java.util.TreeSet<>(regression);
        written.addAll(classification);
        assertEquals(written, named, pictures);
        assertTrue(pictures.indexOf("`r2.png`") > pictures.indexOf("regression"), "r2.png is listed under regression: " + pictures);
    }

    private static java.util.Set<String> pngs(Path folder) throws java.io.IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void surfaceDrawsBothCostsAndComputesThemRight() throws Exception {
        Path png = dir.resolve("s.png");
        CliRun r = CliRun.of("surface", "--out", png.toString(), "--grid", "40");
        assertEquals(0, r.exitCode(), r.toString());
        assertPng(png);
        // at w = (0, 0) both outputs are σ(0) = ½: squared error ¼, cross-entropy 2·ln 2
        assertEquals(0.25, SurfacePlot.costs(SurfacePlot.Cost.MSE, new double[] {0}, new double[] {0})[0][0], 1e-15);
        assertEquals(2 * Math.log(2), SurfacePlot.costs(SurfacePlot.Cost.CROSS_ENTROPY, new double[] {0}, new double[] {0})[0][0], 1e-15);
        // seed 002's initial weights W = [−0.14935895, 7.10444213]: cost 0.49904792502779344 (reference)
        assertEquals(0.49904792502779344, SurfacePlot.costs(SurfacePlot.Cost.MSE, new double[] {-0.14935895}, new double[] {7.10444213})[0][0], 1e-12);
        CliRun bad = CliRun.of("surface", "--loss", "hinge", "--out", dir.resolve("t.png").toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--loss"), bad.err());
        assertFalse(Files.exists(dir.resolve("t.png")));
    }
}
