package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimizeCommandTest {
    private static final String[] SEED_000 = {"minimize", "x**2 + 3*y**2", "--start", "x=4,y=-4", "--lr", "0.2",
        "--iterations", "20", "--tolerance", "0.01"};

    @Test
    void printsTheSeedsLines() {
        CliRun r = CliRun.of(SEED_000);
        assertEquals(0, r.exitCode(), r.err());
        // seed 000's printed output
        assertTrue(r.out().contains("Iteration 1: x =  2.4000, y =  0.8000, f(x, y) =  7.6800\n"
                + "Iteration 2: x =  1.4400, y = -0.1600, f(x, y) =  2.1504\n"), r.out());
        assertTrue(r.out().contains("Iteration 15: x =  0.0019, y =  0.0000, f(x, y) =  0.0000\n\n"), r.out());
        assertFalse(r.out().contains("Iteration 16"));
        assertTrue(r.out().contains("Stopped (gradient)"), r.out());
    }

    @Test
    void jsonHasPointValueIterationsStopAndPath() throws IOException {
        String[] args = Arrays.copyOf(SEED_000, SEED_000.length + 1);
        args[SEED_000.length] = "--json";
        CliRun r = CliRun.of(args);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(0.001880739938303999, j.get("point").get("x").asDouble(), 1e-12); // reference final x
        assertEquals(1.3107200000000066e-10, j.get("point").get("y").asDouble(), 1e-12);
        assertEquals(3.5371827155317815e-06, j.get("value").asDouble(), 1e-12);
        assertEquals(15, j.get("iterations").asInt());
        assertEquals("gradient", j.get("stopped_by").asText());
        assertEquals(16, j.get("path").size());
        assertEquals(4.0, j.get("path").get(0).get("point").get("x").asDouble());
        assertEquals(-24.0, j.get("path").get(1).get("gradient").get("y").asDouble());
    }

    @Test
    void precisionStopsOnTheStepLikeSeed002() {
        CliRun r = CliRun.of("minimize", "x^4 - 3x^3 + 2", "--start", "x=4", "--lr", "0.01", "--precision", "1e-5", "--json");
        JsonNode j = readJson(r);
        assertEquals("precision", j.get("stopped_by").asText());
        assertEquals(42, j.get("iterations").asInt());
        assertEquals(2.2500325268933734, j.get("point").get("x").asDouble(), 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"--momentum,0.5", "--adam,"})
    void momentumAndAdamConverge(String flag, String value) {
        String[] args = value == null
                ? new String[] {"minimize", "x**2 + 3*y**2", "--start", "x=4,y=-4", "--lr", "0.1", "--tolerance", "1e-6", "--json", flag}
                : new String[] {"minimize", "x**2 + 3*y**2", "--start", "x=4,y=-4", "--lr", "0.05", "--tolerance", "1e-6", "--json", flag, value};
        JsonNode j = readJson(CliRun.of(args));
        assertEquals("gradient", j.get("stopped_by").asText());
        assertEquals(0, j.get("point").get("x").asDouble(), 1e-5);
    }

    @Test
    void divergenceSaysWhereAndWhatToTry() {
        CliRun r = CliRun.of("minimize", "x**4", "--start", "x=4", "--lr", "1.5");
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("diverged at iteration"), r.out());
        assertTrue(r.err().matches("jgrad: error: diverged at iteration \\d+: .*try a smaller learning rate than 1.5\n"), r.err());
    }

    @Test
    void divergenceIsReportedWhenFHasGrownAMillionFoldNotAtOverflow(@TempDir Path dir) {
        // lr 0.5 on 3*y**2: y -> -2y, f -> 4f; 64*4^i - 64 first exceeds 1e6*64 at i = 11 (overflow would be ~500 lines on)
        Path png = dir.resolve("p.png");
        CliRun r = CliRun.of("minimize", "x**2 + 3*y**2", "--start", "x=4,y=-4", "--lr", "0.5", "--plot", png.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.out().contains("Iteration 11: x =  0.0000, y =  8192.0000, f(x, y) =  201326592.0000\n\n"), r.out());
        assertFalse(r.out().contains("Iteration 12"), r.out());
        assertEquals("jgrad: error: diverged at iteration 11: f went from 64 to 2.01327e+08; try a smaller learning rate than 0.5\n", r.err());
        assertFalse(Files.exists(png), "no plot of a diverged run");
    }

    @Test
    void plotWritesAPngAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        for (String[] formula : new String[][] {{"x**2 + 3*y**2", "x=4,y=-4"}, {"x^4 - 3x^3 + 2", "x=4"}}) {
            Path png = dir.resolve(formula[1].length() + ".png");
            CliRun r = CliRun.of("minimize", formula[0], "--start", formula[1], "--lr", "0.01", "--iterations", "50",
                    "--plot", png.toString());
            assertEquals(0, r.exitCode(), r.err());
            byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "only the two PNGs");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            x**2 + )    | x=1      | unexpected ')' at column 8
            x**2 + y    | x=1      | --start: missing a value for y
            x**2        | z=1      | --start: 'z' is not a variable of the formula
            x**2        | x=abc    | --start: 'abc' is not a number
            x**2        | x        | --start: expected name=value, got 'x'
            x**2 + y    | x=1,y=2,x=3 | --start: x is given twice ('x=1' and 'x=3'); give each variable one value
            """)
    void badInputIsOneErrorAndNothingWritten(String formula, String start, String message, @TempDir Path dir) throws IOException {
        Path png = dir.resolve("p.png");
        CliRun r = CliRun.of("minimize", formula, "--start", start, "--plot", png.toString());
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("jgrad: error: " + message), r.err());
        assertFalse(Files.exists(png));
    }

    @Test
    void badNumbersInFlagsAreUsageErrors() {
        assertEquals(2, CliRun.of("minimize", "x**2", "--start", "x=1", "--lr", "fast").exitCode());
        CliRun r = CliRun.of("minimize", "x**2", "--start", "x=1", "--lr", "0");
        assertEquals(2, r.exitCode());
        assertEquals("jgrad: error: invalid value for --lr: '0' (expected a positive number)\n", r.err());
    }

    private static JsonNode readJson(CliRun r) {
        try {
            return new ObjectMapper().readTree(r.out());
        } catch (IOException e) {
            throw new AssertionError(r.out() + r.err(), e);
        }
    }
}
