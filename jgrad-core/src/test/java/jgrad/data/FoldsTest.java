package jgrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FoldsTest {
    @Test
    void foldsPartitionTheRowsAndKeepEveryClassShare() {
        int[] labels = IntStream.range(0, 103).map(i -> i < 60 ? 0 : i < 90 ? 1 : 2).toArray();
        Folds f = Folds.stratified(labels, 5, 42);
        int[] all = IntStream.range(0, 5).flatMap(i -> Arrays.stream(f.test(i))).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 103).toArray(), all, "every row in exactly one fold");
        for (int i = 0; i < 5; i++) {
            int[] test = f.test(i);
            assertTrue(test.length == 20 || test.length == 21, "sizes differ by at most one: " + test.length);
            for (int c = 0; c < 3; c++) {
                final int cls = c;
                long inFold = Arrays.stream(test).filter(r -> labels[r] == cls).count();
                long total = Arrays.stream(labels).filter(y -> y == cls).count();
                assertEquals(total / 5.0, inFold, 1.0, "class " + c + " in fold " + i);
            }
            assertEquals(103 - test.length, f.train(i).length);
            assertTrue(Arrays.stream(f.train(i)).noneMatch(r -> Arrays.stream(test).anyMatch(t -> t == r)));
        }
        assertArrayEquals(f.test(3), Folds.stratified(labels, 5, 42).test(3), "seeded");
        assertThrows(IllegalArgumentException.class, () -> Folds.random(3, 5, 0));
    }
}
