package jgrad.spark;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One value of a Spark row read as {@code jgrad train} reads a CSV cell: text is parsed with the same
 * rules (plain decimals only; "", NA, NaN, null, ?, - are missing), typed numbers are taken as they are
 * (NaN and null are missing).
 */
final class Cell {
    private Cell() {}

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "none", "?", "-");

    enum Kind { MISSING, NUMBER, TEXT }

    static Kind kind(Object v) {
        return switch (v) {
            case null -> Kind.MISSING;
            case String s -> MISSING.contains(s.strip().toLowerCase(Locale.ROOT)) ? Kind.MISSING : NUMBER.matcher(s.strip()).matches() ? Kind.NUMBER : Kind.TEXT;
            case Double d -> d.isNaN() ? Kind.MISSING : d.isInfinite() ? Kind.TEXT : Kind.NUMBER;
            case Float f -> f.isNaN() ? Kind.MISSING : f.isInfinite() ? Kind.TEXT : Kind.NUMBER;
            case Number n -> Kind.NUMBER;
            default -> Kind.TEXT;
        };
    }

    /** The value as the text a CSV file would hold (the key of a category or class). */
    static String text(Object v) {
        return v == null ? "" : v instanceof String s ? s.strip() : String.valueOf(v);
    }

    /** A value that {@link #kind} called a number. */
    static double number(Object v) {
        return v instanceof Number n ? n.doubleValue() : Double.parseDouble(((String) v).strip());
    }
}
