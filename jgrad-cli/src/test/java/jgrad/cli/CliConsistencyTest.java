package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import jgrad.kernel.Parallel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The same behaviour in every command: --threads, unknown commands, and formulas that are too large (issue 15). */
class CliConsistencyTest {
    /** A guard against a hang, not a speed goal. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    @ParameterizedTest
    @ValueSource(strings = {"examples", "examples run", "diff", "minimize", "train", "predict", "evaluate", "explain", "surface", "bench"})
    void everyCommandTakesThreads(String command) {
        CliRun help = CliRun.of((command + " --help").split(" "));
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().contains("--threads=N"), help.out());
    }

    @Test
    void threadsChangeNothingButTheSpeedAndAreRestoredAfterTheRun() {
        int before = Parallel.threads();
        String[] args = {"minimize", "x**2 + 3*y**2", "--start", "x=4,y=-4", "--lr", "0.2", "--iterations", "20"};
        CliRun plain = CliRun.of(args);
        String[] withOne = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--threads", "1")).toArray(String[]::new);
        CliRun one = CliRun.of(withOne);
        assertEquals(0, one.exitCode(), one.err());
        assertEquals(plain.out(), one.out());
        assertEquals(before, Parallel.threads());
        assertEquals(0, CliRun.of("explain", "--threads", "1").exitCode());
        assertEquals(CliRun.of("examples", "run", "gd-square").out(), CliRun.of("examples", "run", "gd-square", "--threads", "1").out());
        assertEquals(before, Parallel.threads());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            trian     | unknown command 'trian'; did you mean 'train'? (see 'jgrad --help')
            predikt   | unknown command 'predikt'; did you mean 'predict'? (see 'jgrad --help')
            minimise2 | unknown command 'minimise2'; did you mean 'minimize'? (see 'jgrad --help')
            dif       | unknown command 'dif'; did you mean 'diff'? (see 'jgrad --help')
            frobnicate | unknown command 'frobnicate' (commands: help, examples, diff, minimize, train, predict, evaluate, explain, surface, bench, export, summary, studio)
            """)
    void anUnknownCommandNamesTheClosestOne(String typed, String message) {
        CliRun r = CliRun.of(typed, "--data", "iris");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("jgrad: error: " + message + "\n", r.err());
    }

    @Test
    void helpForAnUnknownCommandSaysTheSame() {
        CliRun r = CliRun.of("help", "trian");
        assertEquals(2, r.exitCode());
        assertEquals("jgrad: error: unknown command 'trian'; did you mean 'train'? (see 'jgrad --help')\n", r.err());
    }

    @Test
    void atMayGiveTheVariableOfTheDerivative() {
        CliRun r = CliRun.of("diff", "y", "x", "--at", "x=1,y=2");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("0\nat x = 1.0, y = 2.0: 0.0\n", r.out());
        CliRun z = CliRun.of("diff", "y", "x", "--at", "z=1,y=2");
        assertEquals("jgrad: error: --at: 'z' is not a variable of the formula (its variables: x, y)\n", z.err());
    }

    @Test
    void hugeNumbersAreOneLineErrors() {
        CliRun r = assertTimeoutPreemptively(GUARD, () -> CliRun.of("diff", "1e9999999*x", "x"));
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("jgrad: error: number out of range at column 1: '1e9999999' would need 10,000,000 digits (exact numbers have at most 3,000)\n",
                r.err());
        assertEquals(2, assertTimeoutPreemptively(GUARD, () -> CliRun.of("minimize", "1e-9999999*x^2", "--start", "x=1")).exitCode());
        assertEquals("1.0e+999\n", CliRun.of("diff", "1e999*x", "x").out());
    }

    @Test
    void derivativesThatGrowWithoutBoundAreOneLineErrors() {
        String[] args = new String[32];
        args[0] = "diff";
        args[1] = "tan(x)";
        for (int i = 2; i < args.length; i++) args[i] = "x";
        CliRun r = assertTimeoutPreemptively(GUARD, () -> CliRun.of(args));
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("jgrad: error: formula too large: the result would have more than 100,000 nodes (the limit for formulas and their derivatives)\n",
                r.err());
    }
}
