package jgrad.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Parsing of flag values with one-line errors that name the flag and list what it accepts;
 * picocli's own messages for enums and lists are harder to read.
 */
public final class Flags {
    private Flags() {}

    /** One of {@code choices}, given lower-case on the command line. */
    public static <E extends Enum<E>> E choice(String flag, String value, Class<E> type) {
        String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) if (e.name().equals(wanted)) return e;
        throw bad(flag, value, String.join("|", Arrays.stream(type.getEnumConstants()).map(e -> label(e)).toList()));
    }

    public static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static double positive(String flag, double value) {
        if (!(value > 0) || !Double.isFinite(value)) throw bad(flag, String.valueOf(value), "a positive number");
        return value;
    }

    public static int atLeast(String flag, int value, int min) {
        if (value < min) throw bad(flag, String.valueOf(value), "an integer >= " + min);
        return value;
    }

    /** Comma-separated values; empty text gives an empty array. */
    public static <T> T[] list(String flag, String value, String expected, Function<String, T> parse, java.util.function.IntFunction<T[]> array) {
        String v = value.strip();
        if (v.isEmpty() || v.equals("none")) return array.apply(0);
        try {
            return Arrays.stream(v.split(",")).map(String::strip).map(parse).toArray(array);
        } catch (RuntimeException e) {
            throw bad(flag, value, expected);
        }
    }

    public static UserException bad(String flag, String value, String expected) {
        return new UserException("invalid value for " + flag + ": '" + value + "' (expected " + expected + ")");
    }
}
