package jgrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jgrad.model.Mlp;
import jgrad.model.Rows;
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
    void tableOfNumbersWithTheMlpFacade() {
        double[][] x = new double[200][];
        int[] labels = new int[200];
        for (int i = 0; i < 200; i++) {
            x[i] = new double[] {Math.cos(i), Math.sin(i)};
            labels[i] = Math.cos(i) * Math.sin(i) > 0 ? 1 : 0;
        }
        // README:MLP-BEGIN
        var settings = Mlp.Settings.defaults().withHidden(16).withEpochs(100);
        var fit = Mlp.fit(Rows.classes(x, labels, 2), null, settings, false, epoch -> {});
        var predictions = Mlp.predict(fit.network(), settings.loss(), true, Tensor.of(x));
        System.out.println(Arrays.toString(predictions.classes())); // class indices, and .probabilities()
        // README:MLP-END
        int correct = 0;
        for (int i = 0; i < 200; i++) correct += predictions.classes()[i] == labels[i] ? 1 : 0;
        assertTrue(correct >= 190, correct + " of 200");
    }

    static String snippet(String source, String begin, String end) {
        String body = source.substring(source.indexOf(begin + "\n") + begin.length() + 1, source.indexOf("        " + end));
        return body.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void readmeShowsExactlyThisCode() throws Exception {
        Path test = Path.of("src/test/java/jgrad/ReadmeExampleTest.java");
        String source = Files.readString(test);
        String unindented = snippet(source, "// README:BEGIN", "// README:END");
        String imports = source.substring(source.indexOf("// README:IMPORTS\n") + 18, source.indexOf("// README:IMPORTS-END"));
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains(imports + "\n" + unindented), "README.md must contain the example of ReadmeExampleTest verbatim:\n" + imports + "\n" + unindented);
        String mlp = snippet(source, "// README:MLP-BEGIN", "// README:MLP-END");
        assertTrue(readme.contains(mlp), "README.md must contain the Mlp example verbatim:\n" + mlp);
    }
}
