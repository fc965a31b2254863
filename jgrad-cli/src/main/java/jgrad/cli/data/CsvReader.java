package jgrad.cli.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import jgrad.cli.UserException;

/**
 * Splits CSV text into rows of cells, one row at a time and in constant memory, counting lines so that
 * every error can name one. Quoting follows RFC 4180 (a quoted cell may hold the delimiter, line breaks
 * and doubled quotes); spaces around a cell are dropped; blank lines are skipped; \n, \r\n and \r all end
 * a line. The delimiter (comma, semicolon or tab) is the one the header line uses most.
 */
final class CsvReader {
    /** A longer cell is a quote that never closed, or not a table at all: stop before it fills memory. */
    static final int MAX_CELL = 1 << 20;
    static final int MAX_COLUMNS = 100_000;
    private static final char[] DELIMITERS = {',', ';', '\t'};

    private final String source;
    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int pos, end;
    private long consumed;
    private int line = 1, rowLine;
    private char delimiter;
    private final StringBuilder cell = new StringBuilder();
    private int count;
    private Cells sink;

    /** Receives a row's cells one by one; {@code text} is only valid during the call (it is reused). */
    @FunctionalInterface
    interface Cells {
        void cell(int index, CharSequence text);
    }

    CsvReader(String source, Reader in) throws IOException {
        this.source = source;
        this.in = in;
        fill();
        if (end > 0 && buffer[0] == '\uFEFF') pos = 1; // Excel writes a byte-order mark
        delimiter = detectDelimiter();
    }

    char delimiter() {
        return delimiter;
    }

    /** Line on which the row last returned by {@link #next} starts. */
    int rowLine() {
        return rowLine;
    }

    /** Characters read so far (for a progress bar). */
    long consumed() {
        return consumed + pos;
    }

    private boolean fill() throws IOException {
        consumed += end;
        pos = 0;
        end = Math.max(0, in.read(buffer, 0, buffer.length));
        return end > 0;
    }

    private int peek() throws IOException {
        if (pos == end && !fill()) return -1;
        return buffer[pos];
    }

    private char detectDelimiter() {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = pos; i < end; i++) {
            char c = buffer[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted) for (int d = 0; d < DELIMITERS.length; d++) if (c == DELIMITERS[d]) counts[d]++;
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) if (counts[d] > counts[best]) best = d;
        return DELIMITERS[best];
    }

    /** The next row's cells as strings, or null at the end of the text. */
    String[] next() throws IOException {
        List<String> cells = new ArrayList<>();
        return next((i, text) -> cells.add(text.toString())) < 0 ? null : cells.toArray(String[]::new);
    }

    /** Passes the next row's cells (stripped) to {@code to}; returns their number, or -1 at the end of the text. */
    int next(Cells to) throws IOException {
        while (true) {
            int c = peek();
            if (c == -1) return -1;
            if (c == '\n' || c == '\r') {
                endOfLine(c);
                continue; // a blank line
            }
            break;
        }
        rowLine = line;
        sink = to;
        count = 0;
        while (true) {
            boolean more = readCell();
            if (count > MAX_COLUMNS) throw new UserException(source + ":" + rowLine + ": more than " + MAX_COLUMNS + " cells in one row");
            if (!more) return count;
        }
    }

    private void endOfLine(int c) throws IOException {
        pos++;
        if (c == '\r' && peek() == '\n') pos++;
        line++;
    }

    /** Reads one cell into {@link #cells}; true when another cell of the same row follows. */
    private boolean readCell() throws IOException {
        cell.setLength(0);
        int c;
        while ((c = peek()) == ' ') pos++;
        if (c == '"') {
            pos++;
            int start = line;
            while (true) {
                c = peek();
                if (c == -1) throw new UserException(source + ":" + start + ": a quoted field is never closed (a \" without its closing \")");
                pos++;
                if (c == '"') {
                    if (peek() == '"') {
                        pos++;
                        append('"');
                    } else {
                        break;
                    }
                } else {
                    if (c == '\n' || (c == '\r' && peek() != '\n')) line++;
                    append((char) c);
                }
            }
            while ((c = peek()) == ' ') pos++;
            if (c != -1 && c != delimiter && c != '\n' && c != '\r') {
                throw new UserException(source + ":" + line + ": text after the closing quote of a quoted field (a stray \"?)");
            }
        } else {
            while ((c = peek()) != -1 && c != delimiter && c != '\n' && c != '\r') {
                pos++;
                append((char) c);
            }
        }
        int from = 0, to = cell.length();
        while (to > 0 && Character.isWhitespace(cell.charAt(to - 1))) to--;
        while (from < to && Character.isWhitespace(cell.charAt(from))) from++;
        if (from > 0 || to < cell.length()) {
            cell.setLength(to);
            cell.delete(0, from);
        }
        sink.cell(count++, cell);
        if (c == delimiter) {
            pos++;
            return true;
        }
        if (c != -1) endOfLine(c);
        return false;
    }

    private void append(char c) {
        if (cell.length() >= MAX_CELL) throw new UserException(source + ":" + rowLine + ": a cell longer than 1 MB (a quote that never closes?)");
        cell.append(c);
    }
}
