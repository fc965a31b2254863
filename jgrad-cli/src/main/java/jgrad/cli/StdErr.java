package jgrad.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

/**
 * Takes over the standard error that the {@code ./jgrad} launcher hands over on another descriptor
 * ({@code -Djgrad.stderr.fd=3}). The launcher starts the JVM with descriptor 2 in a file, so that the
 * JVM's own start-up notice about the incubating Vector API stays out of sight without a filter process
 * between jgrad and the terminal: the progress bar is drawn live and every byte arrives as written.
 */
final class StdErr {
    private StdErr() {}

    static void adopt() {
        String fd = System.getProperty("jgrad.stderr.fd");
        if (fd == null) return;
        try {
            FileDescriptor descriptor = new FileDescriptor();
            // no public constructor takes a number; the launcher opens java.io to this code for it
            var field = FileDescriptor.class.getDeclaredField("fd");
            field.setAccessible(true);
            field.setInt(descriptor, Integer.parseInt(fd));
            System.setErr(new PrintStream(new FileOutputStream(descriptor), true, System.err.charset()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // keep the JVM's standard error: the launcher shows it after the run
        }
    }
}
