package jgrad.cli.data;

import java.util.Map;
import java.util.Set;
import jgrad.cli.Flags;
import jgrad.cli.UserException;

/**
 * A file read for a saved model ({@code predict}, {@code evaluate}): numbers read with the file's own decimal
 * mark (the training file's when this one does not show it), gaps filled with the model's fitted values,
 * unknown categories set no indicator, all as in training, with the notes of what was done.
 */
public record Inputs(CsvTable table, int[] rows, Matrix x, Notes notes) {

    /** The flags that predict and evaluate share. */
    public record Settings(String decimal, String missing, String unknown, Set<String> keep) {}

    public static Inputs load(String data, Schema schema, Map<String, Object> training, Settings s, boolean labelled) {
        Numbers.Decimal forced = decimal(s.decimal());
        Numbers.Decimal fallback = "," .equals(training.get("decimal")) ? Numbers.Decimal.COMMA : Numbers.Decimal.DOT;
        Gaps.Missing missing = Flags.choice("--missing", s.missing(), Gaps.Missing.class);
        boolean refuse = switch (s.unknown().strip()) {
            case "ignore" -> false;
            case "error" -> true;
            default -> throw Flags.bad("--unknown", s.unknown(), "ignore|error");
        };
        CsvTable t = Datasets.open(data, new CsvTable.Options(forced, fallback, s.keep(), true));
        for (String k : s.keep()) t.column(k, "--keep");
        Notes notes = new Notes();
        int[] rows = null;
        if (labelled) {
            if (!schema.hasTarget(t)) {
                throw new UserException(t.source() + ": no target column '" + schema.target().name() + "' to evaluate against (to predict without labels, use 'jgrad predict')");
            }
            rows = labelledRows(t, schema, missing, notes);
        } else if (missing == Gaps.Missing.DROP) {
            throw Flags.bad("--missing", s.missing(), "impute|error (predict keeps one output row per input row)");
        }
        if (missing != Gaps.Missing.IMPUTE) {
            Gaps.refuse(t, schema.features().stream().mapToInt(f -> t.column(f.name(), "--data (an input of the model)")).toArray(), rows, "");
        }
        Matrix x = new Encoder(schema, new Encoder.Policy(true, refuse)).encode(t, rows, notes);
        return new Inputs(t, rows, x, notes);
    }

    /** Rows with a target value (a note says how many had none), and without gaps under --missing drop. */
    private static int[] labelledRows(CsvTable t, Schema schema, Gaps.Missing missing, Notes notes) {
        int target = t.column(schema.target().name(), "--data");
        int[] features = schema.features().stream().mapToInt(f -> t.column(f.name(), "--data (an input of the model)")).toArray();
        int[] keep = new int[t.size()];
        int n = 0;
        for (int i = 0; i < t.size(); i++) {
            boolean use = !t.column(target).isMissing(i);
            if (missing == Gaps.Missing.DROP) for (int j : features) use &= !t.column(j).isMissing(i);
            if (use) keep[n++] = i;
        }
        if (n < t.size()) notes.note(String.format(java.util.Locale.ROOT, "left out %,d rows without a target value%s", t.size() - n, missing == Gaps.Missing.DROP ? " or with gaps" : ""));
        if (n == 0) throw new UserException(t.source() + ": no rows with a target value to evaluate against");
        return java.util.Arrays.copyOf(keep, n);
    }

    /** --decimal: '.', ',' or auto. */
    public static Numbers.Decimal decimal(String flag) {
        try {
            return Numbers.Decimal.parse(flag);
        } catch (IllegalArgumentException e) {
            throw Flags.bad("--decimal", flag, "'.', ',' or auto");
        }
    }

    public int size() {
        return x.rows();
    }

    /** The inputs scaled with the model's scaler, in place: a second copy of a big file's rows would double its memory. */
    public Matrix scaled(jgrad.data.Scaler scaler) {
        return x.scaleInPlace(scaler);
    }

    /** The text of the kept columns, row by row, so that the table itself can go before predicting. */
    public String[][] kept(java.util.List<String> columns) {
        int[] j = columns.stream().mapToInt(c -> table.column(c, "--keep")).toArray();
        String[][] out = new String[size()][j.length];
        for (int k = 0; k < size(); k++) for (int c = 0; c < j.length; c++) out[k][c] = table.text(row(k), j[c]);
        return out;
    }

    /** Row index in the table of the k-th input. */
    public int row(int k) {
        return rows == null ? k : rows[k];
    }
}
