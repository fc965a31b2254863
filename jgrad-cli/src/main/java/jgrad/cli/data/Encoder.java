package jgrad.cli.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jgrad.cli.Text;
import jgrad.cli.UserException;

/**
 * Turns a table's rows into network inputs (before scaling) by a schema: numbers as they are, categories as
 * one-hot indicators. A gap is filled with the feature's fitted value (or refused, every gap named at once);
 * a category the model never saw sets no indicator (or its "other" one), with one warning for them all, or
 * is refused.
 */
public final class Encoder {
    /** What to do with gaps and with categories unknown to the model. */
    public record Policy(boolean fillGaps, boolean refuseUnknown) {
        public static final Policy STRICT = new Policy(false, true);
    }

    private final Schema schema;
    private final Policy policy;

    public Encoder(Schema schema, Policy policy) {
        this.schema = schema;
        this.policy = policy;
    }

    /** The inputs of the given rows of {@code t} (every row when null), with notes on what was filled or not known. */
    public Matrix encode(CsvTable t, int[] rows, Notes notes) {
        List<Feature> features = schema.features();
        int[] columns = features.stream().mapToInt(f -> t.column(f.name(), "--data (an input of the model)")).toArray();
        if (!policy.fillGaps()) Gaps.refuse(t, columns, rows, "");
        List<Integer> unfillable = new ArrayList<>();
        for (int k = 0; k < features.size(); k++) if (!features.get(k).fillable()) unfillable.add(columns[k]);
        Gaps.refuse(t, unfillable.stream().mapToInt(Integer::intValue).toArray(), rows, "; this model cannot fill gaps (saved before jgrad did): fill them in, or retrain");
        List<Map<String, Integer>> index = new ArrayList<>();
        for (Feature f : features) {
            Map<String, Integer> m = new HashMap<>();
            if (f instanceof Feature.Categorical c) for (int v = 0; v < c.categories().size(); v++) m.put(c.categories().get(v), v);
            index.add(m);
        }
        int n = rows == null ? t.size() : rows.length, width = schema.inputs();
        Unknown unknown = new Unknown();
        Matrix x = Matrix.zeros(n, width);
        double[] row = x.data();
        for (int r = 0; r < n; r++) {
            int i = rows == null ? r : rows[r];
            int at = r * width;
            for (int k = 0; k < features.size(); k++) {
                Feature f = features.get(k);
                Column c = t.column(columns[k]);
                boolean gap = c.isMissing(i);
                switch (f) {
                    case Feature.Numeric num -> {
                        if (!gap && !c.isNumber(i)) throw new UserException(t.where(i, columns[k]) + ": '" + Text.cell(c.text(i)) + "' is not a number");
                        row[at] = gap ? num.fill() : c.number(i);
                    }
                    case Feature.Categorical cat -> {
                        String value = gap ? cat.fill() : c.text(i);
                        Integer v = index.get(k).get(value);
                        if (v != null) {
                            row[at + v] = 1;
                        } else if (cat.other()) {
                            row[at + cat.categories().size()] = 1; // rare in training, or new: the pooled input
                        } else if (policy.refuseUnknown()) {
                            throw new UserException(t.where(i, columns[k]) + ": unknown category '" + Text.cell(value) + "' (known: "
                                    + Text.few(cat.categories().stream().map(Text::cell).toList(), 8) + "; without --unknown error it would set no indicator)");
                        } else {
                            unknown.add(t, i, columns[k], value);
                        }
                    }
                }
                if (f.indicator() && gap) row[at + f.width() - 1] = 1;
                at += f.width();
            }
        }
        unknown.report(t, notes);
        return x;
    }

    /** Categories not seen in training: how many, and the first of each column. */
    private static final class Unknown {
        private final Map<Integer, Integer> counts = new java.util.TreeMap<>();
        private final Map<Integer, String> first = new HashMap<>();
        private long total;

        void add(CsvTable t, int row, int column, String value) {
            total++;
            counts.merge(column, 1, Integer::sum);
            first.putIfAbsent(column, "line " + t.line(row) + " '" + Text.cell(value) + "'");
        }

        void report(CsvTable t, Notes notes) {
            if (total == 0) return;
            List<String> parts = counts.entrySet().stream().map(e -> "'" + Text.cell(t.header().get(e.getKey())) + "' " + e.getValue() + " (first " + first.get(e.getKey()) + ")").toList();
            notes.warn(t.source() + ": " + String.format(java.util.Locale.ROOT, "%,d", total) + (total == 1 ? " cell has a category" : " cells have categories")
                    + " the model never saw, encoded as none of the known ones: " + Text.few(parts, 3) + " (--unknown error refuses them)");
        }
    }
}
