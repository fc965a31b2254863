package jgrad.spark;

import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code jgrad train}'s schema inference looks at in one column, gathered in one pass per
 * partition and merged on the driver: the first missing and the first non-numeric cell (by row
 * number), how many cells are numbers, whether they are whole, and the distinct values.
 */
final class ColumnStats implements Serializable {
    /** More distinct values than this is an identifier, not a category or a class. */
    static final int MAX_DISTINCT = 10_000;

    long firstMissing = -1;
    String missingText;
    long firstText = -1;
    String text;
    long numbers;
    boolean integers = true;
    final boolean keepDistinct;
    Set<String> distinct = new LinkedHashSet<>();
    boolean tooMany;

    ColumnStats(boolean keepDistinct) {
        this.keepDistinct = keepDistinct;
    }

    void add(Object v, long row) {
        switch (Cell.kind(v)) {
            case MISSING -> {
                if (firstMissing < 0) {
                    firstMissing = row;
                    missingText = v == null ? "" : String.valueOf(v);
                }
            }
            case NUMBER -> {
                numbers++;
                if (integers) {
                    double d = Cell.number(v);
                    integers = d == Math.rint(d);
                }
            }
            case TEXT -> {
                if (firstText < 0) {
                    firstText = row;
                    text = String.valueOf(v);
                }
            }
        }
        if (keepDistinct && !tooMany) {
            distinct.add(Cell.text(v));
            tooMany = distinct.size() > MAX_DISTINCT;
        }
    }

    /** Adds a later partition's counts; "first" stays the smallest row number. */
    ColumnStats merge(ColumnStats o) {
        if (o.firstMissing >= 0 && (firstMissing < 0 || o.firstMissing < firstMissing)) {
            firstMissing = o.firstMissing;
            missingText = o.missingText;
        }
        if (o.firstText >= 0 && (firstText < 0 || o.firstText < firstText)) {
            firstText = o.firstText;
            text = o.text;
        }
        numbers += o.numbers;
        integers &= o.integers;
        if (keepDistinct && !tooMany) {
            distinct.addAll(o.distinct);
            tooMany = o.tooMany || distinct.size() > MAX_DISTINCT;
        }
        return this;
    }

    /** The distinct values in {@code jgrad train}'s order: numerically when all are numbers ("2" before "10"), else as text. */
    Set<String> sortedDistinct() {
        boolean numeric = firstText < 0;
        Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        Set<String> sorted = new TreeSet<>(order.thenComparing(Comparator.naturalOrder()));
        sorted.addAll(distinct);
        return new LinkedHashSet<>(sorted);
    }
}
