package jgrad.symbolic;

/**
 * A formula, a number in it or a result computed from it that goes beyond one of the {@link Limits}:
 * bad input, like a {@link ParseException}, and never a reason to hang or run out of memory. The message
 * is one sentence for people ("number too large: ..."); {@link #limit()} says which limit, for programs.
 */
public final class LimitException extends IllegalArgumentException {
    /** Which limit was reached. */
    public enum Limit {
        /** an exact number with more than {@link Limits#MAX_DIGITS} digits */
        DIGITS,
        /** a formula or result with more than {@link Limits#MAX_NODES} nodes */
        NODES,
        /** one operation (parse, diff, simplify, compile) that takes more than {@link Limits#MAX_WORK} steps */
        WORK,
        /** more than {@link Limits#MAX_FORMULA_LENGTH} characters of formula text */
        LENGTH
    }

    private final Limit limit;

    LimitException(Limit limit, String message) {
        super(message);
        this.limit = limit;
    }

    public Limit limit() {
        return limit;
    }
}
