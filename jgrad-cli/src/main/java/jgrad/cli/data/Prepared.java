package jgrad.cli.data;

import java.util.Arrays;
import java.util.List;
import jgrad.cli.Text;
import jgrad.cli.UserException;
import jgrad.data.Scaler;
import jgrad.data.Folds;
import jgrad.data.Split;

/**
 * A table made ready for training: rows without a target left out, gaps filled (or their rows dropped),
 * encoded, split (stratified for classes), and scaled with parameters fitted on the training part only.
 * For regression the target is standardised the same way and {@link Target.Values} remembers how to map
 * predictions back.
 */
public record Prepared(Schema schema, Scaler scaler, Part train, Part validation, Part test) {

    /** Rows of one part: scaled inputs and either class indices or (scaled) target values; {@code rows} are the table's rows. */
    public record Part(Matrix x, int[] labels, double[] values, int[] rows) {
        public int size() {
            return x.rows();
        }
    }

    public static Prepared of(CsvTable t, Schema schema, Scaler.Method method, double[] fractions, long seed) {
        return of(t, schema, method, fractions, seed, Gaps.Missing.IMPUTE, false, new Notes());
    }

    public static Prepared of(CsvTable t, Schema schema, Scaler.Method method, double[] fractions, long seed,
                              Gaps.Missing missing, boolean indicator, Notes notes) {
        return of(t, schema, method, missing, indicator, notes,
                labels -> labels != null ? Split.stratified(labels, fractions, seed) : null, n -> Split.random(n, fractions, seed), fractions);
    }

    /**
     * Round {@code fold} of {@code k}-fold cross-validation: that fold's rows are the test part, and the other
     * folds are split into training and validation rows by {@code validation} (a fraction), stratified for classes.
     * The folds are the same for every round of one seed.
     */
    public static Prepared fold(CsvTable t, Schema schema, Scaler.Method method, int k, int fold, double validation, long seed,
                                Gaps.Missing missing, boolean indicator, Notes notes) {
        double[] rest = {1 - validation, validation, 0};
        return of(t, schema, method, missing, indicator, notes, labels -> labels == null ? null : foldSplit(Folds.stratified(labels, k, seed), fold,
                f -> Split.stratified(Arrays.stream(f).map(i -> labels[i]).toArray(), rest, seed)),
                n -> foldSplit(Folds.random(n, k, seed), fold, f -> Split.random(f.length, rest, seed)), new double[] {1 - validation, validation, 1.0 / k});
    }

    /** The test fold, and the training folds cut into training and validation rows by {@code cut} (indices into them). */
    private static Split foldSplit(Folds folds, int fold, java.util.function.Function<int[], Split> cut) {
        int[] others = folds.train(fold);
        Split inner = cut.apply(others);
        return new Split(Arrays.stream(inner.train()).map(i -> others[i]).toArray(), Arrays.stream(inner.validation()).map(i -> others[i]).toArray(), folds.test(fold));
    }

    private static Prepared of(CsvTable t, Schema schema, Scaler.Method method, Gaps.Missing missing, boolean indicator, Notes notes,
                               java.util.function.Function<int[], Split> byClass, java.util.function.IntFunction<Split> byRows, double[] fractions) {
        int[] rows = usableRows(t, schema, missing, notes);
        int[] labels = schema.classification() ? Columns.labels(t, schema, rows) : null;
        double[] values = schema.classification() ? null : Columns.values(t, schema, rows);
        Split split = labels != null ? byClass.apply(labels) : byRows.apply(rows.length);
        String[] parts = {"training", "validation", "test"};
        int[] sizes = {split.train().length, split.validation().length, split.test().length};
        for (int i = 0; i < 3; i++) {
            if (fractions[i] > 0 && sizes[i] == 0) {
                throw new UserException("--split: " + rows.length + " rows leave no " + parts[i] + " rows; use more rows"
                        + (i == 0 ? "" : ", or give the " + parts[i] + " part 0 (e.g. --split 1,0,0 trains on every row and reports training metrics)"));
            }
        }
        int[] trainRows = Arrays.stream(split.train()).map(k -> rows[k]).toArray();
        schema = schema.withFeatures(Gaps.fitted(t, schema.features(), trainRows, indicator));
        if (missing == Gaps.Missing.IMPUTE) noteFilled(t, schema, rows, notes);
        // each part is encoded into its own array, which the tensors then share: no copy of a big table's rows
        Encoder encoder = new Encoder(schema, new Encoder.Policy(true, false));
        Part[] part = new Part[3];
        int[][] picks = {split.train(), split.validation(), split.test()};
        for (int k = 0; k < 3; k++) {
            int[] idx = picks[k], tableRows = Arrays.stream(idx).map(i -> rows[i]).toArray();
            part[k] = new Part(encoder.encode(t, tableRows, notes), labels == null ? null : Arrays.stream(idx).map(i -> labels[i]).toArray(),
                    values == null ? null : Arrays.stream(idx).mapToDouble(i -> values[i]).toArray(), tableRows);
            if (k == 0) Overflow.check(t, schema, method, part[0].x(), trainRows);
        }
        Scaler scaler = Scaler.fit(method, part[0].x().data(), schema.scaledInputs());
        if (values != null) {
            Overflow.checkTarget(t, schema.target().name(), part[0].values(), trainRows);
            Scaler ys = Scaler.fit(Scaler.Method.STANDARD, part[0].values(), new boolean[] {true});
            schema = schema.withTarget(new Target.Values(schema.target().name(), ys.offset()[0], ys.scale()[0]));
        }
        Prepared raw = new Prepared(schema, scaler, part[0], part[1], part[2]);
        return new Prepared(schema, scaler, raw.scaled(part[0]), raw.scaled(part[1]), raw.scaled(part[2]));
    }

