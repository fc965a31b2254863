package jgrad.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old content or the complete new one: the bytes
 * go to a temporary file in the same directory (same file system), which is then renamed over
 * the target in one step. A run killed mid-write (kill -9) leaves a half-written temporary file, never a
 * half-written model or picture; that file's name carries the writer's process id
 * ({@code .model.json.jgrad-4711.tmp}), so the next save to the same target removes it once that process is gone.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** What writes the content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static final String MARK = ".jgrad-";

    public static void write(Path target, Writer writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            removeLeftovers(dir, target.getFileName().toString());
            // not createTempFile: that makes the file owner-only (0600); a model or chart should get the usual permissions
            tmp = dir.resolve("." + target.getFileName() + MARK + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()) + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserException(target + ": cannot write (" + e.getMessage() + ")", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the target is already complete or untouched
                }
            }
        }
    }

    /** Temporary files of earlier saves to {@code name} whose process has ended: killed before it could clean up. */
    static void removeLeftovers(Path dir, String name) throws IOException {
        String prefix = "." + name + MARK;
        try (var files = Files.newDirectoryStream(dir, f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".tmp"))) {
            for (Path f : files) {
                String rest = f.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue; // not ours
                }
                boolean running = pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!running) Files.deleteIfExists(f);
            }
        }
    }

    /** Fails early, before any work, when {@code target} could not be written (missing directory, say). */
    public static void checkWritable(Path target, String flag) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new UserException(flag + ": directory " + dir + " does not exist");
        if (!Files.isWritable(dir)) throw new UserException(flag + ": directory " + dir + " is not writable");
        if (Files.isDirectory(target)) throw new UserException(flag + ": " + target + " is a directory");
    }

    /**
     * Fails early when the directory {@code dir} could not be used for output. It may be missing, since it is
     * created by {@link #createDirectory}, but the directory above it must exist, as for a file: a typo in a path
     * is an error, not a new tree of folders.
     */
    public static void checkWritableDirectory(Path dir, String flag) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new UserException(flag + ": " + dir + " exists and is not a directory");
        if (Files.isDirectory(dir)) {
            if (!Files.isWritable(dir)) throw new UserException(flag + ": directory " + dir + " is not writable");
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) throw new UserException(flag + ": directory " + parent + " does not exist");
        if (!Files.isWritable(parent)) throw new UserException(flag + ": directory " + parent + " is not writable");
    }

    /** Creates {@code dir} (not its parents) unless it exists; see {@link #checkWritableDirectory}. */
    public static void createDirectory(Path dir, String flag) {
        if (Files.isDirectory(dir)) return;
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new UserException(flag + ": cannot create directory " + dir + " (" + e.getMessage() + ")", e);
        }
    }

}
