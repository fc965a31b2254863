package jgrad.cli.summary;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Text columns padded to their widest cell; a heading starting with {@code >} is right-aligned. No trailing blanks. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] right;

    /** Column headings (none: a table without a heading row, columns as wide as the first row). */
    Table(String... headings) {
        right = new boolean[headings.length];
        String[] row = new String[headings.length];
        for (int j = 0; j < headings.length; j++) {
            right[j] = headings[j].startsWith(">");
            row[j] = right[j] ? headings[j].substring(1) : headings[j];
        }
        if (headings.length > 0) rows.add(row);
    }

    void add(String... cells) {
        rows.add(cells);
    }

    void print(PrintWriter o, String indent) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] r : rows) for (int j = 0; j < r.length; j++) width[j] = Math.max(width[j], r[j].length());
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int j = 0; j < r.length; j++) {
                String pad = " ".repeat(width[j] - r[j].length());
                line.append(j < right.length && right[j] ? pad + r[j] : r[j] + pad).append(j < r.length - 1 ? "  " : "");
            }
            o.println(line.toString().stripTrailing());
        }
    }
}
