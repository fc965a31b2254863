package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line has no derivative, activation or loss formula of its own: those are the engine's (jgrad-core's
 * jgrad.function and jgrad.nn). The one exception is the ONNX exporter, which holds the ONNX operators' formulas
 * to check each activation's definition against what it writes (what ONNX computes, not jgrad's maths).
 */
class NoMathOfItsOwnTest {
    static final Pattern MATH = Pattern.compile("Math\\.(exp|expm1|tanh|log|log1p)\\(");

    @Test
    void noExpTanhOrLogOutsideTheOnnxChecks() throws Exception {
        List<String> found = new ArrayList<>();
        Path main = Path.of("src/main/java/jgrad/cli");
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.startsWith(main.resolve("onnx"))).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) if (MATH.matcher(lines.get(i)).find()) found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        assertEquals(List.of(), found);
    }
}
