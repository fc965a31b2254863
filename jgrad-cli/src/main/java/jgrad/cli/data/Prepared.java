package jgrad.cli.data;

import java.util.Arrays;
import jgrad.cli.UserException;
import jgrad.data.Scaler;
import jgrad.data.Split;

/**
 * A table made ready for training: encoded, split (stratified for classes), and scaled with
 * parameters fitted on the training part only. For regression the target is standardised the
 * same way and {@link Target.Values} remembers how to map predictions back.
 */
public record Prepared(Schema schema, Scaler scaler, Part train, Part validation, Part test) {

    /** Rows of one part: scaled inputs and either class indices or (scaled) target values. */
    public record Part(double[][] x, int[] labels, double[] values, int[] rows) {
        public int size() {
            return x.length;
        }

        Part select(int[] idx) {
            return new Part(pick(x, idx), labels == null ? null : Arrays.stream(idx).map(i -> labels[i]).toArray(),
                    values == null ? null : Arrays.stream(idx).mapToDouble(i -> values[i]).toArray(), idx);
        }
    }

    public static Prepared of(CsvTable t, Schema schema, Scaler.Method method, double[] fractions, long seed) {
        double[][] x = schema.encode(t);
        int[] labels = schema.classification() ? schema.labels(t) : null;
        double[] values = schema.classification() ? null : schema.values(t);
        Split split = labels != null ? Split.stratified(labels, fractions, seed) : Split.random(t.size(), fractions, seed);
        String[] parts = {"training", "validation", "test"};
        int[] sizes = {split.train().length, split.validation().length, split.test().length};
        for (int i = 0; i < 3; i++) {
            if (fractions[i] > 0 && sizes[i] == 0) {
                throw new UserException("--split: " + t.size() + " rows leave no " + parts[i] + " rows; use more rows"
                        + (i == 0 ? "" : ", or give the " + parts[i] + " part 0 (e.g. --split 1,0,0 trains on every row and reports training metrics)"));
            }
        }
        Part all = new Part(x, labels, values, null);
        Part train = all.select(split.train());
        Scaler scaler = Scaler.fit(method, train.x(), schema.scaledInputs());
        if (values != null) {
            Scaler ys = Scaler.fit(Scaler.Method.STANDARD, Arrays.stream(train.values()).mapToObj(v -> new double[] {v}).toArray(double[][]::new), new boolean[] {true});
            schema = schema.withTarget(new Target.Values(schema.target().name(), ys.offset()[0], ys.scale()[0]));
        }
        Prepared raw = new Prepared(schema, scaler, train, all.select(split.validation()), all.select(split.test()));
        return new Prepared(schema, scaler, raw.scaled(raw.train), raw.scaled(raw.validation), raw.scaled(raw.test));
    }

    /** Scales a part's inputs and (for regression) its target with the fitted parameters. */
    private Part scaled(Part p) {
        double[] v = p.values() == null ? null : Arrays.stream(p.values()).map(this::scaleTarget).toArray();
        return new Part(scaler.transform(p.x()), p.labels(), v, p.rows());
    }

    public double scaleTarget(double y) {
        Target.Values t = (Target.Values) schema.target();
        return (y - t.offset()) / t.scale();
    }

    public static double unscaleTarget(Target target, double y) {
        Target.Values t = (Target.Values) target;
        return y * t.scale() + t.offset();
    }

    static double[][] pick(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int k = 0; k < idx.length; k++) out[k] = x[idx[k]];
        return out;
    }
}
