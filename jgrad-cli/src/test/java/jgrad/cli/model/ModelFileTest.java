package jgrad.cli.model;

import jgrad.model.LossKind;
import jgrad.function.Activations;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jgrad.cli.UserException;
import jgrad.cli.data.Feature;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.data.Scaler;
import jgrad.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir Path dir;

    private static Model model() {
        Random r = new Random(3);
        double[][] w1 = new double[3][2], w2 = new double[2][2];
        for (double[] row : w1) for (int j = 0; j < 2; j++) row[j] = r.nextGaussian() / 3; // not short decimals: tests exact round trip
        for (double[] row : w2) for (int j = 0; j < 2; j++) row[j] = r.nextGaussian() * 1e-7;
        Schema schema = new Schema(List.of(new Feature.Numeric("size"), new Feature.Categorical("colour", List.of("red", "blue"))),
                new Target.Classes("label", List.of("no", "yes")));
        return new Model(schema, new Scaler(Scaler.Method.STANDARD, new double[] {Math.PI, 0, 0}, new double[] {Math.E, 1, 1}),
                List.of(new SavedLayer.Dense(w1, new double[] {0.1, -Double.MIN_VALUE}), new SavedLayer.Activation(Activations.TANH),
                        new SavedLayer.Dense(w2, new double[] {1 / 3.0, 2 / 3.0})),
                LossKind.CROSS_ENTROPY, DType.FLOAT64, Map.of("seed", 0));
    }

    @Test
    void roundTripIsExact() {
        Path file = dir.resolve("m.json");
        Model m = model();
        ModelFile.write(m, file);
        Model back = ModelFile.read(file);
        assertEquals(m.schema(), back.schema());
        assertArrayEquals(m.scaler().offset(), back.scaler().offset());
        assertArrayEquals(m.scaler().scale(), back.scaler().scale());
        for (int k = 0; k < m.layers().size(); k++) {
            if (m.layers().get(k) instanceof SavedLayer.Dense d) {
                SavedLayer.Dense e = (SavedLayer.Dense) back.layers().get(k);
                for (int i = 0; i < d.in(); i++) assertArrayEquals(d.weight()[i], e.weight()[i], 0.0, "bit for bit");
                assertArrayEquals(d.bias(), e.bias(), 0.0);
            } else {
                assertEquals(m.layers().get(k), back.layers().get(k));
            }
        }
        assertEquals(LossKind.CROSS_ENTROPY, back.loss());
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("m.json");
        ModelFile.write(model(), file);
        ModelFile.write(model(), file); // replaces the old file in one step
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        String json = Files.readString(file);
        assertTrue(json.contains("\"format\" : \"jgrad-model\"") && json.contains("\"version\" : 2"), json);
    }

    /** The file with its checksum made to fit its (edited) content, so that the checks behind the checksum are reached. */
    static String signed(String json) throws Exception {
        ModelFile.Doc doc = ModelFile.JSON.readValue(json, ModelFile.Doc.class);
        return ModelFile.JSON.writeValueAsString(doc.withChecksum(ModelFile.checksum(doc)));
    }

    private String readFails(String json) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        return assertThrows(UserException.class, () -> ModelFile.read(file)).getMessage();
    }

    @Test
    void badFilesGiveOneClearLine() throws Exception {
        Path good = dir.resolve("m.json");
        ModelFile.write(model(), good);
        String json = Files.readString(good);
        assertTrue(readFails("").contains("empty model file"));
        assertTrue(readFails(json.substring(0, json.length() / 2)).contains("corrupt model file (the file ends too early: truncated?)"));
        assertTrue(readFails("[1, 2]").contains("corrupt model file"));
        assertTrue(readFails(json.replaceFirst("\"layers\" : \\[", "\"layers\" : \"oops\", \"x\" : [")).contains("field 'layers' has the wrong type"));
        assertTrue(readFails(json.replaceFirst("\\{", "{ \"colour\" : 1,")).contains("corrupt model file (unknown field 'colour')"));
        assertTrue(readFails("{ oops").contains("corrupt model file (not valid JSON)"));
        assertTrue(readFails(json.replace("\"jgrad-model\"", "\"keras\"")).contains("not a jgrad model file (format is 'keras'"));
        assertTrue(readFails(json.replace("\"version\" : 2", "\"version\" : 3")).contains("version 3 is not supported"));
        assertTrue(readFails(signed(json.replace("\"in\" : 3", "\"in\" : 4"))).contains("layer 1 (linear) takes 4 inputs but receives 3"));
        assertTrue(readFails(signed(json.replace("[\"no\",\"yes\"]", "[\"no\",\"yes\",\"maybe\"]")))
                .contains("the network has 2 outputs but the target needs 3"));
        assertTrue(readFails(signed(json.replace("\"tanh\"", "\"swish\""))).contains("unknown type 'swish'"));
        String e = assertThrows(UserException.class, () -> ModelFile.read(dir.resolve("none.json"))).getMessage();
        assertTrue(e.contains("none.json: no such model file"), e);
    }
}
