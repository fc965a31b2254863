package jgrad.cli.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import jgrad.cli.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Charts rendered to PNG bytes in memory, then written atomically like the model file: a
 * command renders everything first, so a failure leaves no half-set of pictures behind.
 */
public final class Png {
    private Png() {}

    static {
        System.setProperty("java.awt.headless", "true"); // no display needed, also on servers and in CI
    }

    /** A rendered picture and the file it goes to. */
    public record Image(Path file, byte[] bytes) {
        public void write() {
            AtomicFile.write(file, out -> out.write(bytes));
        }
    }

    public static Image render(Path file, Chart<?, ?> chart) {
        try {
            return new Image(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Several charts side by side in one picture. */
    public static Image render(Path file, List<? extends Chart<?, ?>> charts) {
        var bytes = new java.io.ByteArrayOutputStream();
        try {
            BitmapEncoder.saveBitmap(charts, 1, charts.size(), bytes, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Image(file, bytes.toByteArray());
    }
}
