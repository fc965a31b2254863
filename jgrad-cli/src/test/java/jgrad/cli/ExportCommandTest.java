package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import jgrad.cli.model.ModelFile;
import jgrad.cli.onnx.OnnxExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir Path dir;

    @Test
    void exportWritesTheFileTheApiWritesAndReplacesAnOldOneWhole() throws Exception {
        Path model = dir.resolve("iris.json"), onnx = dir.resolve("iris.onnx");
        TrainTest.trainJson("--data", "iris", "--epochs", "5", "--out", model.toString());
        Files.writeString(onnx, "an older file");
        CliRun r = CliRun.of("export", "--model", model.toString(), "--onnx", onnx.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("wrote " + onnx + " (4 inputs, 3 layers, float64)", r.err().strip());
        assertArrayEquals(OnnxExport.toBytes(ModelFile.read(model)), Files.readAllBytes(onnx));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() throws Exception {
        Path onnx = dir.resolve("out.onnx");
        CliRun missing = CliRun.of("export", "--model", dir.resolve("nope.json").toString(), "--onnx", onnx.toString());
        assertEquals(2, missing.exitCode());
        assertEquals("jgrad: error: " + dir.resolve("nope.json") + ": no such model file", missing.err().strip());

        Files.writeString(dir.resolve("bad.json"), "{\"format\": \"jgrad-model\", \"version\": 1");
        CliRun corrupt = CliRun.of("export", "--model", dir.resolve("bad.json").toString(), "--onnx", onnx.toString());
        assertEquals(2, corrupt.exitCode());
        assertTrue(corrupt.err().startsWith("jgrad: error: " + dir.resolve("bad.json") + ":1:"), corrupt.err());
        assertEquals(1, corrupt.err().strip().lines().count(), corrupt.err());
        assertFalse(Files.exists(onnx));

        Path model = dir.resolve("iris.json");
        TrainTest.trainJson("--data", "iris", "--epochs", "2", "--out", model.toString());
        Path nowhere = dir.resolve("missing/out.onnx");
        CliRun noDir = CliRun.of("export", "--model", model.toString(), "--onnx", nowhere.toString());
        assertEquals(2, noDir.exitCode());
        assertEquals("jgrad: error: --onnx: directory " + nowhere.getParent().toAbsolutePath() + " does not exist", noDir.err().strip());

        CliRun itself = CliRun.of("export", "--model", model.toString(), "--onnx", model.toString());
        assertEquals(2, itself.exitCode());
        assertEquals("jgrad: error: --onnx: " + model + " is the model file itself; name another file (model.onnx)", itself.err().strip());
        assertTrue(Files.readString(model).startsWith("{"), "the model file is untouched");

        CliRun noFlag = CliRun.of("export", "--model", model.toString());
        assertEquals(2, noFlag.exitCode());
        assertTrue(noFlag.err().contains("--onnx"), noFlag.err());
    }
}
