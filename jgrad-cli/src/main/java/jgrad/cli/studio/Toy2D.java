package jgrad.cli.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jgrad.cli.data.CsvTable;
import jgrad.tensor.Rng;

/**
 * The 2-D data sets of the tutorials and of TensorFlow Playground, generated as CSV tables (columns
 * x1, x2, class) so that they go through exactly the parsing, encoding and scaling of any CSV file.
 * A fixed seed: the same set every time, whatever the run's seed (that one picks the split and weights).
 */
final class Toy2D {
    private Toy2D() {}

    static final List<String> NAMES = List.of("xor", "circles", "spiral", "clusters");
    private static final int ROWS = 200;
    private static final long SEED = 2026;

    static CsvTable table(String name) {
        Rng rng = new Rng(SEED);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            double[] p = switch (name) {
                case "xor" -> xor(rng);
                case "circles" -> circles(rng, i % 2);
                case "spiral" -> spiral(rng, i % 2, i / 2);
                case "clusters" -> clusters(rng, i % 3);
                default -> throw new IllegalArgumentException("no such 2-D data set: " + name);
            };
            rows.add(new String[] {format(p[0]), format(p[1]), Integer.toString((int) p[2])});
        }
        return CsvTable.ofRows(name, List.of("x1", "x2", "class"), rows);
    }

    /** Class 1 where the signs of x1 and x2 differ; kept a little away from the axes, as Playground does. */
    private static double[] xor(Rng rng) {
        double x = rng.uniform(-5, 5), y = rng.uniform(-5, 5);
        x += x > 0 ? 0.3 : -0.3;
        y += y > 0 ? 0.3 : -0.3;
        return new double[] {x, y, x * y < 0 ? 1 : 0};
    }

    private static double[] circles(Rng rng, int label) {
        double r = label == 0 ? rng.uniform(0, 2) : rng.uniform(3.5, 5), t = rng.uniform(0, 2 * Math.PI);
        return new double[] {r * Math.cos(t) + 0.2 * rng.nextGaussian(), r * Math.sin(t) + 0.2 * rng.nextGaussian(), label};
    }

    private static double[] spiral(Rng rng, int label, int k) {
        double r = 5.0 * k / (ROWS / 2.0), t = 1.75 * k / (ROWS / 2.0) * 2 * Math.PI + label * Math.PI;
        return new double[] {r * Math.sin(t) + 0.15 * rng.nextGaussian(), r * Math.cos(t) + 0.15 * rng.nextGaussian(), label};
    }

    private static double[] clusters(Rng rng, int label) {
        double[][] centres = {{-2.5, -2}, {2.5, -2}, {0, 2.5}};
        return new double[] {centres[label][0] + 1.1 * rng.nextGaussian(), centres[label][1] + 1.1 * rng.nextGaussian(), label};
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
