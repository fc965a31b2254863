package jgrad.cli.data;

import java.util.ArrayList;
import java.util.List;
import jgrad.cli.Text;
import jgrad.cli.UserException;

/** Missing cells: counted per column and named by line, all at once rather than the first one only. */
public final class Gaps {
    private Gaps() {}

    /** Lines shown per column. */
    static final int LINES = 3;

    /** Every gap of the given columns among {@code rows} (all when null), as "'b' 11 (lines 3, 9, 12, ...)" per column. */
    static List<String> describe(CsvTable t, int[] columns, int[] rows) {
        List<String> parts = new ArrayList<>();
        for (int j : columns) {
            Column c = t.column(j);
            if (c.missing() == 0) continue;
            int count = 0;
            List<Integer> lines = new ArrayList<>();
            int n = rows == null ? t.size() : rows.length;
            for (int k = 0; k < n; k++) {
                int i = rows == null ? k : rows[k];
                if (c.isMissing(i)) {
                    count++;
                    if (lines.size() < LINES) lines.add(t.line(i));
                }
            }
            if (count == 0) continue;
            parts.add("'" + Text.cell(c.name()) + "' " + String.format(java.util.Locale.ROOT, "%,d", count) + " (" + (count == 1 ? "line " : "lines ")
                    + String.join(", ", lines.stream().map(String::valueOf).toList()) + (count > LINES ? ", ..." : "") + ")");
        }
        return parts;
    }

    /** Refuses any gap in the columns, naming them all in one line; {@code why} says what to do. */
    static void refuse(CsvTable t, int[] columns, int[] rows, String why) {
        List<String> parts = describe(t, columns, rows);
        if (parts.isEmpty()) return;
        throw new UserException(t.source() + ": missing values in " + (parts.size() == 1 ? "column " : parts.size() + " columns: ") + Text.few(parts, 4)
                + (why.isEmpty() ? "; fill them in, or pass --missing impute (median or most frequent value) or --missing drop (leave the rows out)" : why));
    }

    /** What to do with rows that have gaps in their features. */
    public enum Missing { IMPUTE, DROP, ERROR }

    /**
     * The features with their gap fillers fitted on the training rows: the median of a number, the most
     * frequent category; with {@code indicator}, a 0/1 input for each column that has gaps in this file.
     */
    static List<Feature> fitted(CsvTable t, List<Feature> features, int[] trainRows, boolean indicator) {
        List<Feature> out = new ArrayList<>();
        for (Feature f : features) {
            Column c = t.column(t.column(f.name(), "--data"));
            boolean flag = indicator && c.missing() > 0;
            out.add(switch (f) {
                case Feature.Numeric n -> new Feature.Numeric(n.name(), median(c, trainRows), flag);
                case Feature.Categorical k -> new Feature.Categorical(k.name(), k.categories(), k.other(), mostFrequent(c, k, trainRows), flag);
            });
        }
        return out;
    }

    private static double median(Column c, int[] rows) {
        double[] v = new double[rows.length];
        int n = 0;
        for (int i : rows) if (c.isNumber(i)) v[n++] = c.number(i);
        if (n == 0) for (int i = 0; i < c.size(); i++) if (c.isNumber(i)) { v = java.util.Arrays.copyOf(v, Math.max(v.length, c.size())); v[n++] = c.number(i); }
        if (n == 0) return 0;
        java.util.Arrays.sort(v, 0, n);
        return n % 2 == 1 ? v[n / 2] : v[n / 2 - 1] / 2 + v[n / 2] / 2;
    }

    /** The most frequent known category among the rows (ties: the first in the feature's order). */
    private static String mostFrequent(Column c, Feature.Categorical f, int[] rows) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int k = 0; k < f.categories().size(); k++) index.put(f.categories().get(k), k);
        int[] counts = new int[f.categories().size()];
        for (int i : rows) {
            if (c.isMissing(i)) continue;
            Integer k = index.get(c.text(i));
            if (k != null) counts[k]++;
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
        return f.categories().get(best);
    }
}