    /** Rows with a target, and with every feature present when gaps are dropped or refused. */
    private static int[] usableRows(CsvTable t, Schema schema, Gaps.Missing missing, Notes notes) {
        int target = t.column(schema.target().name(), "--target");
        int[] features = schema.features().stream().mapToInt(f -> t.column(f.name(), "--data")).toArray();
        if (missing == Gaps.Missing.ERROR) Gaps.refuse(t, features, null, "");
        Column y = t.column(target);
        if (y.missing() > 0) {
            notes.note("left out the rows without a target value: " + Gaps.describe(t, new int[] {target}, null).getFirst());
        }
        int[] keep = new int[t.size()];
        int n = 0, dropped = 0;
        for (int i = 0; i < t.size(); i++) {
            if (y.isMissing(i)) continue;
            boolean complete = true;
            if (missing == Gaps.Missing.DROP) for (int j : features) complete &= !t.column(j).isMissing(i);
            if (complete) keep[n++] = i;
            else dropped++;
        }
        if (dropped > 0) {
            notes.note(String.format(java.util.Locale.ROOT, "left out %,d rows with missing values (--missing drop): %s", dropped, Text.few(Gaps.describe(t, features, null), 4)));
        }
        if (n == 0) throw new UserException(t.source() + ": no rows left " + (dropped > 0 ? "once rows with gaps are dropped (try --missing impute)" : "with a target value"));
        return Arrays.copyOf(keep, n);
    }

    private static void noteFilled(CsvTable t, Schema schema, int[] rows, Notes notes) {
        List<String> parts = Gaps.describe(t, schema.features().stream().mapToInt(f -> t.column(f.name(), "--data")).toArray(), rows);
        if (parts.isEmpty()) return;
        List<String> fills = schema.features().stream().filter(f -> t.column(t.column(f.name(), "--data")).missing() > 0).map(f -> switch (f) {
            case Feature.Numeric n -> "'" + Text.cell(n.name()) + "' " + Numbers.format(n.fill());
            case Feature.Categorical c -> "'" + Text.cell(c.name()) + "' '" + Text.cell(c.fill()) + "'";
        }).toList();
        notes.note("filled missing values with the training rows' median or most frequent value: " + Text.few(parts, 4) + "; with " + Text.few(fills, 4)
                + " (--missing drop|error to change)");
    }

    /** Scales a part's inputs in place (each row belongs to one part) and, for regression, its target. */
    private Part scaled(Part p) {
        double[] v = p.values() == null ? null : Arrays.stream(p.values()).map(this::scaleTarget).toArray();
        return new Part(p.x().scaleInPlace(scaler), p.labels(), v, p.rows());
    }

    public double scaleTarget(double y) {
        Target.Values t = (Target.Values) schema.target();
        return (y - t.offset()) / t.scale();
    }

    public static double unscaleTarget(Target target, double y) {
        Target.Values t = (Target.Values) target;
        return y * t.scale() + t.offset();
    }
}
