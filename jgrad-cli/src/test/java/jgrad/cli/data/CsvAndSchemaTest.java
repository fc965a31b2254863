package jgrad.cli.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import jgrad.cli.UserException;
import jgrad.data.Scaler;
import org.junit.jupiter.api.Test;

class CsvAndSchemaTest {

    @Test
    void detectsSemicolonAndTabAndReadsQuotedFields() {
        CsvTable semi = CsvTable.parse("s.csv", "name;size;kind\n\"Smith; J.\";1,5;a\nLee;2;b\n");
        assertEquals(List.of("name", "size", "kind"), semi.header());
        assertEquals("Smith; J.", semi.text(0, 0));
        CsvTable tab = CsvTable.parse("t.tsv", "a\tb\n1\t2\n3\t4\n");
        assertEquals("3", tab.text(1, 0));
        assertEquals(4.0, tab.column(1).number(1));
        CsvTable comma = CsvTable.parse("c.csv", "a,b\n\"multi\nline\",2\n5,6\n");
        assertEquals(List.of(2, 4), List.of(comma.line(0), comma.line(1)), "a quoted line break: the next row starts on line 4");
    }

    @Test
    void categoricalColumnsAreOneHotAndNumbersStayNumbers() {
        CsvTable t = CsvTable.parse("d.csv", "colour,size,label\nred,1.5,yes\nblue,2,no\nred,3,no\ngreen,4,yes\n");
        Schema s = Schema.infer(t, null, Target.Task.AUTO, Set.of());
        assertEquals(new Feature.Categorical("colour", List.of("blue", "green", "red")), s.features().get(0));
        assertEquals(new Feature.Numeric("size"), s.features().get(1));
        assertEquals(List.of("colour=blue", "colour=green", "colour=red", "size"), s.inputNames());
        assertArrayEquals(new double[] {0, 0, 1, 1.5}, s.encode(t)[0]);
        assertArrayEquals(new boolean[] {false, false, false, true}, s.scaledInputs());
        assertEquals(new Target.Classes("label", List.of("no", "yes")), s.target());
    }

    @Test
    void targetKindIsInferredAndOverridable() {
        CsvTable ints = CsvTable.parse("i.csv", "x,y\n1,10\n2,2\n3,1\n");
        Schema classes = Schema.infer(ints, "y", Target.Task.AUTO, Set.of());
        assertEquals(List.of("1", "2", "10"), ((Target.Classes) classes.target()).classes(), "few whole numbers: classes, sorted as numbers");
        assertInstanceOf(Target.Values.class, Schema.infer(ints, "y", Target.Task.REGRESSION, Set.of()).target());
        CsvTable reals = CsvTable.parse("r.csv", "x,y\n1,0.5\n2,1.25\n3,2\n");
        assertInstanceOf(Target.Values.class, Schema.infer(reals, null, Target.Task.AUTO, Set.of()).target());
        Schema only = Schema.infer(CsvTable.parse("f.csv", "a,b,c,y\n1,2,3,u\n4,5,6,v\n"), null, Target.Task.AUTO, Set.of(), Set.of("c", "a"));
        assertEquals(List.of("a", "c"), only.inputNames(), "--features a,c: file order");
        Schema forced = Schema.infer(ints, "y", Target.Task.AUTO, Set.of("x"));
        assertInstanceOf(Feature.Categorical.class, forced.features().get(0), "--categorical x");
    }

    @Test
    void predictionFilesAreReadByColumnNameInAnyOrderWithoutTarget() {
        CsvTable train = CsvTable.parse("a.csv", "p,q,y\n1,2,u\n3,4,v\n");
        Schema s = Schema.infer(train, null, Target.Task.AUTO, Set.of());
        CsvTable other = CsvTable.parse("b.csv", "q,p\n20,10\n");
        assertArrayEquals(new double[] {10, 20}, s.encode(other)[0]);
        UserException e = assertThrows(UserException.class, () -> s.encode(CsvTable.parse("c.csv", "p\n1\n")));
        assertEquals("--data (an input of the model): no column 'q' in c.csv (columns: p)", e.getMessage());
    }

    @Test
    void preparedDataScalesWithTrainingRowsOnly() {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 100; i++) csv.append(i).append(',').append(i % 2 == 0 ? "even" : "odd").append('\n');
        CsvTable t = CsvTable.parse("p.csv", csv.toString());
        Prepared p = Prepared.of(t, Schema.infer(t, null, Target.Task.AUTO, Set.of()), Scaler.Method.STANDARD, new double[] {0.6, 0.2, 0.2}, 0);
        assertEquals(60, p.train().size());
        double mean = 0;
        for (double[] r : p.train().x().toRows()) mean += r[0];
        assertEquals(0, mean / 60, 1e-12, "training part standardised to mean 0");
        double trainMean = java.util.Arrays.stream(p.train().rows()).average().orElseThrow();
        assertEquals(trainMean, p.scaler().offset()[0], 1e-9, "offset = mean of the training rows' x (x = row index)");
    }

    @Test
    void eachPartIsOneRowMajorArrayThatItsTensorSharesWithoutACopy() {
        StringBuilder csv = new StringBuilder("x,c,y\n");
        for (int i = 0; i < 200; i++) csv.append(i * 0.5).append(',').append(i % 3 == 0 ? "a" : "b").append(',').append(i % 2).append('\n');
        CsvTable t = CsvTable.parse("p.csv", csv.toString());
        Prepared p = Prepared.of(t, Schema.infer(t, "y", Target.Task.AUTO, Set.of()), Scaler.Method.STANDARD, new double[] {0.7, 0.15, 0.15}, 3);
        for (Prepared.Part part : List.of(p.train(), p.validation(), p.test())) {
            assertEquals(part.size() * 3, part.x().data().length, "x and the two indicators of c, row after row");
            assertSame(part.x().data(), jgrad.cli.model.Training.rows(part, 2).x().data64(), "the tensor wraps the encoded array");
            for (int k = 0; k < part.size(); k++) { // row k is the k-th of the part's table rows, encoded and scaled
                int row = part.rows()[k];
                assertEquals((row * 0.5 - p.scaler().offset()[0]) / p.scaler().scale()[0], part.x().get(k, 0), 1e-12);
                assertEquals(row % 3 == 0 ? 1 : 0, part.x().get(k, 1) + 0.0, 0);
                assertEquals(row % 2, part.labels()[k]);
            }
        }
    }

    @Test
    void rowsTooManyForOneArrayAreAOneLineErrorNotAnOverflow() {
        UserException e = assertThrows(UserException.class, () -> Matrix.zeros(100_000, 30_000));
        assertEquals("100,000 rows x 30,000 inputs are more numbers than one array holds (2^31): use fewer rows, or fewer columns (--exclude)", e.getMessage());
        assertEquals(6, Matrix.zeros(2, 3).data().length);
    }

    @Test
    void bundledDataSetsAreInTheJar() {
        assertEquals(150, Datasets.open("iris").size());
        assertEquals(178, Datasets.open("wine").size());
        assertEquals(1797, Datasets.open("digits").size());
        assertTrue(Datasets.class.getResource("README.md") != null, "attribution travels with the data");
    }
}
