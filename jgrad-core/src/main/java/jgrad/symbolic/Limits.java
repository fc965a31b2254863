package jgrad.symbolic;

/**
 * The bounds that keep every formula operation short, whoever typed the formula: parsing, differentiating,
 * simplifying, printing and compiling stop with a {@link LimitException} instead of hanging or filling the
 * memory. They are far above what a person writes (the derivative table's largest formula has a few dozen
 * nodes) and low enough that reaching one takes well under a second.
 */
public final class Limits {
    private Limits() {}

    /** Exact numbers (numerator and denominator) have at most this many decimal digits: 1e999 is fine, 1e9999999 not. */
    public static final int MAX_DIGITS = 3_000;

    /** Bits of a {@link #MAX_DIGITS}-digit number: the cheap test done on every number made. */
    static final int MAX_BITS = (int) Math.ceil(MAX_DIGITS * Math.log(10) / Math.log(2));

    /**
     * A formula, and any result built from it, has at most this many nodes (numbers, variables, operations),
     * counted as printed: a part that occurs twice counts twice.
     */
    public static final long MAX_NODES = 100_000;

    /**
     * One operation (a parse, a derivative of any order, a simplification, a compilation) takes at most this
     * many steps of the algebra (operands combined, compared, visited): a fraction of a second, so that
     * a formula whose results stay small but take long to build (a product of thousands of factors) stops too.
     */
    public static final long MAX_WORK = 5_000_000;

    /** Formula text is at most this long (a sum of 10,000 terms fits). */
    public static final int MAX_FORMULA_LENGTH = 1_000_000;

    /** @param where "" or " at column 3"; @param digits how many it would need, or -1 for "too many to say" */
    static LimitException tooManyDigits(String where, String what, long digits) {
        return new LimitException(LimitException.Limit.DIGITS, "number out of range" + where + ": " + what + " would need "
                + (digits > 0 ? String.format("%,d", digits) : "billions of") + " digits (exact numbers have at most "
                + String.format("%,d", MAX_DIGITS) + ")");
    }

    static LimitException tooManyNodes() {
        return new LimitException(LimitException.Limit.NODES, "formula too large: the result would have more than "
                + String.format("%,d", MAX_NODES) + " nodes (the limit for formulas and their derivatives)");
    }
}
