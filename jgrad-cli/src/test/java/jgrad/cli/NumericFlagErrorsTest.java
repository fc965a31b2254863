package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A number out of range gets the same one-line error in every command, quoting the value as typed. */
class NumericFlagErrorsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            minimize x**2 --start x=1 --lr -1           | invalid value for --lr: '-1' (expected a positive number)
            train --data iris --lr -1                    | invalid value for --lr: '-1' (expected a positive number)
            explain --lr 0                               | invalid value for --lr: '0' (expected a positive number)
            minimize x**2 --start x=1 --iterations 0    | invalid value for --iterations: '0' (expected an integer from 1 to 1,000,000)
            minimize x**2 --start x=1 --iterations 2000000000 | invalid value for --iterations: '2000000000' (expected an integer from 1 to 1,000,000)
            train --data iris --epochs 0                | invalid value for --epochs: '0' (expected an integer >= 1)
            minimize x**2 --start x=1 --tolerance -1e-3 | invalid value for --tolerance: '-1e-3' (expected a number >= 0)
            train --data iris --weight-decay -1e-3      | invalid value for --weight-decay: '-1e-3' (expected a number >= 0)
            minimize x**2 --start x=1 --momentum 1      | invalid value for --momentum: '1' (expected a number in [0, 1))
            bench w2 --threads 0                        | invalid value for --threads: '0' (expected an integer >= 1)
            train --data iris --threads 0               | invalid value for --threads: '0' (expected an integer >= 1)
            diff x**2 --threads -1                      | invalid value for --threads: '-1' (expected an integer >= 1)
            """)
    void oneStyleEverywhere(String command, String message) {
        CliRun r = CliRun.of(command.split(" "));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("", r.out());
        assertEquals("jgrad: error: " + message + "\n", r.err());
    }
}
