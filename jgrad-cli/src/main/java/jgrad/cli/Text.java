package jgrad.cli;

/** Plain-text helpers for terminal output. */
public final class Text {
    private Text() {}

    /** Wraps {@code s} at word boundaries to lines of at most {@code width} characters. */
    static String wrap(String s, int width) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : s.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append('\n');
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }

    /** Longest cell text quoted in a message. */
    static final int CELL = 40;

    /**
     * A cell's text fit for a one-line message: control characters (a line break inside quotes, a NUL) as
     * escapes, and at most {@value #CELL} characters.
     */
    public static String cell(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < s.length() && b.length() < CELL; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return i < s.length() ? b + "..." : b.toString();
    }

    /** At most {@code max} items (already fit for a message), comma-separated, then "and N more". */
    public static String few(java.util.List<String> items, int max) {
        java.util.List<String> shown = items.stream().limit(max).toList();
        return String.join(", ", shown) + (items.size() > max ? " and " + (items.size() - max) + " more" : "");
    }
}
