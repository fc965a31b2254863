package jgrad.cli.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import jgrad.cli.UserException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as text: the header, the rows and the line each row starts on, so that every later
 * error can say {@code file:line: column 'name'}. Comma, semicolon and tab are recognised from
 * the header line; quoted fields (with the delimiter or line breaks inside) follow RFC 4180.
 */
public record CsvTable(String source, List<String> header, List<String[]> rows, List<Integer> lines) {

    private static final char[] DELIMITERS = {',', ';', '\t'};

    /** Reads a file; a missing or unreadable file is the user's to fix. */
    public static CsvTable read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException(path + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserException(path + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new UserException(path + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(path.toString(), text);
    }

    /** Reads a CSV resource bundled in the jar. */
    static CsvTable resource(String name, InputStream in) {
        try (in) {
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CsvTable parse(String source, String text) {
        if (text.startsWith("\uFEFF")) text = text.substring(1); // Excel writes a byte-order mark
        if (text.isBlank()) throw new UserException(source + ": empty file (expected a header row, then one row per sample)");
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(detectDelimiter(text))
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL)
                .get();
        try (Reader reader = new StringReader(text); CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            checkHeader(source, header);
            List<String[]> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            var it = parser.iterator();
            while (it.hasNext()) {
                // after parsing, the parser's line count is the record's last line; quoted line breaks move its start up
                long end = parser.getCurrentLineNumber();
                CSVRecord record = it.next();
                String[] values = record.values();
                int line = (int) end - (int) String.join("", values).chars().filter(c -> c == '\n').count();
                if (values.length != header.size()) {
                    throw new UserException(source + ":" + line + ": " + values.length + " values, but the header has "
                            + header.size() + " columns (a missing or extra delimiter?)");
                }
                rows.add(values);
                lines.add(line);
            }
            if (rows.isEmpty()) throw new UserException(source + ": no data rows after the header");
            return new CsvTable(source, header, rows, lines);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports malformed quoting as an IOException wrapped in UncheckedIOException
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : String.valueOf(e.getMessage());
            var line = java.util.regex.Pattern.compile("startline (\\d+)").matcher(why);
            if (line.find() && why.contains("EOF reached before encapsulated token finished")) {
                throw new UserException(source + ":" + line.group(1) + ": a quoted field is never closed (a \" without its closing \")");
            }
            throw new UserException(source + ": not valid CSV: " + why);
        }
    }

    private static void checkHeader(String source, List<String> header) {
        var seen = new HashSet<String>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j);
            if (name == null || name.isBlank()) throw new UserException(source + ":1: column " + (j + 1) + " has no name in the header row");
            if (!seen.add(name)) throw new UserException(source + ":1: column name '" + name + "' appears twice in the header row");
        }
    }

    /** The delimiter that occurs most often outside quotes in the header line (comma if none does). */
    static char detectDelimiter(String text) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted) for (int d = 0; d < DELIMITERS.length; d++) if (c == DELIMITERS[d]) counts[d]++;
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) if (counts[d] > counts[best]) best = d;
        return DELIMITERS[best];
    }

    /** Index of a column by name, or a one-line error listing the names there are. */
    public int column(String name, String flag) {
        int j = header.indexOf(name);
        if (j < 0) throw new UserException(flag + ": no column '" + name + "' in " + source + " (columns: " + String.join(", ", header) + ")");
        return j;
    }

    /** {@code file:line: column 'name'} for error messages about one cell. */
    public String where(int row, int column) {
        return source + ":" + lines.get(row) + ": column '" + header.get(column) + "' (" + (column + 1) + ")";
    }

    public int size() {
        return rows.size();
    }
}
