package jgrad.cli.data;

import java.util.List;

/** What the network predicts: one of a few classes, or a number. */
public sealed interface Target {
    String name();

    record Classes(String name, List<String> classes) implements Target {
        public Classes {
            classes = List.copyOf(classes);
        }
    }

    /**
     * A number, standardised with the training split's mean and spread ({@code offset}, {@code scale}):
     * the network then learns values near 0 whatever the unit, and predictions are mapped back.
     */
    record Values(String name, double offset, double scale) implements Target {}

    enum Task { AUTO, CLASSIFICATION, REGRESSION }
}
