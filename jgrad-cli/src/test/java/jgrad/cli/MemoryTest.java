package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Too little memory is one line that says how much is needed or was available, never an OutOfMemoryError trace. */
class MemoryTest {
    @TempDir Path dir;

    private String[] jgrad(String heap, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("err").toFile()).start();
        int code = p.waitFor();
        return new String[] {String.valueOf(code), Files.readString(dir.resolve("err"))};
    }

    private Path csv(String name, int rows, java.util.function.IntFunction<String> row, String header) throws IOException {
        StringBuilder s = new StringBuilder(header).append('\n');
        for (int i = 0; i < rows; i++) s.append(row.apply(i)).append('\n');
        return Files.writeString(dir.resolve(name), s);
    }

    @Test
    void aFileTooLargeForTheHeapFailsBeforeLoadingWithTheFigure() throws Exception {
        Path f = csv("big.csv", 300_000, i -> i % 10 + ",0.5,1.25,2,3,4,5,6,7," + (i % 2), "a,b,c,d,e,f,g,h,i,y");
        String[] r = jgrad("-Xmx32m", "train", "--data", f.toString());
        assertEquals("2", r[0], r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
        assertTrue(r[1].matches("jgrad: error: .*big\\.csv: about 3\\d\\d,\\d{3} rows x 10 columns need about \\d+ MB of memory, but this JVM may use \\d+ MB;"
                + " give it more with JGRAD_JAVA_OPTS=-Xmx1g\\n"), r[1]);
    }

    @Test
    void runningOutOfMemoryIsOneLineNamingWhatWasBeingDone() throws Exception {
        Path f = csv("wide.csv", 6000, i -> "c" + i / 2 + "," + i % 7 + "," + i % 2, "city,n,y");
        String[] r = jgrad("-Xmx40m", "train", "--data", f.toString(), "--max-categories", "100000");
        assertEquals("2", r[0], r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
        assertTrue(r[1].startsWith("jgrad: error: out of memory while encoding " + f + " for training (6,000 rows -> 3,001 inputs) (this JVM may use"), r[1]);
        assertTrue(r[1].contains("give it more with JGRAD_JAVA_OPTS=-Xmx1g"), r[1]);
    }
}
