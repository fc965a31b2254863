package jgrad.cli;

/** Plain-text helpers for terminal output. */
final class Text {
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
}
