package jgrad.cli.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jgrad.cli.Memory;
import jgrad.cli.Text;
import jgrad.cli.UserException;

/**
 * A CSV file read into columns of primitive arrays ({@link Column}), streamed: the text is never held
 * whole, and no cell stays an object unless its column is text. Each row remembers the line it starts on,
 * so every later error can say {@code file:line: column 'name'}. The decimal mark is detected from the
 * first rows ({@link Numbers#detect}) unless given.
 */
public final class CsvTable {
    /** Rows read before the decimal mark is decided. */
    private static final int SAMPLE_ROWS = 1000;

    /** How a file is read: the decimal mark (null: detect, then {@code fallback}), columns to keep as text. */
    public record Options(Numbers.Decimal decimal, Numbers.Decimal fallback, Set<String> keepText, boolean progress) {
        public static final Options DEFAULT = new Options(null, Numbers.Decimal.DOT, Set.of(), false);

        public Options {
            keepText = Set.copyOf(keepText);
            if (fallback == null) fallback = Numbers.Decimal.DOT;
        }
    }

    private final String source;
    private final List<String> header;
    private final Column[] columns;
    private final int[] lines;
    private final Numbers.Decimal decimal;
    private final boolean detected;

    private CsvTable(String source, List<String> header, Column[] columns, int[] lines, Numbers.Decimal decimal, boolean detected) {
        this.source = source;
        this.header = List.copyOf(header);
        this.columns = columns;
        this.lines = lines;
        this.decimal = decimal;
        this.detected = detected;
    }

    /** Reads a file; a missing or unreadable file is the user's to fix. */
    public static CsvTable read(Path path, Options options) {
        long bytes;
        try {
            bytes = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new UserException(path + ": no such file");
        } catch (IOException e) {
            throw new UserException(path + ": cannot read (" + e.getMessage() + ")");
        }
        String before = Memory.doing("loading " + path + " (" + Memory.bytes(bytes) + ")");
        try (InputStream in = Files.newInputStream(path); LoadProgress progress = LoadProgress.start(options.progress(), path, bytes)) {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            return load(path.toString(), new InputStreamReader(progress.counting(in), decoder), bytes, options);
        } catch (NoSuchFileException e) {
            throw new UserException(path + ": no such file");
        } catch (CharacterCodingException e) {
            throw new UserException(path + ": not a UTF-8 text file (save it as UTF-8 CSV)");
        } catch (IOException e) {
            throw new UserException(path + ": cannot read (" + e.getMessage() + ")");
        } finally {
            Memory.doing(before);
        }
    }

    public static CsvTable read(Path path) {
        return read(path, Options.DEFAULT);
    }

