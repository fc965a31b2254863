package jgrad.cli.data;

import java.util.List;

/**
 * How one CSV column becomes network inputs: a number as it is, or a category as one-hot indicators.
 * Each knows the value that fills a gap ({@code fill}, fitted on the training rows; unknown in models
 * from before gaps were filled) and whether a 0/1 input says that the cell was missing ({@code indicator}).
 */
public sealed interface Feature {
    String name();

    /** Number of network inputs this column becomes. */
    int width();

    /** Whether a gap in this column can be filled. */
    boolean fillable();

    boolean indicator();

    /** A number; {@code fill} is the training rows' median (NaN when unknown). */
    record Numeric(String name, double fill, boolean indicator) implements Feature {
        public Numeric(String name) {
            this(name, Double.NaN, false);
        }

        @Override
        public int width() {
            return 1 + (indicator ? 1 : 0);
        }

        @Override
        public boolean fillable() {
            return !Double.isNaN(fill);
        }
    }

    /**
     * One input per category, 1 for the row's category and 0 for the others. With {@code other}, the rare
     * categories of a column with very many share one more input, as do categories first seen after training;
     * without it, those rows have all indicators 0. {@code fill} is the most frequent category (null when unknown).
     */
    record Categorical(String name, List<String> categories, boolean other, String fill, boolean indicator) implements Feature {
        public Categorical {
            categories = List.copyOf(categories);
        }

        public Categorical(String name, List<String> categories) {
            this(name, categories, false, null, false);
        }

        @Override
        public int width() {
            return categories.size() + (other ? 1 : 0) + (indicator ? 1 : 0);
        }

        @Override
        public boolean fillable() {
            return fill != null;
        }
    }
}
