package jgrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
// README:IMPORTS
import jgrad.nn.*;
import jgrad.optim.SGD;
import jgrad.tensor.*;
// README:IMPORTS-END

/**
 * The README's Java example, verbatim between the markers, with the README's wildcard imports (so a name
 * that clashes with java.lang, as {@code Module} did, fails to compile here): if it stops working, this fails.
 */
class ReadmeExampleTest {
    @Test
    void xorWithSequential() {
        // README:BEGIN
        Rng.manualSeed(1);
        var x = Tensor.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        var y = Tensor.of(new double[][] {{0}, {1}, {1}, {0}});
        Layer model = new Sequential(new Linear(2, 3), new Sigmoid(), new Linear(3, 1), new Sigmoid());
        var loss = new MSELoss();
        var optimizer = new SGD(model.parameters(), 1.0).momentum(0.9);
        for (int epoch = 1; epoch <= 2000; epoch++) {
            optimizer.zeroGrad();
            Tensor cost = loss.apply(model.forward(x), y);
            cost.backward();
            optimizer.step();
            if (epoch % 500 == 0) System.out.printf("epoch %d: loss %.5f%n", epoch, cost.item());
        }
        System.out.println(model.predict(x)); // ≈ [0, 1, 1, 0]
        // README:END
        double[] p = model.predict(x).toDoubleArray();
        assertArrayEquals(new double[] {0, 1, 1, 0}, new double[] {Math.rint(p[0]), Math.rint(p[1]), Math.rint(p[2]), Math.rint(p[3])});
    }

    @Test
    void readmeShowsExactlyThisCode() throws Exception {
        Path test = Path.of("src/test/java/jgrad/ReadmeExampleTest.java");
        String source = Files.readString(test);
        String body = source.substring(source.indexOf("// README:BEGIN\n") + 16, source.indexOf("        // README:END"));
        String unindented = body.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).reduce("", (a, b) -> a + b + "\n");
        String imports = source.substring(source.indexOf("// README:IMPORTS\n") + 18, source.indexOf("// README:IMPORTS-END"));
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains(imports + "\n" + unindented), "README.md must contain the example of ReadmeExampleTest verbatim:\n" + imports + "\n" + unindented);
    }
}
