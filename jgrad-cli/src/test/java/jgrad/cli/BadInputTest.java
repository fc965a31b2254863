package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad input gives one line "jgrad: error: ..." naming the file, line and column (or the
 * flag), exit code 2, and writes nothing: no model, no charts, no predictions.
 */
class BadInputTest {
    @TempDir Path dir;

    /** Trains on {@code csv} with --out and --plot, and checks the error and that nothing was written. */
    private String trainFails(String csv, String... extra) throws IOException {
        Path data = dir.resolve("data.csv");
        if (csv != null) Files.writeString(data, csv);
        String[] args = Stream.concat(Stream.of("train", "--data", data.toString(), "--out", dir.resolve("model.json").toString(),
                "--plot", dir.resolve("plots").toString(), "--epochs", "2"), Stream.of(extra)).toArray(String[]::new);
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("", r.out(), "nothing on standard output");
        String[] lines = r.err().strip().split("\n");
        assertTrue(lines[0].startsWith("jgrad: error: "), r.err());
        assertTrue(lines.length <= 2 && (lines.length == 1 || lines[1].startsWith("Run 'jgrad")), "one line, no stack trace:\n" + r.err());
        assertFalse(Files.exists(dir.resolve("model.json")), "no model written");
        assertFalse(Files.exists(dir.resolve("plots")), "no charts written");
        try (var files = Files.list(dir)) {
            assertEquals(csv == null ? 0 : 1, files.count(), "no stray files");
        }
        return lines[0];
    }

    private void expectError(String csv, String expected, String... extra) throws IOException {
        String e = trainFails(csv, extra);
        assertTrue(e.contains(expected), "expected '" + expected + "' in: " + e);
    }

    @Test
    void missingFile() throws IOException {
        assertTrue(trainFails(null).matches("jgrad: error: .*data\\.csv: no such file.*"));
    }

    @Test
    void emptyFile() throws IOException {
        assertTrue(trainFails("").contains("data.csv: empty file"));
        assertTrue(trainFails("a,b,c\n").contains("data.csv: no data rows after the header"));
    }

    @Test
    void raggedRowNamesItsLine() throws IOException {
        expectError("a,b,y\n1,2,x\n3,4,y\n5,y\n", "data.csv:4: 2 values, but the header has 3 columns");
    }

    @Test
    void nonNumericValueInNumericColumnNamesLineAndColumn() throws IOException {
        expectError("a,b,y\n1,2,x\n3,4,y\n5,oops,y\n6,7,x\n8,9,y\n", "data.csv:4: column 'b' (2): 'oops' is not a number");
    }

    @Test
    void missingValueNamesLineAndColumn() throws IOException {
        expectError("a,b,y\n1,2,x\n3,,y\n5,6,y\n", "data.csv: missing values in column 'b' 1 (line 3); fill them in, or pass --missing impute", "--missing", "error");
        expectError("a,b,y\n1,2,x\n3,n/a,y\n5,NA,y\n", "data.csv: missing values in column 'b' 2 (lines 3, 4)", "--missing", "error");
    }

    @Test
    void unknownTargetColumnNamesTheFlag() throws IOException {
        expectError("a,b,y\n1,2,x\n3,4,y\n", "--target: no column 'label' in", "--target", "label");
        expectError("a,b,y\n1,2,x\n3,4,y\n", "(columns: a, b, y)", "--target", "label");
    }

    @Test
    void singleClassTarget() throws IOException {
        expectError("a,b,y\n1,2,x\n3,4,x\n5,6,x\n", "target column 'y' has only one class ('x')");
    }

    @Test
    void tooFewRowsForTheSplitIsAnErrorNotTrainingMetricsPassedOffAsTestMetrics() throws IOException {
        expectError("a,b,y\n1,2,x\n3,4,z\n", "--split: 2 rows leave no validation rows; use more rows");
    }

    @Test
    void malformedQuoting() throws IOException {
        String e = trainFails("a,b,y\n1,\"2,x\n3,4,y\n");
        assertTrue(e.contains("data.csv:2: a quoted field is never closed"), e);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {
        "--split|0.5,0.5|--split",
        "--split|0.8,0.3,0.1|--split",
        "--layers|64,x|--layers",
        "--layers|0|--layers",
        "--activation|rleu|--activation",
        "--loss|hinge|--loss",
        "--optimizer|lbfgs|--optimizer",
        "--lr|-1|--lr",
        "--batch|some|--batch",
        "--batch|-3|--batch",
        "--epochs|0|--epochs",
        "--dtype|float16|--dtype",
        "--scale|robust|--scale",
        "--task|clustering|--task",
        "--patience|-1|--patience",
    })
    void badFlagValuesNameTheFlag(String flag, String value, String named) throws IOException {
        expectError("a,b,y\n1,2,x\n3,4,y\n", named, flag, value);
    }

    @Test
    void crossEntropyOnNumbersIsRefused() throws IOException {
        expectError("a,y\n1,2.5\n2,3.5\n3,1.25\n", "--loss cross-entropy needs class labels", "--task", "regression", "--loss", "cross-entropy");
    }

    /** jgrad creates the file (--out) or folder (--plot) it is given, never the folders above it. */
    @ParameterizedTest
    @CsvSource({"--out,m.json", "--plot,plots"})
    void aMissingParentDirectoryIsAnErrorForOutAndPlotAlike(String flag, String name) throws IOException {
        Files.writeString(dir.resolve("d.csv"), "a,y\n1,x\n2,y\n");
        Path missing = dir.resolve("no/such");
        CliRun r = CliRun.of("train", "--data", dir.resolve("d.csv").toString(), flag, missing.resolve(name).toString());
        assertEquals(2, r.exitCode());
        assertEquals("jgrad: error: " + flag + ": directory " + missing.toAbsolutePath() + " does not exist\n", r.err());
        assertFalse(Files.exists(dir.resolve("no")), "no folders created");
    }

    @Test
    void plotIntoAFileIsAnError() throws IOException {
        Files.writeString(dir.resolve("d.csv"), "a,y\n1,x\n2,y\n");
        Files.writeString(dir.resolve("plots"), "mine");
        CliRun r = CliRun.of("train", "--data", dir.resolve("d.csv").toString(), "--plot", dir.resolve("plots").toString());
        assertEquals(2, r.exitCode());
        assertEquals("jgrad: error: --plot: " + dir.resolve("plots") + " exists and is not a directory\n", r.err());
        assertEquals("mine", Files.readString(dir.resolve("plots")));
    }
}
