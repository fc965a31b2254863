package jgrad.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jgrad.optimize.GradientDescent;
import jgrad.optimize.Minimum;
import jgrad.optimize.Objective;
import jgrad.symbolic.CompiledGradient;
import jgrad.symbolic.Expr;
import org.junit.jupiter.api.Test;

/**
 * The Java example of the README's symbolic section is this test's code (between the markers):
 * it must appear in the README verbatim, and each line it prints must equal its trailing comment.
 */
class SymbolicReadmeTest {
    @Test
    void example() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            // README:begin
            Expr f = Expr.parse("x**2 + 3*y**2");
            System.out.println(f.diff("x"));                          // 2*x
            System.out.println(f.gradient());                         // [2*x, 6*y]
            System.out.println(f.eval(Map.of("x", 1.0, "y", 2.0)));   // 13.0
            System.out.println(Expr.parse("(x + 3)**3").diff("x"));   // 3*(x + 3)**2

            CompiledGradient g = f.compileGradient("x", "y");         // flat program, no tree walk
            System.out.println(Arrays.toString(g.at(1.0, 2.0)));      // [2.0, 12.0]

            Minimum m = GradientDescent.withLearningRate(0.2).maxIterations(20).gradientTolerance(0.01)
                    .minimize(Objective.of(f, List.of("x", "y")), 4.0, -4.0);
            System.out.println(m.stoppedBy() + " " + m.iterations()); // GRADIENT 15
            System.out.println(m.point()[0]);                         // 0.001880739938303999
            // README:end
        } finally {
            System.setOut(saved);
        }
        List<String> expected = snippet().stream().filter(l -> l.contains("println")).map(l -> l.substring(l.lastIndexOf("// ") + 3)).toList();
        assertEquals(expected, buffer.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void readmeShowsThisExample() throws IOException {
        String readme = Files.readString(find("README.md"));
        String section = readme.substring(readme.indexOf("<!-- section: symbolic -->"));
        section = section.substring(0, section.indexOf("<!-- section:", 10));
        assertTrue(section.contains(String.join("\n", snippet())), "README's symbolic section must contain the example of " + getClass().getSimpleName());
    }

    /** The lines between the markers of this file, without their indentation. */
    private static List<String> snippet() {
        try {
            List<String> lines = Files.readAllLines(find("jgrad-core/src/test/java/jgrad/readme/SymbolicReadmeTest.java"));
            List<String> out = new ArrayList<>();
            boolean in = false;
            for (String l : lines) {
                if (l.strip().equals("// README:end")) {
                    break;
                }
                if (in) {
                    out.add(l.length() >= 12 ? l.substring(12) : l.strip());
                }
                in |= l.strip().equals("// README:begin");
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A file of the repository: found from the first parent folder that holds the jgrad-core module. */
    private static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("jgrad-core"))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }
}
