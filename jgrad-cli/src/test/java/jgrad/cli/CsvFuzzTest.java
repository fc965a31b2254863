package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Gaps;
import jgrad.cli.data.Notes;
import jgrad.cli.data.Prepared;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.data.Scaler;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random and hostile CSV text through the whole loading path (read, infer the columns, fill, encode, split,
 * scale), and now and then through {@code jgrad train}: every input ends in a result or a clean one-line
 * error, never another exception, a hang or an out-of-memory. The counts are printed at the end.
 */
class CsvFuzzTest {
    private static final AtomicLong TRIED = new AtomicLong(), CLEAN = new AtomicLong(), LOADED = new AtomicLong();

    /** Pieces people's files (and attackers) are made of. */
    private static final List<String> PIECES = List.of(",", ",", ";", "\t", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ", "1", "2.5", "-3", "4,5",
            "1.234,5", "1e308", "1e999", "-1e-400", "NA", "", "?", "n/a", "nan", "Infinity", "0x1p3", "1d", "abc", "é", "\u0000", "\uFEFF", "x".repeat(50),
            "id", "y", "a", "7", "007", "9".repeat(400), "+", ".", "1.", "'", "\u00a0", "1 234", "#N/A");

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.of(PIECES).list().ofMaxSize(120).map(l -> String.join("", l));
    }

    /** A valid file with a few characters changed, inserted or deleted. */
    @Provide
    Arbitrary<String> mutated() {
        String base = "sepal,petal,colour,species\n5.1,1.4,red,setosa\n4.9,1.3,blue,setosa\n6.3,4.7,red,versicolor\n"
                + "5.8,5.1,blue,virginica\n6.1,4.0,,versicolor\n5.0,1.5,red,setosa\n6.7,5.6,blue,virginica\n";
        Arbitrary<int[]> edit = Arbitraries.integers().between(0, base.length() * 3).array(int[].class).ofMinSize(1).ofMaxSize(8);
        Arbitrary<String> chars = Arbitraries.strings().withChars(",;\"\n\r .-e0123456789xNA\u0000").ofMinLength(0).ofMaxLength(3);
        return net.jqwik.api.Combinators.combine(edit, chars.list().ofSize(8)).as((positions, inserts) -> {
            StringBuilder s = new StringBuilder(base);
            for (int k = 0; k < positions.length; k++) {
                int at = positions[k] % (s.length() + 1);
                if (positions[k] % 3 == 0 && at < s.length()) s.deleteCharAt(at);
                else s.insert(at, inserts.get(k));
            }
            return s.toString();
        });
    }

    @Property(tries = 1500, seed = "20261201")
    void hostileText(@ForAll("hostile") String text) throws IOException {
        check(text, TRIED.get() % 10 == 0);
    }

    @Property(tries = 1500, seed = "20261201")
    void mutatedFiles(@ForAll("mutated") String text) throws IOException {
        check(text, TRIED.get() % 10 == 0);
    }

    @Property(tries = 500, seed = "20261201")
    void randomBytes(@ForAll byte[] bytes) throws IOException {
        Path f = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(f, bytes);
            TRIED.incrementAndGet();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    CsvTable t = CsvTable.read(f);
                    Schema.infer(t, null, Target.Task.AUTO, Set.of());
                    LOADED.incrementAndGet();
                } catch (UserException e) {
                    clean(e);
                }
            });
        } finally {
            Files.delete(f);
        }
    }

    private static void check(String text, boolean viaCli) throws IOException {
        TRIED.incrementAndGet();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                CsvTable t = CsvTable.parse("fuzz.csv", text);
                Notes notes = new Notes();
                Schema s = Schema.infer(t, new Schema.Roles(null, Target.Task.AUTO, Set.of(), null, Set.of(), true, 3), notes);
                Prepared.of(t, s, Scaler.Method.STANDARD, new double[] {0.7, 0.15, 0.15}, 0, Gaps.Missing.IMPUTE, true, notes);
                LOADED.incrementAndGet();
            } catch (UserException e) {
                clean(e);
            }
        });
        if (viaCli) {
            Path f = Files.createTempFile("fuzz", ".csv");
            try {
                Files.writeString(f, text);
                StringWriter out = new StringWriter(), err = new StringWriter();
                int code = assertTimeoutPreemptively(Duration.ofSeconds(30),
                        () -> Main.run(new PrintWriter(out), new PrintWriter(err), "train", "--data", f.toString(), "--epochs", "2", "--layers", "3", "--quiet"));
                assertTrue(code == 0 || code == 2 && err.toString().startsWith("jgrad: error: ") && !err.toString().contains("internal error"), code + ": " + err);
                assertTrue(err.toString().lines().noneMatch(l -> l.length() > 600), "short lines: " + err);
            } finally {
                Files.delete(f);
            }
        }
    }

    private static void clean(UserException e) {
        String m = e.getMessage();
        assertTrue(m != null && !m.contains("\n") && !m.contains("\r") && m.length() < 600, "one short line: " + m);
        CLEAN.incrementAndGet();
    }

    @AfterContainer
    static void report() throws IOException {
        String counts = String.format("CSV fuzz: %d inputs tried, %d loaded, %d clean errors, %d other outcomes%n",
                TRIED.get(), LOADED.get(), CLEAN.get(), TRIED.get() - LOADED.get() - CLEAN.get());
        System.out.print(counts);
        Files.writeString(Path.of("target", "csv-fuzz-counts.txt"), counts);
    }
}
