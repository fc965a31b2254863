package jgrad.cli.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import jgrad.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgrad studio}'s mistakes stop before it serves anything: one line, exit code 2. */
class StudioCommandTest {

    private static String error(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(out), new PrintWriter(err), args), err.toString());
        assertEquals("", out.toString());
        return err.toString().strip();
    }

    @Test
    void badFlagsAreOneLine(@TempDir Path dir) throws Exception {
        assertEquals("jgrad: error: invalid value for --port: '70000' (expected a port from 0 to 65535)", error("studio", "--port", "70000"));
        assertEquals("jgrad: error: invalid value for --max-upload: '0' (expected megabytes from 1 to 1024)", error("studio", "--max-upload", "0"));
        assertEquals("jgrad: error: nosuch.csv: no such file (bundled data sets: iris, wine, digits)", error("studio", "--data", "nosuch.csv", "--port", "0"));
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b,y\n1,2,0\nx,3,1\n4,5,0\n5,6,1\n");
        assertEquals("jgrad: error: " + bad + ":3: column 'a' (1): 'x' is not a number (the column's other values are; fix the value, or pass --categorical a)",
                error("studio", "--data", bad.toString(), "--port", "0"));
    }

    @Test
    void aPortInUseSaysSo() throws Exception {
        try (var taken = new StudioServer(StudioServer.Options.defaults("127.0.0.1", 0))) {
            assertEquals("jgrad: error: --port: cannot listen on 127.0.0.1:" + taken.port() + " (Address already in use); choose another port, or --port 0 for any free one",
                    error("studio", "--port", Integer.toString(taken.port()), "--no-open"));
        }
    }
}
