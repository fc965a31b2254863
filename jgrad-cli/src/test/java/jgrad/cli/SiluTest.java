package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SiLU was added as one definition and one registration line: it must then work everywhere an activation
 * is named — training, the model file, predict and explain — with no other change.
 */
class SiluTest {
    @TempDir Path dir;

    @Test
    void siluTrainsSavesPredictsAndExplains() throws Exception {
        Path model = dir.resolve("silu.json");
        JsonNode r = TrainTest.trainJson("--data", "iris", "--activation", "silu", "--layers", "4", "--out", model.toString());
        assertTrue(r.at("/test/accuracy").asDouble() >= 0.9, r.toString());
        assertTrue(Files.readString(model).contains("\"silu\""), "the model file names the activation");

        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n");
        CliRun p = CliRun.of("predict", "--model", model.toString(), "--data", rows.toString());
        assertEquals(0, p.exitCode(), p.toString());
        assertTrue(p.out().contains("setosa") && p.out().contains("virginica"), p.out());

        CliRun e = CliRun.of("explain", "--model", model.toString(), "--input", "5.1,3.5,1.4,0.2", "--target", "setosa");
        assertEquals(0, e.exitCode(), e.toString());
        assertTrue(e.out().contains("a1[1] = silu(z1[1]) = z1[1]·σ(z1[1]) = "), e.out());
        assertTrue(e.out().contains("da1[1]/dz1[1] = σ(z1[1])(1 + z1[1](1 − σ(z1[1]))) = "), e.out());
    }

    @Test
    void swishIsAnAliasAndUnknownNamesListTheChoices() throws Exception {
        Path model = dir.resolve("swish.json");
        TrainTest.trainJson("--data", "iris", "--activation", "swish", "--epochs", "2", "--out", model.toString());
        assertEquals("silu", TrainTest.JSON.readTree(model.toFile()).at("/training/activation").asText());
        CliRun bad = CliRun.of("train", "--data", "iris", "--activation", "rleu");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("invalid value for --activation: 'rleu' (expected relu|tanh|sigmoid|silu|elu|gelu|gelu_tanh|softplus)"), bad.err());
        CliRun help = CliRun.of("train", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("relu, tanh, sigmoid, silu, elu, gelu, gelu_tanh, softplus for the hidden layers"), help.out());
    }
}
