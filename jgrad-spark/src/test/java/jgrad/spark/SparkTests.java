package jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import jgrad.cli.Main;
import jgrad.cli.model.SavedLayer;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.spark.cli.SparkMain;
import org.apache.spark.sql.SparkSession;

/** One local Spark for all test classes (starting one costs seconds), and running both commands. */
final class SparkTests {
    private SparkTests() {}

    /** local[2, 4]: two cores, and a failed task is tried up to 4 times (local mode's default is once). */
    static synchronized SparkSession session() {
        if (SparkSession.getDefaultSession().isDefined()) return SparkSession.getDefaultSession().get();
        SparkSession s = SparkSession.builder().master("local[2,4]").appName("jgrad-spark tests")
                .config("spark.ui.enabled", false).config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", 2).config("spark.ui.showConsoleProgress", false).getOrCreate();
        s.sparkContext().setLogLevel("ERROR");
        return s;
    }

    static synchronized void stop() {
        if (SparkSession.getDefaultSession().isDefined()) SparkSession.getDefaultSession().get().stop();
        SparkSession.clearDefaultSession();
        SparkSession.clearActiveSession();
    }

    record Output(int code, String out, String err) {}

    /** {@code jgrad spark ARGS} in this JVM, on the shared session. */
    static Output spark(String... args) {
        if (!java.util.Arrays.asList(args).contains("--master")) session();
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = SparkMain.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Output(code, out.toString(), err.toString());
    }

    /** {@code jgrad ARGS} (single-machine jgrad). */
    static Output jgrad(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Output(code, out.toString(), err.toString());
    }

    /** Every weight and bias of a model file, layer after layer. */
    static double[] weights(Path file) {
        return weights(ModelFile.read(file));
    }

    static double[] weights(Model m) {
        List<Double> w = new java.util.ArrayList<>();
        for (SavedLayer l : m.layers()) {
            if (l instanceof SavedLayer.Dense d) {
                for (double[] row : d.weight()) for (double v : row) w.add(v);
                for (double v : d.bias()) w.add(v);
            }
        }
        return w.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Element by element within {@code tolerance}, with the worst difference in the message. */
    static void assertClose(double[] expected, double[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, "parameter count");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        if (worst > tolerance) throw new AssertionError("largest difference " + worst + " > " + tolerance);
    }
}
