package jgrad.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One piece of a {@code |}-separated spec such as {@code relu(64, l2=1e-4)|dropout(0.2)} or {@code warmup(5)|cosine}:
 * its lower-case name, its comma-separated arguments, and the 1-based columns where it and its arguments start,
 * so that errors can point at them. The layer grammar and the learning-rate schedules read specs through this.
 */
public record SpecToken(String name, List<String> args, int column, int argColumn) {

    public static List<SpecToken> split(String spec) {
        List<SpecToken> tokens = new ArrayList<>();
        int start = 0;
        while (true) {
            int bar = spec.indexOf('|', start);
            String part = bar < 0 ? spec.substring(start) : spec.substring(start, bar);
            int lead = part.length() - part.stripLeading().length();
            tokens.add(token(part.strip(), start + lead + 1));
            if (bar < 0) return tokens;
            start = bar + 1;
        }
    }

    private static SpecToken token(String text, int column) {
        if (text.isEmpty()) throw new LayerSpecException("empty entry", column);
        int open = text.indexOf('(');
        List<String> args = new ArrayList<>();
        if (open >= 0) {
            if (!text.endsWith(")")) throw new LayerSpecException("missing ')' after '" + text + "'", column);
            String inside = text.substring(open + 1, text.length() - 1);
            if (!inside.isBlank()) for (String a : inside.split(",", -1)) args.add(a.strip());
        }
        String name = (open < 0 ? text : text.substring(0, open)).strip().toLowerCase(Locale.ROOT);
        return new SpecToken(name, args, column, column + Math.max(open, 0) + 1);
    }

    /** Argument i as a number, or NaN when it is missing or not one. */
    public double number(int i) {
        if (i >= args.size()) return Double.NaN;
        try {
            return Double.parseDouble(args.get(i));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** An error about this piece, pointing at its column. */
    public LayerSpecException error(String what) {
        return new LayerSpecException(what, column);
    }

    /** An error about its arguments, pointing at them. */
    public LayerSpecException argumentError(String what) {
        return new LayerSpecException(what, argColumn);
    }
}