    /** Reads a CSV resource bundled in the jar. */
    static CsvTable resource(String name, InputStream in) {
        try (in) {
            return load(name, new InputStreamReader(in, StandardCharsets.UTF_8), 0, Options.DEFAULT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static CsvTable parse(String source, String text) {
        return parse(source, text, Options.DEFAULT);
    }

    public static CsvTable parse(String source, String text, Options options) {
        try {
            return load(source, new StringReader(text), text.length(), options);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A table of given rows (one --input row, say), read as a file with this header would be. */
    public static CsvTable ofRows(String source, List<String> header, List<String[]> rows) {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", header.stream().map(CsvTable::quote).toList())).append('\n');
        for (String[] r : rows) csv.append(String.join(",", Arrays.stream(r).map(CsvTable::quote).toList())).append('\n');
        return parse(source, csv.toString());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static CsvTable load(String source, Reader reader, long bytes, Options options) throws IOException {
        CsvReader csv = new CsvReader(source, reader);
        String[] names = csv.next();
        if (names == null || names.length == 1 && names[0].isEmpty()) {
            throw new UserException(source + ": empty file (expected a header row, then one row per sample)");
        }
        List<String> header = List.of(names);
        checkHeader(source, header);
        List<String[]> sample = new ArrayList<>();
        List<Integer> sampleLines = new ArrayList<>();
        String[] row;
        while (sample.size() < SAMPLE_ROWS && (row = csv.next()) != null) {
            checkWidth(source, csv.rowLine(), row, header);
            sample.add(row);
            sampleLines.add(csv.rowLine());
        }
        if (sample.isEmpty()) throw new UserException(source + ": no data rows after the header");
        Numbers.Decimal found = Numbers.detect(sample);
        Numbers.Decimal decimal = options.decimal() != null ? options.decimal() : found != null ? found : options.fallback();
        int capacity = capacity(csv, sample.size(), bytes);
        MemoryCheck.beforeLoading(source, capacity, header.size());
        Column[] columns = new Column[header.size()];
        for (int j = 0; j < columns.length; j++) columns[j] = new Column(header.get(j), capacity, options.keepText().contains(header.get(j)));
        int[] lines = new int[capacity];
        int n = 0;
        for (int i = 0; i < sample.size(); i++) {
            lines = line(lines, n++, sampleLines.get(i));
            String[] cells = sample.get(i);
            for (int j = 0; j < cells.length; j++) add(source, columns, sampleLines.get(i), j, cells[j], decimal);
        }
        sample.clear();
        int width = header.size();
        CsvReader.Cells sink = (j, text) -> {
            if (j >= width) throw widthError(source, csv.rowLine(), j + 1, width);
            add(source, columns, csv.rowLine(), j, text, decimal);
        };
        int cells;
        while ((cells = csv.next(sink)) >= 0) {
            if (cells != width) throw widthError(source, csv.rowLine(), cells, width);
            lines = line(lines, n++, csv.rowLine());
        }
        for (Column c : columns) c.finish();
        return new CsvTable(source, header, columns, Arrays.copyOf(lines, n), decimal, options.decimal() == null && found != null);
    }

    /** Rows expected, from the size of the file and of the rows read so far, with a little to spare. */
    private static int capacity(CsvReader csv, int rows, long bytes) {
        if (bytes <= 0 || csv.consumed() <= 0) return Math.max(16, rows);
        double perRow = csv.consumed() / (double) (rows + 1);
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(rows, bytes / perRow * 1.02 + 16));
    }

    private static int[] line(int[] lines, int i, int line) {
        if (i == lines.length) lines = Arrays.copyOf(lines, Math.max(16, lines.length + (lines.length >> 1)));
        lines[i] = line;
        return lines;
    }

    private static void add(String source, Column[] columns, int line, int j, CharSequence cell, Numbers.Decimal decimal) {
        Column c = columns[j];
        c.add(cell, decimal);
        if (c.size() > 0 && Double.isInfinite(c.number(c.size() - 1))) {
            throw new UserException(source + ":" + line + ": column '" + Text.cell(c.name()) + "' (" + (j + 1) + "): '" + Text.cell(cell.toString()) + "' is too large for a number");
        }
    }

    private static void checkWidth(String source, int line, String[] row, List<String> header) {
        if (row.length != header.size()) throw widthError(source, line, row.length, header.size());
    }

    private static UserException widthError(String source, int line, int cells, int width) {
        return new UserException(source + ":" + line + ": " + (cells > width ? "more than " + width : cells) + " values, but the header has " + width + " columns (a missing or extra delimiter?)");
    }

    private static void checkHeader(String source, List<String> header) {
        var seen = new HashSet<String>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j);
            if (name.isBlank()) throw new UserException(source + ":1: column " + (j + 1) + " has no name in the header row");
            if (!seen.add(name)) throw new UserException(source + ":1: column name '" + Text.cell(name) + "' appears twice in the header row");
        }
    }

    public String source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    public Column column(int j) {
        return columns[j];
    }

    /** The decimal mark the numbers were read with, and whether the file itself showed it. */
    public Numbers.Decimal decimal() {
        return decimal;
    }

    public boolean decimalDetected() {
        return detected;
    }

    /** The line a row starts on. */
    public int line(int row) {
        return lines[row];
    }

    /** The text of a cell, stripped (null when missing and not kept as text). */
    public String text(int row, int column) {
        return columns[column].text(row);
    }

    /** Index of a column by name, or a one-line error listing (a few of) the names there are. */
    public int column(String name, String flag) {
        int j = header.indexOf(name);
        if (j < 0) throw new UserException(flag + ": no column '" + Text.cell(name) + "' in " + source + " (columns: " + Text.few(header.stream().map(Text::cell).toList(), 8) + ")");
        return j;
    }

    /** {@code file:line: column 'name' (n)} for error messages about one cell. */
    public String where(int row, int column) {
        return source + ":" + lines[row] + ": column '" + Text.cell(header.get(column)) + "' (" + (column + 1) + ")";
    }

    public int size() {
        return lines.length;
    }
}
