package jgrad.cli.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Datasets;
import jgrad.cli.data.Target;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.cli.model.Predictor;
import jgrad.model.Mlp;
import jgrad.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported files run in onnxruntime and must say what {@code jgrad predict} says: float32 models to
 * 1e-5, float64 models to 1e-12, on the bundled sets and a regression file, for every activation,
 * both losses and both precisions.
 */
public class OnnxExportTest {
    @TempDir Path dir;

    /** Trains with the CLI (few epochs: agreement, not accuracy, is tested) and reads the model file back. */
    static Model train(Path dir, String data, String... flags) {
        Path out = dir.resolve("m" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of("train", "--quiet", "--data", data, "--out", out.toString()));
        args.addAll(List.of(flags));
        if (!args.contains("--epochs")) args.addAll(List.of("--epochs", "4"));
        var r = jgrad.cli.Main.run(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(System.err), args.toArray(String[]::new));
        assertEquals(0, r, String.join(" ", args));
        return ModelFile.read(out);
    }

    /** Runs the export in onnxruntime on every row of {@code data} and compares each output with jgrad's predictions. */
    static void assertAgrees(Model m, double[][] encoded, Mlp.Predictions expected) throws Exception {
        assertAgrees(m, encoded, expected, OrtSession.SessionOptions.OptLevel.ALL_OPT);
    }

    static void assertAgrees(Model m, double[][] encoded, Mlp.Predictions expected, OrtSession.SessionOptions.OptLevel level) throws Exception {
        boolean float32 = m.dtype() == DType.FLOAT32;
        double tolerance = float32 ? 1e-5 : 1e-12;
        try (Ort ort = new Ort(OnnxExport.toBytes(m), level)) {
            Map<String, Object> out = ort.run(encoded, float32);
            if (m.schema().target() instanceof Target.Classes c) {
                double[][] p = Ort.doubles(out.get("probabilities"));
                long[] label = (long[]) out.get("label");
                assertEquals(encoded.length, p.length);
                for (int i = 0; i < p.length; i++) {
                    assertEquals(c.classes().size(), p[i].length);
                    for (int k = 0; k < p[i].length; k++) {
                        assertEquals(expected.probabilities()[i][k], p[i][k], tolerance, "row " + i + ", class " + k);
                    }
                    double[] q = expected.probabilities()[i].clone();
                    java.util.Arrays.sort(q);
                    // the same class unless the two best are closer than the precision can tell apart
                    if (q[q.length - 1] - q[q.length - 2] > 2 * tolerance) assertEquals(expected.classes()[i], label[i], "row " + i);
                }
            } else {
                double[][] v = Ort.doubles(out.get("value"));
                assertEquals(encoded.length, v.length);
                for (int i = 0; i < v.length; i++) {
                    assertEquals(1, v[i].length);
                    double want = expected.values()[i];
                    assertEquals(want, v[i][0], tolerance * Math.max(1, Math.abs(want)), "row " + i);
                }
            }
        }
    }

    static void assertAgreesOn(Model m, String data) throws Exception {
        double[][] encoded = m.schema().encode(Datasets.open(data));
        assertAgrees(m, encoded, Predictor.of(m).predict(encoded));
    }

    @Test
    void irisWithEveryActivationAgreesInFloat64() throws Exception {
        for (String activation : List.of("relu", "tanh", "sigmoid", "silu")) {
            assertAgreesOn(train(dir, "iris", "--activation", activation, "--layers", "8,5"), "iris");
        }
    }

    /** The layer grammar's dropout (a pass-through once saved) and batch norm (its running statistics) export too. */
    @Test
    void dropoutAndBatchNormAgreeInBothPrecisions() throws Exception {
        for (String dtype : List.of("float64", "float32")) {
            assertAgreesOn(train(dir, "iris", "--layers", "relu(8)|batchnorm|dropout(0.3)|gelu(5)|batchnorm", "--epochs", "6", "--dtype", dtype), "iris");
        }
    }

    @Test
    void float32ModelsAgreeTo1e5() throws Exception {
        for (String activation : List.of("relu", "tanh", "sigmoid", "silu")) {
            assertAgreesOn(train(dir, "iris", "--activation", activation, "--dtype", "float32"), "iris");
        }
        assertAgreesOn(train(dir, "digits", "--dtype", "float32", "--layers", "32,16"), "digits");
    }

    @Test
    void squaredErrorClassifiersEndInTheirOwnSoftmax() throws Exception {
        for (String dtype : List.of("float64", "float32")) {
            Model m = train(dir, "wine", "--loss", "mse", "--dtype", dtype);
            assertEquals(jgrad.model.LossKind.MSE, m.loss());
            assertAgreesOn(m, "wine");
        }
    }

    @Test
    void digitsAgreesInFloat64() throws Exception {
        assertAgreesOn(train(dir, "digits", "--activation", "silu", "--layers", "32"), "digits");
        assertAgreesOn(train(dir, "digits", "--layers", "none", "--scale", "minmax"), "digits");
        assertAgreesOn(train(dir, "iris", "--scale", "none"), "iris");
    }

    /** Numbers with an offset far from zero, one categorical column (one-hot in the input) and a target in its own unit. */
    public static Path regressionCsv(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("year,area,district,price\n");
        String[] districts = {"north", "south", "centre"};
        for (int i = 0; i < 240; i++) {
            double year = 1950 + (i * 7) % 70, area = 40 + (i * 13) % 110;
            csv.append(year).append(',').append(area).append(',').append(districts[i % 3]).append(',')
                    .append(50_000 + 900 * area + 300 * (year - 1950) + 20_000 * (i % 3) + Math.sin(i) * 5_000).append('\n');
        }
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void regressionPredictsTheUnscaledValue() throws Exception {
        String data = regressionCsv(dir).toString();
        for (String dtype : List.of("float64", "float32")) {
            Model m = train(dir, data, "--dtype", dtype, "--activation", "tanh", "--layers", "16,8", "--epochs", "30");
            assertTrue(m.schema().inputNames().contains("district=south"), m.schema().inputNames().toString());
            CsvTable table = Datasets.open(data);
            double[][] encoded = m.schema().encode(table);
            Mlp.Predictions p = Predictor.of(m).predict(encoded);
            assertTrue(java.util.Arrays.stream(p.values()).average().orElseThrow() > 50_000, "values in the target's unit");
            assertAgrees(m, encoded, p);
        }
    }

    @Test
    void theBatchAxisIsDynamicAndTheMetadataDescribesTheInputs() throws Exception {
        Model m = train(dir, "iris");
        try (Ort ort = new Ort(OnnxExport.toBytes(m))) {
            assertArrayEquals(new long[] {-1, 4}, ort.input().getShape());
            assertEquals("N", ort.input().getDimensionNames()[0]);
            Map<String, String> meta = ort.metadata();
            assertEquals("[\"sepal_length\",\"sepal_width\",\"petal_length\",\"petal_width\"]", meta.get("inputs"));
            assertEquals("[\"setosa\",\"versicolor\",\"virginica\"]", meta.get("classes"));
            assertEquals("species", meta.get("target"));
            assertEquals("float64", meta.get("dtype"));
            for (int n : new int[] {1, 7, 150}) {
                double[][] rows = java.util.Arrays.copyOf(m.schema().encode(Datasets.open("iris")), n);
                assertEquals(n, ((long[]) ort.run(rows, false).get("label")).length);
                assertAgrees(m, rows, Predictor.of(m).predict(rows));
            }
        }
    }
}
