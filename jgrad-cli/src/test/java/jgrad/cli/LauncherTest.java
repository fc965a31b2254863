package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./jgrad} launcher, run on a copy of itself next to a jar of this build: standard error reaches
 * the terminal as jgrad writes it (no filter process), without the JVM's incubator notice, and what the JVM
 * itself says before jgrad starts is still shown.
 */
class LauncherTest {
    @TempDir Path dir;
    private Path launcher;

    /** The launcher beside a jar whose manifest points at this build's classes and dependencies. */
    @BeforeEach
    void layout() throws IOException {
        launcher = dir.resolve("jgrad");
        Files.copy(Path.of("..", "jgrad"), launcher);
        Path jar = dir.resolve("jgrad-cli/target/jgrad.jar");
        Files.createDirectories(jar.getParent());
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry).toAbsolutePath();
            String relative = jar.getParent().relativize(p).toString().replace(File.separatorChar, '/');
            classPath.add(Files.isDirectory(p) ? relative + "/" : relative);
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (OutputStream out = Files.newOutputStream(jar); var j = new JarOutputStream(out, m)) {
            j.flush();
        }
    }

    private record Run(int code, String out, String err) {}

    private Run run(String options, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        args.addFirst(launcher.toString());
        args.addFirst("bash");
        ProcessBuilder b = new ProcessBuilder(args).directory(dir.toFile());
        b.environment().put("JGRAD_JAVA_HOME", System.getProperty("java.home"));
        b.environment().put("JGRAD_JAVA_OPTS", options);
        b.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        int code = b.start().waitFor();
        return new Run(code, Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void errorsArriveExactlyAsWrittenWithoutTheIncubatorNotice() throws Exception {
        Files.writeString(dir.resolve("données.csv"), "a,b,y\n1,2,x\n3,ünïcødé,y\n4,5,x\n6,7,y\n");
        Run r = run("", "train", "--data", "données.csv");
        assertEquals(2, r.code(), r.toString());
        CliRun inProcess = CliRun.of("train", "--data", dir.resolve("données.csv").toString());
        assertEquals(inProcess.err().replace(dir.resolve("données.csv").toString(), "données.csv"), r.err(), "byte for byte what jgrad wrote");
        assertFalse(r.err().contains("WARNING"), r.err());
        Run version = run("", "--version");
        assertEquals(0, version.code());
        assertEquals("", version.err());
    }

    @Test
    void theJvmsOwnStartupErrorsAreStillShown() throws Exception {
        Run r = run("-Xmx1q", "--version");
        assertTrue(r.code() != 0 && r.err().contains("Invalid maximum heap size: -Xmx1q"), r.toString());
    }

    /**
     * On a terminal (a pseudo-terminal from util-linux's script) the progress bar shows while training runs, not
     * when it ends: behind a line filter its frames (ended by \r, not \n) would wait for the last one.
     */
    @Test
    void theProgressBarIsDrawnLiveOnATerminal() throws Exception {
        String tty = whileRunning("train --data iris --epochs 10000000 --patience 0", "/10000000 epochs");
        assertFalse(tty.contains("WARNING: Using incubator"), tty);
    }

    /** A file of 40 MB loads with a bar of megabytes, also on the terminal only. */
    @Test
    void aLargeFileLoadsWithAProgressBar() throws Exception {
        StringBuilder row = new StringBuilder();
        for (int j = 0; j < 99; j++) row.append(j % 10).append(".25,");
        row.append("1\n");
        try (var w = Files.newBufferedWriter(dir.resolve("big.csv"))) {
            for (int j = 0; j < 100; j++) w.write("c" + j + (j < 99 ? "," : "\n"));
            for (int i = 0; i < 40 * (1 << 20) / row.length(); i++) w.write(row.toString());
        }
        String tty = whileRunning("train --data big.csv --epochs 1", "load big.csv");
        assertTrue(tty.contains(" MB"), tty);
    }

    /**
     * Runs the launcher on a pseudo-terminal until {@code shown} appears, then stops it; the process must still be
     * running then, so what was shown came while it ran, not at its end.
     */
    private String whileRunning(String arguments, String shown) throws Exception {
        String command = "JGRAD_JAVA_HOME='" + System.getProperty("java.home") + "' bash '" + launcher + "' " + arguments;
        Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").directory(dir.toFile()).redirectErrorStream(true).start();
        StringBuffer tty = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var in = p.getInputStream()) {
                byte[] b = new byte[4096];
                for (int n; (n = in.read(b)) > 0; ) tty.append(new String(b, 0, n, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the process was stopped
            }
        });
        reader.start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L; // far longer than the first frame takes, far shorter than the run
            while (!tty.toString().contains(shown) && System.nanoTime() < deadline && p.isAlive()) Thread.sleep(50);
            assertTrue(tty.toString().contains(shown), "'" + shown + "' while running: " + tty);
            assertTrue(p.isAlive(), "still running");
            return tty.toString();
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            reader.join(10_000);
        }
    }
}
