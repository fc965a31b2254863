package jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataTest {
    @Test
    void standardScalerFitsOnGivenRowsOnly() {
        double[][] train = {{1, 10, 1}, {3, 10, 0}};
        Scaler s = Scaler.fit(Scaler.Method.STANDARD, train, new boolean[] {true, true, false});
        assertArrayEquals(new double[] {2, 10, 0}, s.offset());
        assertArrayEquals(new double[] {1, 1, 1}, s.scale()); // sd 1; constant column and one-hot untouched
        assertArrayEquals(new double[] {3, 0, 1}, s.transform(new double[][] {{5, 10, 1}})[0]);
    }

    @Test
    void flatRowsScaleInPlaceAsTheirArraysDo() {
        double[][] rows = {{1, 10, 1}, {3, 12, 0}, {-4, 7.5, 1}};
        Scaler s = Scaler.fit(Scaler.Method.STANDARD, rows, new boolean[] {true, true, false});
        double[] flat = Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
        Scaler fromFlat = Scaler.fit(Scaler.Method.STANDARD, flat.clone(), new boolean[] {true, true, false});
        assertArrayEquals(s.offset(), fromFlat.offset(), 0.0, "the flat fit's offsets, bit for bit");
        assertArrayEquals(s.scale(), fromFlat.scale(), 0.0, "and its scales");
        assertArrayEquals(Arrays.stream(s.transform(rows)).flatMapToDouble(Arrays::stream).toArray(), s.transformInPlace(flat), 0.0);
        var e = assertThrows(IllegalArgumentException.class, () -> s.transformInPlace(new double[4]));
        assertEquals("scaler: 4 values are not rows of 3", e.getMessage());
    }

    @Test
    void minMaxMapsTrainingRangeToUnitInterval() {
        Scaler s = Scaler.fit(Scaler.Method.MINMAX, new double[][] {{2}, {6}, {4}}, new boolean[] {true});
        assertArrayEquals(new double[] {0, 0.5, 1}, Arrays.stream(s.transform(new double[][] {{2}, {4}, {6}})).mapToDouble(r -> r[0]).toArray());
    }

    @Test
    void stratifiedSplitKeepsClassSharesAndUsesEveryRowOnce() {
        int[] labels = IntStream.range(0, 150).map(i -> i / 50).toArray();
        Split s = Split.stratified(labels, new double[] {0.7, 0.15, 0.15}, 0);
        assertEquals(104, s.train().length);
        assertEquals(23, s.test().length);
        assertEquals(150, IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())), Arrays.stream(s.test())).distinct().count());
        for (int c = 0; c < 3; c++) {
            final int cls = c;
            long inTest = Arrays.stream(s.test()).filter(i -> labels[i] == cls).count();
            assertEquals(23.0 / 3, inTest, 2.0, "class " + c + " share in test"); // prefix-difference: within 2 rows
        }
        assertArrayEquals(s.test(), Split.stratified(labels, new double[] {0.7, 0.15, 0.15}, 0).test(), "same seed, same split");
    }

    @Test
    void randomSplitIsSeeded() {
        Split a = Split.random(100, new double[] {0.8, 0.1, 0.1}, 3), b = Split.random(100, new double[] {0.8, 0.1, 0.1}, 4);
        assertEquals(10, a.test().length);
        assertEquals(false, Arrays.equals(a.test(), b.test()));
    }

    @Test
    void badFractionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Split.random(10, new double[] {0.5, 0.1, 0.1}, 0));
    }
}
