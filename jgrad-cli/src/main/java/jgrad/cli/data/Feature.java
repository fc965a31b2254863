package jgrad.cli.data;

import java.util.List;

/** How one CSV column becomes network inputs: a number as it is, or a category as one-hot indicators. */
public sealed interface Feature {
    String name();

    /** Number of network inputs this column becomes. */
    int width();

    record Numeric(String name) implements Feature {
        @Override
        public int width() {
            return 1;
        }
    }

    /** One input per category, 1 for the row's category and 0 for the others. */
    record Categorical(String name, List<String> categories) implements Feature {
        public Categorical {
            categories = List.copyOf(categories);
        }

        @Override
        public int width() {
            return categories.size();
        }
    }
}
