package jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The float64 kernels are generated from the float32 ones: the committed twins must be what the script writes. */
class GeneratedKernelsTest {
    @Test
    void float64TwinsAreUpToDate(@TempDir Path out) throws Exception {
        Process p = new ProcessBuilder("bash", "gen-float64.sh", out.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "gen-float64.sh failed");
        for (String name : new String[] {"GemmD", "SimdD", "Simd12D", "SmallD", "FusedD", "FusedSimdD", "UpdateD", "UpdateSimdD", "WarmupD"}) {
            Path committed = Path.of("src/main/java/jgrad/kernel/" + name + ".java");
            assertEquals(Files.readString(out.resolve(name + ".java")), Files.readString(committed),
                    name + ".java is stale: edit the float32 source and run jgrad-core/gen-float64.sh");
        }
    }
}
