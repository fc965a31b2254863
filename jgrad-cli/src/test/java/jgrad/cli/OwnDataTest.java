package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own tables, as they come: decimal commas, ID columns, gaps, new categories, suspicious rows. */
class OwnDataTest {
    @TempDir Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static CliRun run(Object... args) {
        return CliRun.of(Stream.of(args).map(String::valueOf).toArray(String[]::new));
    }

    private static void oneLineError(CliRun r, String expected) {
        assertEquals(2, r.exitCode(), r.toString());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, "one line: " + r.err());
        assertTrue(lines[0].startsWith("jgrad: error: ") && lines[0].contains(expected), "expected '" + expected + "' in: " + r.err());
        assertTrue(lines[0].length() < 400, "short: " + lines[0].length() + " characters");
    }

    /** Excel in much of Europe: semicolons and decimal commas, a numeric target. */
    private static String european(int rows, long seed) {
        var r = new java.util.Random(seed);
        StringBuilder s = new StringBuilder("alcohol;magnesium;colour;price\n");
        for (int i = 0; i < rows; i++) {
            double a = 11 + 3 * r.nextDouble(), c = 1 + 10 * r.nextDouble();
            s.append(String.format(Locale.GERMANY, "%.1f;%d;%.2f;%.2f%n", a, 70 + r.nextInt(90), c, 2 * a + c));
        }
        return s.toString();
    }

    @Test
    void decimalCommasAreNumbersInTrainPredictAndEvaluate() throws IOException {
        Path train = file("wine-eu.csv", european(300, 1)), model = dir.resolve("m.json");
        CliRun r = run("train", "--data", train, "--out", model, "--epochs", 30, "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.lastLine().contains("\"task\":\"regression\"") && r.lastLine().contains("\"inputs\":3"), r.lastLine());
        double r2 = Double.parseDouble(r.lastLine().replaceAll(".*\"r2\":([-0-9.eE]+).*", "$1"));
        assertTrue(r2 > 0.8, "learns price = 2 alcohol + colour: R² " + r2);
        Path fresh = file("more.csv", european(20, 2).replaceAll(";[0-9]+,[0-9]+\n", "\n").replace(";price\n", "\n"));
        CliRun p = run("predict", "--model", model, "--data", fresh);
        assertEquals(0, p.exitCode(), p.err());
        assertEquals(21, p.out().strip().split("\n").length);
        CliRun e = run("evaluate", "--model", model, "--data", file("labelled.csv", european(50, 3)), "--json");
        assertEquals(0, e.exitCode(), e.err());
    }

    @Test
    void decimalMarkCanBeForcedAndThousandsSeparatorsAreRead() throws IOException {
        Path f = file("t.csv", "a;b;y\n1.234,5;1;x\n2.000,25;2;z\n3,5;3;x\n4;4;z\n5;5;x\n6;6;z\n7;7;x\n8;8;z\n");
        CliRun r = run("train", "--data", f, "--decimal", ",", "--epochs", 1, "--split", "1,0,0", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.lastLine().contains("\"inputs\":2"), "both columns numbers: " + r.lastLine());
        oneLineError(run("train", "--data", f, "--decimal", "x"), "invalid value for --decimal: 'x'");
    }

    @Test
    void aFewNonNumbersInANumberColumnAreNamedAllTogether() throws IOException {
        StringBuilder s = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 30; i++) s.append(i).append(',').append(i == 4 ? "oops" : i == 9 ? "n.a" : i == 20 ? "12,5" : i * 0.5).append(",k").append(i % 2).append('\n');
        CliRun r = run("train", "--data", file("d.csv", s.toString().replace("12,5", "\"12,5\"")));
        oneLineError(r, "d.csv:6: column 'b' (2): 'oops' is not a number, nor are 2 more (line 11 'n.a', line 22 '12,5')");
    }

    @Test
    void idColumnsAreLeftOutAndPredictOnNewCustomersWorks() throws IOException {
        StringBuilder s = new StringBuilder("customerID,tenure,contract,churn\n");
        for (int i = 0; i < 200; i++) s.append(String.format("%04d-XYZ%d,%d,%s,%s%n", i, i % 7, i % 72, i % 3 == 0 ? "month" : "year", i % 3 == 0 ? "Yes" : "No"));
        Path model = dir.resolve("churn.json");
        CliRun r = run("train", "--data", file("churn.csv", s.toString()), "--out", model, "--epochs", 20, "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.lastLine().contains("\"inputs\":3"), "tenure and two contract indicators, no ID: " + r.lastLine());
        assertTrue(r.err().contains("left out 'customerID'"), r.err());
        CliRun p = run("predict", "--model", model, "--data", file("new.csv", "customerID,tenure,contract\n9999-NEW,5,month\n8888-NEW,60,year\n"), "--keep", "customerID");
        assertEquals(0, p.exitCode(), p.err());
        assertTrue(p.out().startsWith("customerID,churn,p_No,p_Yes\n9999-NEW,Yes,"), p.out());
        CliRun named = run("train", "--data", dir.resolve("churn.csv"), "--exclude", "tenure", "--epochs", 1, "--json");
        assertTrue(named.lastLine().contains("\"inputs\":2"), named.lastLine());
    }

    private static String withGaps() {
        StringBuilder s = new StringBuilder("x,colour,z,y\n");
        for (int i = 0; i < 40; i++) {
            String x = i == 3 ? "" : i == 17 ? "NA" : String.valueOf(i);
            String colour = i == 8 ? "" : i % 2 == 0 ? "red" : "blue";
            s.append(x).append(',').append(colour).append(',').append(i % 5).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        return s.toString();
    }

    @Test
    void everyGapIsReportedAtOnceAndFilledByDefault() throws IOException {
        Path f = file("gaps.csv", withGaps()), model = dir.resolve("m.json");
        oneLineError(run("train", "--data", f, "--missing", "error"), "gaps.csv: missing values in 2 columns: 'x' 2 (lines 5, 19), 'colour' 1 (line 10)");
        CliRun r = run("train", "--data", f, "--out", model, "--epochs", 5);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("jgrad: note: filled missing values with the training rows' median or most frequent value: 'x' 2 (lines 5, 19), 'colour' 1 (line 10)"), r.err());
        String json = Files.readString(model);
        assertTrue(json.contains("\"fill\" : \"") && json.contains("\"version\" : 2"), json);
        CliRun p = run("predict", "--model", model, "--data", file("new.csv", "x,colour,z\n,,1\n3,red,2\n"));
        assertEquals(0, p.exitCode(), p.err());
        assertEquals(3, p.out().strip().split("\n").length);
        oneLineError(run("predict", "--model", model, "--data", dir.resolve("new.csv"), "--missing", "error"), "new.csv: missing values in 2 columns");
        CliRun dropped = run("train", "--data", f, "--missing", "drop", "--epochs", 1, "--json", "--split", "1,0,0");
        assertTrue(dropped.lastLine().contains("\"train\":37"), dropped.lastLine());
        CliRun flagged = run("train", "--data", f, "--missing-indicator", "--epochs", 1, "--json");
        assertTrue(flagged.lastLine().contains("\"inputs\":6"), "x, x missing, red, blue, colour missing, z: " + flagged.lastLine());
    }

    @Test
    void unseenCategoriesAreCountedNotFatalUnlessAsked() throws IOException {
        Path model = dir.resolve("m.json");
        assertEquals(0, run("train", "--data", file("g.csv", withGaps()), "--out", model, "--epochs", 2).exitCode());
        Path fresh = file("new.csv", "x,colour,z\n1,green,1\n2,red,2\n3,purple,0\n");
        CliRun p = run("predict", "--model", model, "--data", fresh);
        assertEquals(0, p.exitCode(), p.err());
        assertTrue(p.err().contains("jgrad: warning: " + fresh + ": 2 cells have categories the model never saw, encoded as none of the known ones: 'colour' 2 (first line 2 'green')"), p.err());
        oneLineError(run("predict", "--model", model, "--data", fresh, "--unknown", "error"), "new.csv:2: column 'colour' (2): unknown category 'green'");
        CliRun j = run("predict", "--model", model, "--data", fresh, "--json", "--keep", "z", "--precision", 2);
        assertTrue(j.out().startsWith("{\"model\":") && j.out().contains("\"predictions\":[{\"z\":\"1\",\"y\":"), j.out());
        assertTrue(j.out().matches("(?s).*\"p_a\":0\\.\\d{1,2}[,}].*"), "2 significant digits: " + j.out());
    }

    @Test
    void regressionPredictionsPrintShortestExactOrAsAsked() throws IOException {
        StringBuilder s = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) s.append(i).append(',').append(i * 0.37 + 0.001).append('\n');
        Path model = dir.resolve("m.json");
        assertEquals(0, run("train", "--data", file("r.csv", s.toString()), "--out", model, "--epochs", 3, "--dtype", "float32").exitCode());
        CliRun p = run("predict", "--model", model, "--data", file("n.csv", "x\n1\n2\n"));
        String value = p.out().split("\n")[1];
        assertEquals(value, Float.toString(Float.parseFloat(value)).replace(".0E", "e").replace("E", "e").equals(value) ? value : Float.toString(Float.parseFloat(value)), "float32 digits only");
        assertTrue(value.replace("-", "").replace(".", "").length() <= 10, value);
        CliRun q = run("predict", "--model", model, "--data", dir.resolve("n.csv"), "--precision", 3);
        assertTrue(q.out().split("\n")[1].replace("-", "").replace(".", "").replaceFirst("^0+", "").length() <= 3, q.out());
    }

    @Test
    void aTruncatedLastLineIsSaid() throws IOException {
        String iris = new String(Main.class.getResourceAsStream("data/iris.csv").readAllBytes()).strip();
        Path f = file("iris.csv", iris + "\n6.3,3.3,6.0,2.5,virgi\n");
        CliRun r = run("train", "--data", f, "--epochs", 1, "--quiet");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("jgrad: warning: " + f + ": column 'species': class 'virgi' (line 152) with at most 2 rows, against up to 50 for the others: a truncated or mistyped label?"), r.err());
    }

    @Test
    void hugeValuesAreNamedWithFileColumnAndLine() throws IOException {
        StringBuilder s = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 30; i++) s.append(i).append(',').append(i == 12 ? "1e308" : String.valueOf(i)).append(',').append(i % 2).append('\n');
        oneLineError(run("train", "--data", file("big.csv", s.toString())), "big.csv:14: column 'b' (2): 1e308 is too large to scale");
        oneLineError(run("train", "--data", file("inf.csv", s.toString().replace("1e308", "1e999"))), "inf.csv:14: column 'b' (2): '1e999' is too large for a number");
    }

    @Test
    void aTargetWithMoreClassesThanRowsCanTeachIsAnError() throws IOException {
        StringBuilder s = new StringBuilder("a,y\n");
        for (int i = 0; i < 100; i++) s.append(i % 7).append(",p").append(i).append('\n');
        oneLineError(run("train", "--data", file("t.csv", s.toString())), "target column 'y' has 100 classes among 100 rows, too many to learn as classes; if it is a number, use --task regression");
    }

    @Test
    void categoriesBeyondTheCapShareOneInput() throws IOException {
        StringBuilder s = new StringBuilder("city,size,y\n");
        for (int i = 0; i < 3000; i++) s.append("c").append(i < 1000 ? i % 10 : i).append(',').append(i % 13).append(',').append(i % 2).append('\n');
        CliRun r = run("train", "--data", file("c.csv", s.toString()), "--epochs", 1, "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.lastLine().contains("\"inputs\":102"), "100 cities, other, size: " + r.lastLine());
        assertTrue(r.err().contains("column 'city' has 2,010 categories: kept the 100 most frequent"), r.err());
    }

    /** Once one line of ~10,000 characters listing every known ID; now a handful and a count. */
    @Test
    void anUnknownCategoryErrorListsAHandfulOfTheKnownOnes() throws IOException {
        StringBuilder s = new StringBuilder("shop,n,y\n");
        for (int i = 0; i < 2000; i++) s.append("shop-").append(i % 500).append(',').append(i % 7).append(',').append(i % 2).append('\n');
        Path model = dir.resolve("m.json");
        assertEquals(0, run("train", "--data", file("s.csv", s.toString()), "--max-categories", 1000, "--epochs", 1, "--out", model).exitCode());
        CliRun r = run("predict", "--model", model, "--data", file("n.csv", "shop,n\nshop-new,3\n"), "--unknown", "error");
        oneLineError(r, "n.csv:2: column 'shop' (1): unknown category 'shop-new' (known: shop-0, shop-1, shop-10, shop-100, shop-101, shop-102, shop-103, shop-104 and 492 more; without --unknown error it would set no indicator)");
    }

    @Test
    void aColumnOfManyNumbersThenTextIsAnErrorNotCategories() throws IOException {
        StringBuilder s = new StringBuilder("a,y\n");
        for (int i = 0; i < 1100; i++) s.append(i * 0.5).append(',').append(i % 2).append('\n');
        for (int i = 0; i < 1200; i++) s.append("t").append(i % 3).append(',').append(i % 2).append('\n');
        oneLineError(run("train", "--data", file("m.csv", s.toString())), "m.csv:1102: column 'a' (1): 't0' is not a number, nor are 1199 more");
    }

    @Test
    void controlCharactersInCellsStayOnOneLine() throws IOException {
        CliRun r = run("train", "--data", file("n.csv", "a,b,y\n1,2,x\n3,\"x\ny\u0000z\",y\n4,5,x\n6,7,y\n"));
        assertEquals(2, r.exitCode());
        assertFalse(r.err().strip().contains("\n"), r.err());
        assertTrue(r.err().contains("'x\\ny\\u0000z'"), r.err());
    }
}
