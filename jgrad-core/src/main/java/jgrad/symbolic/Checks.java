package jgrad.symbolic;

/** Argument checks of the compiled evaluators, with messages that name the sizes. */
final class Checks {
    private Checks() {}

    static void arity(int given, int expected) {
        if (given != expected) {
            throw new IllegalArgumentException("expected " + expected + " values (one per variable), got " + given);
        }
    }

    static void columns(double[][] columns, int expected, int count) {
        arity(columns.length, expected);
        for (double[] c : columns) {
            if (c.length < count) {
                throw new IllegalArgumentException("column of length " + c.length + " is shorter than the " + count + " points");
            }
        }
    }
}
