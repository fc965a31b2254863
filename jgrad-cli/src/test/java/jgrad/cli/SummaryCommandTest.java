package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.cli.summary.ModelSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {
    @TempDir Path dir;

    private static List<String> lines(CliRun r) {
        assertEquals(0, r.exitCode(), r.toString());
        return r.out().lines().toList();
    }

    @Test
    void showsLayersShapesAndParameterCountsAsKerasDoes() throws Exception {
        Path model = dir.resolve("iris.json");
        TrainTest.trainJson("--data", "iris", "--layers", "8,5", "--activation", "tanh", "--epochs", "3", "--out", model.toString());
        List<String> out = lines(CliRun.of("summary", "--model", model.toString()));
        assertEquals("model     " + model + ": float64, loss cross-entropy", out.get(0));
        assertEquals("task      classification: target 'species', 3 classes: setosa, versicolor, virginica", out.get(1));
        assertEquals(List.of(
                "layer  type    output shape  parameters",
                "input          [N, 4]",
                "1      linear  [N, 8]                40  weight [4, 8], bias [8]",
                "2      tanh    [N, 8]                 0",
                "3      linear  [N, 5]                45  weight [8, 5], bias [5]",
                "4      tanh    [N, 5]                 0",
                "5      linear  [N, 3]                18  weight [5, 3], bias [3]",
                "total                               103  (824 B as float64)"), out.subList(3, 11));
        assertTrue(out.contains("onnx      exportable (jgrad export --onnx FILE)"), out.toString());
        assertTrue(out.contains("inputs    4 columns -> 4 inputs, standard scaling fitted on the training rows"), out.toString());
        Model m = ModelFile.read(model);
        String scaling = String.format(java.util.Locale.ROOT, "  sepal_length  numeric  (x − %.4g) / %.4g", m.scaler().offset()[0], m.scaler().scale()[0]);
        assertTrue(out.contains(scaling), scaling + " in " + out);
        assertTrue(out.contains("  activation    tanh") && out.contains("  hidden        [8,5]"), "the training note: " + out);
    }

    @Test
    void jsonHasEveryNumberInFullAndTheCategoricalEncoding() throws Exception {
        Path csv = jgrad.cli.onnx.OnnxExportTest.regressionCsv(dir), model = dir.resolve("prices.json");
        TrainTest.trainJson("--data", csv.toString(), "--layers", "6", "--epochs", "3", "--dtype", "float32", "--out", model.toString());
        CliRun r = CliRun.of("summary", "--model", model.toString(), "--json");
        JsonNode j = TrainTest.JSON.readTree(lines(r).getLast());
        Model m = ModelFile.read(model);
        assertEquals("regression", j.get("task").asText());
        assertEquals("float32", j.get("dtype").asText());
        assertEquals(5, j.get("inputs").asInt(), "two numbers and three districts");
        assertEquals(5 * 6 + 6 + 6 + 1, j.get("parameters").asLong());
        assertEquals(List.of("linear", "relu", "linear"), j.get("layers").findValuesAsText("type"));
        assertEquals(6, j.at("/layers/1/output_shape/1").asInt());
        assertTrue(j.at("/layers/0/output_shape/0").isNull(), "the batch axis");
        assertEquals(m.scaler().offset()[0], j.at("/features/0/offset").asDouble());
        assertEquals("categorical", j.at("/features/2/kind").asText());
        assertEquals("[\"centre\",\"north\",\"south\"]", j.at("/features/2/categories").toString());
        var target = (jgrad.cli.data.Target.Values) m.schema().target();
        assertEquals(target.scale(), j.at("/target/scale").asDouble());
        assertEquals("price", j.at("/target/name").asText());
        assertEquals(3, j.at("/training/epochs").asInt());
        List<String> text = lines(CliRun.of("summary", "--model", model.toString()));
        assertTrue(text.contains("  district  categorical  one-hot, 3 inputs: centre, north, south"), text.toString());
        assertTrue(text.stream().anyMatch(l -> l.startsWith("output    value = output × ")), text.toString());
    }

    @Test
    void aSquaredErrorClassifierShowsItsSoftmaxLayer() throws Exception {
        Path model = dir.resolve("wine.json");
        TrainTest.trainJson("--data", "wine", "--loss", "mse", "--layers", "4", "--epochs", "2", "--out", model.toString());
        List<String> out = lines(CliRun.of("summary", "--model", model.toString()));
        assertTrue(out.contains("4      softmax  [N, 3]                 0"), out.toString());
        assertTrue(out.contains("output    probabilities: the network's softmax layer; the class is the most probable"), out.toString());
    }

    @Test
    void saysWhenAModelCannotBeExportedAndWhy() throws Exception {
        Path model = dir.resolve("iris.json");
        TrainTest.trainJson("--data", "iris", "--layers", "3", "--epochs", "2", "--out", model.toString());
        Model m = ModelFile.read(model);
        var cube = new jgrad.cli.onnx.OnnxActivationsTest.Fn("cube", z -> z * z * z);
        Model unexportable = jgrad.cli.onnx.OnnxActivationsTest.with(m, cube, m.dtype());
        StringWriter text = new StringWriter();
        ModelSummary.print(new PrintWriter(text), unexportable, "cube");
        assertTrue(text.toString().contains("\nonnx      not exportable: layer 2 (cube): activation 'cube' cannot be exported to ONNX yet"), text.toString());
    }

    @Test
    void theReadmeSampleIsWhatTheCommandPrints() throws Exception {
        Path model = dir.resolve("iris.json");
        assertEquals(0, CliRun.of("train", "--data", "iris", "--layers", "8", "--out", model.toString(), "--quiet").exitCode());
        String printed = CliRun.of("summary", "--model", model.toString()).out().replace(model.toString(), "iris.json");
        String readme = Files.readString(Path.of("../README.md"));
        String start = "$ ./jgrad summary --model iris.json\n";
        String sample = readme.substring(readme.indexOf(start) + start.length(), readme.indexOf("\n```", readme.indexOf(start)) + 1);
        // up to the training note, which grows as train records more
        assertEquals(sample.substring(0, sample.indexOf("\ntraining\n")), printed.substring(0, printed.indexOf("\ntraining\n")));
        assertTrue(sample.contains("\ntraining\n  data          iris\n"), sample);
    }

    @Test
    void aMissingOrBrokenModelIsOneLine() throws Exception {
        CliRun missing = CliRun.of("summary", "--model", dir.resolve("none.json").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("jgrad: error: " + dir.resolve("none.json") + ": no such model file", missing.err().strip());
        Files.writeString(dir.resolve("v9.json"), "{\"format\": \"jgrad-model\", \"version\": 9}");
        CliRun future = CliRun.of("summary", "--model", dir.resolve("v9.json").toString());
        assertEquals(2, future.exitCode());
        assertEquals(1, future.err().strip().lines().count(), future.err());
        assertTrue(future.err().contains("version 9 is not supported"), future.err());
    }
}
