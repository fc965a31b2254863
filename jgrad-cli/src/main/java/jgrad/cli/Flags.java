package jgrad.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

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

    /*
     * Range checks of numeric flags. Every command reports them the same way, through bad():
     * "invalid value for --lr: '-1' (expected a positive number)", quoting the value as typed.
     */

    public static double positive(CommandSpec spec, String flag, double value) {
        if (!(value > 0) || !Double.isFinite(value)) throw bad(flag, typed(spec, flag, value), "a positive number");
        return value;
    }

    public static double nonNegative(CommandSpec spec, String flag, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) throw bad(flag, typed(spec, flag, value), "a number >= 0");
        return value;
    }

    public static int atLeast(CommandSpec spec, String flag, int value, int min) {
        if (value < min) throw bad(flag, typed(spec, flag, value), "an integer >= " + min);
        return value;
    }

    /**
     * What the user typed for {@code flag} (its last occurrence), so an error quotes "-1" rather than the
     * parsed "-1.0"; {@code value} itself when the flag was not on the command line.
     */
    static String typed(CommandSpec spec, String flag, Object value) {
        ParseResult parsed = spec == null ? null : spec.commandLine().getParseResult();
        OptionSpec option = parsed == null ? null : parsed.matchedOption(flag);
        List<String> texts = option == null ? List.of() : option.originalStringValues();
        return texts.isEmpty() ? String.valueOf(value) : texts.getLast();
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
