package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
    @TempDir Path dir;

    @Test
    void builtInNetworkIsSeed000() {
        CliRun r = CliRun.of("explain");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("z1 = w1·x + b1 = 0.3·0.5 + 0.1 = 0.25"), r.out());
        assertTrue(r.out().contains("dL/dŷ = ŷ − y = 0.57748 − 1 = -0.42252"), r.out());
    }

    @Test
    void savedModelIsExplainedOnItsScaledInput() throws Exception {
        Path small = dir.resolve("small.json");
        TrainTest.trainJson("--data", "iris", "--layers", "2", "--epochs", "5", "--out", small.toString());
        CliRun r = CliRun.of("explain", "--model", small.toString(), "--input", "5.1,3.5,1.4,0.2", "--target", "setosa");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("after standard scaling, y = setosa") && r.out().contains("dL/dw1[4,2] = "), r.out());
        CliRun bad = CliRun.of("explain", "--model", small.toString(), "--input", "5.1,3.5", "--target", "setosa");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--input: 2 values, but the model reads 4 columns"), bad.err());
        CliRun big = CliRun.of("explain", "--model", bigModel().toString(), "--input", "1", "--target", "1");
        assertTrue(big.err().contains("too many to explain"), big.err());
    }

    private Path bigModel() throws Exception {
        Path big = dir.resolve("big.json");
        TrainTest.trainJson("--data", "wine", "--epochs", "1", "--out", big.toString());
        return big;
    }
}
