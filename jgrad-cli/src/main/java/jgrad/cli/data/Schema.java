package jgrad.cli.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import jgrad.cli.Text;
import jgrad.cli.UserException;

/**
 * The columns a model reads and the column it predicts. Inferred once from the training file
 * ({@link Columns}), saved with the model, then applied by name to any later file (whose columns may be in
 * another order, and whose target column may be absent for prediction) by {@link Encoder}.
 */
public record Schema(List<Feature> features, Target target) {

    public Schema {
        features = List.copyOf(features);
    }

    /** Which columns play which part: chosen by the user's flags, the rest inferred from the data. */
    public record Roles(String target, Target.Task task, Set<String> categorical, Set<String> only, Set<String> exclude,
                        boolean indicator, int maxLevels) {
        public Roles {
            categorical = Set.copyOf(categorical);
            exclude = Set.copyOf(exclude);
            if (only != null) only = new java.util.LinkedHashSet<>(only);
        }
    }

    /** Default number of categories a column keeps before the rarest are pooled as "other". */
    public static final int MAX_LEVELS = 100;

    public static Schema infer(CsvTable t, String targetName, Target.Task task, Set<String> categorical) {
        return infer(t, targetName, task, categorical, null);
    }

    public static Schema infer(CsvTable t, String targetName, Target.Task task, Set<String> categorical, Set<String> only) {
        return infer(t, new Roles(targetName, task, categorical, only, Set.of(), false, MAX_LEVELS), new Notes());
    }

    /**
     * Reads column kinds from the data. A column is categorical when most of its values are not numbers
     * (or when named in {@code categorical}); a column of numbers with a few non-numbers in it is a numeric
     * column with typos, and those cells are reported. ID-like columns are left out unless named in --features.
     */
    public static Schema infer(CsvTable t, Roles roles, Notes notes) {
        int target = roles.target() == null ? t.header().size() - 1 : t.column(roles.target(), "--target");
        for (String name : roles.categorical()) t.column(name, "--categorical");
        for (String name : roles.exclude()) {
            if (t.column(name, "--exclude") == target) throw new UserException("--exclude: '" + Text.cell(name) + "' is the target column");
        }
        if (roles.only() != null) {
            for (String name : roles.only()) {
                if (t.column(name, "--features") == target) throw new UserException("--features: '" + Text.cell(name) + "' is the target column");
            }
        }
        if (t.header().size() < 2) throw new UserException(t.source() + ":1: need at least one feature column besides the target '" + Text.cell(t.header().get(target)) + "'");
        List<Feature> features = new ArrayList<>();
        List<String> ids = new ArrayList<>(), empty = new ArrayList<>();
        for (int j = 0; j < t.header().size(); j++) {
            String name = t.header().get(j);
            if (j == target || roles.exclude().contains(name) || (roles.only() != null && !roles.only().contains(name))) continue;
            Column c = t.column(j);
            if (c.numbers() + c.text() == 0) {
                empty.add(name);
                continue;
            }
            if (!roles.categorical().contains(name) && Columns.numbersInTheOtherMark(t, c)) throw Columns.otherMark(t, j);
            String id = roles.only() == null ? Columns.idLike(c, roles.categorical().contains(name)) : null;
            if (id != null) {
                ids.add("'" + Text.cell(name) + "' (" + id + ")");
                continue;
            }
            boolean categorical = roles.categorical().contains(name) || c.text() > c.numbers();
            // a column that began with over a thousand different numbers kept no text for them: it cannot turn categorical
            if (c.text() > 0 && (!categorical || !c.hasCodes())) throw Columns.notNumbers(t, j);
            features.add(categorical ? Columns.categorical(t, j, roles.maxLevels(), notes) : new Feature.Numeric(name));
        }
        if (t.decimal() == Numbers.Decimal.COMMA && t.decimalDetected()) notes.note("read the numbers with decimal commas, as the file writes them (--decimal . to change)");
        if (!ids.isEmpty()) {
            notes.note("left out " + Text.few(ids, 5) + ": an ID names a row rather than describes it (name it in --features to use it anyway)");
        }
        if (!empty.isEmpty()) notes.note("left out " + quoted(empty) + ": no values at all");
        if (features.isEmpty()) throw new UserException(t.source() + ": no feature columns left to learn from (pick them with --features)");
        return new Schema(features, Columns.target(t, target, roles.task(), notes));
    }

    static String quoted(List<String> names) {
        return Text.few(names.stream().map(n -> "'" + Text.cell(n) + "'").toList(), 5);
    }

    /** Sorted: numerically when every value is a number ("2" before "10"), else as text. */
    static Comparator<String> levelOrder(List<String> values) {
        boolean numeric = values.stream().allMatch(v -> !Double.isNaN(Numbers.parse(v, Numbers.Decimal.DOT)) && !Numbers.isMissing(v));
        Comparator<String> order = numeric ? Comparator.comparingDouble(s -> Numbers.parse(s, Numbers.Decimal.DOT)) : Comparator.naturalOrder();
        return order.thenComparing(Comparator.naturalOrder());
    }

    /** Number of network inputs. */
    public int inputs() {
        return features.stream().mapToInt(Feature::width).sum();
    }

    /** Number of network outputs: one per class, or one number. */
    public int outputs() {
        return target instanceof Target.Classes c ? c.classes().size() : 1;
    }

    public boolean classification() {
        return target instanceof Target.Classes;
    }

    /** Names of the network inputs: a numeric column's name, {@code column=category} per indicator, {@code column=(missing)}. */
    public List<String> inputNames() {
        List<String> names = new ArrayList<>();
        for (Feature f : features) {
            switch (f) {
                case Feature.Numeric n -> names.add(n.name());
                case Feature.Categorical c -> {
                    c.categories().forEach(v -> names.add(c.name() + "=" + v));
                    if (c.other()) names.add(c.name() + "=(other)");
                }
            }
            if (f.indicator()) names.add(f.name() + "=(missing)");
        }
        return names;
    }

    /** Which inputs are scaled: numbers are, one-hot and missing indicators stay 0/1. */
    public boolean[] scaledInputs() {
        boolean[] scaled = new boolean[inputs()];
        int at = 0;
        for (Feature f : features) {
            if (f instanceof Feature.Numeric) scaled[at] = true;
            at += f.width();
        }
        return scaled;
    }

    /** Encodes every row of {@code t} as network inputs, before scaling, filling gaps (see {@link Encoder}). */
    public double[][] encode(CsvTable t) {
        return new Encoder(this, Encoder.Policy.STRICT).encode(t, null, new Notes()).toRows();
    }

    /** True when {@code t} has the target column (prediction files may leave it out). */
    public boolean hasTarget(CsvTable t) {
        return t.header().contains(target.name());
    }

    /** Class index of every row's target. */
    public int[] labels(CsvTable t) {
        return Columns.labels(t, this, null);
    }

    /** Every row's numeric target, unscaled. */
    public double[] values(CsvTable t) {
        return Columns.values(t, this, null);
    }

    /** Class index of the given rows' targets (every row when null). */
    public int[] labels(CsvTable t, int[] rows) {
        return Columns.labels(t, this, rows);
    }

    public double[] values(CsvTable t, int[] rows) {
        return Columns.values(t, this, rows);
    }

    public Schema withTarget(Target target) {
        return new Schema(features, target);
    }

    public Schema withFeatures(List<Feature> features) {
        return new Schema(features, target);
    }
}
