package jgrad.cli.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import jgrad.cli.UserException;

/**
 * The columns a model reads and the column it predicts. Inferred once from the training file,
 * saved with the model, then applied by name to any later file (whose columns may be in another
 * order, and whose target column may be absent for prediction).
 */
public record Schema(List<Feature> features, Target target) {

    /** A numeric target with at most this many distinct whole numbers is read as class labels. */
    static final int MAX_INTEGER_CLASSES = 20;

    public Schema {
        features = List.copyOf(features);
    }

    /**
     * Reads column kinds from the data. A column is categorical when most of its values are not
     * numbers (or when named in {@code categorical}); a column of numbers with a few non-numbers
     * in it is a numeric column with a typo, and the first bad cell is reported.
     */
    public static Schema infer(CsvTable t, String targetName, Target.Task task, Set<String> categorical) {
        return infer(t, targetName, task, categorical, null);
    }

    /** As above, reading only the columns in {@code only} (all but the target when null). */
    public static Schema infer(CsvTable t, String targetName, Target.Task task, Set<String> categorical, Set<String> only) {
        int target = targetName == null ? t.header().size() - 1 : t.column(targetName, "--target");
        for (String name : categorical) t.column(name, "--categorical");
        if (only != null) {
            for (String name : only) {
                if (t.column(name, "--features") == target) throw new UserException("--features: '" + name + "' is the target column");
            }
        }
        if (t.header().size() < 2) throw new UserException(t.source() + ":1: need at least one feature column besides the target '" + t.header().get(target) + "'");
        List<Feature> features = new ArrayList<>();
        for (int j = 0; j < t.header().size(); j++) {
            String name = t.header().get(j);
            if (j == target || (only != null && !only.contains(name))) continue;
            for (int i = 0; i < t.size(); i++) Cells.checkPresent(t, i, j);
            int firstText = firstNonNumber(t, j);
            if (firstText < 0 && !categorical.contains(name)) {
                features.add(new Feature.Numeric(name));
            } else if (categorical.contains(name) || numbers(t, j) * 2 < t.size()) {
                features.add(new Feature.Categorical(name, List.copyOf(distinct(t, j))));
            } else {
                throw new UserException(t.where(firstText, j) + ": '" + t.rows().get(firstText)[j] + "' is not a number (the column's other values are;"
                        + " fix the value, or pass --categorical " + name + ")");
            }
        }
        return new Schema(features, inferTarget(t, target, task));
    }

    private static Target inferTarget(CsvTable t, int j, Target.Task task) {
        String name = t.header().get(j);
        for (int i = 0; i < t.size(); i++) Cells.checkPresent(t, i, j);
        int firstText = firstNonNumber(t, j);
        Set<String> values = distinct(t, j);
        boolean integers = firstText < 0 && t.rows().stream().allMatch(r -> Double.parseDouble(r[j].strip()) == Math.rint(Double.parseDouble(r[j].strip())));
        Target.Task resolved = switch (task) {
            case AUTO -> firstText >= 0 || (integers && values.size() <= MAX_INTEGER_CLASSES) ? Target.Task.CLASSIFICATION : Target.Task.REGRESSION;
            default -> task;
        };
        if (resolved == Target.Task.REGRESSION) {
            if (firstText >= 0) throw new UserException(t.where(firstText, j) + ": '" + t.rows().get(firstText)[j] + "' is not a number, and --task regression needs numeric targets");
            return new Target.Values(name, 0, 1);
        }
        if (values.size() < 2) {
            throw new UserException(t.source() + ": target column '" + name + "' has only one class ('" + values.iterator().next()
                    + "'); a classifier needs at least two (pick another column with --target)");
        }
        return new Target.Classes(name, List.copyOf(values));
    }

    /** Distinct values of a column, sorted: numerically when they are all numbers ("2" before "10"), else as text. */
    private static Set<String> distinct(CsvTable t, int j) {
        boolean numeric = firstNonNumber(t, j) < 0;
        Comparator<String> order = numeric ? Comparator.comparingDouble(s -> Double.parseDouble(s)) : Comparator.naturalOrder();
        Set<String> values = new TreeSet<>(order.thenComparing(Comparator.naturalOrder()));
        for (String[] r : t.rows()) values.add(r[j].strip());
        return new LinkedHashSet<>(values);
    }

    private static int firstNonNumber(CsvTable t, int j) {
        for (int i = 0; i < t.size(); i++) if (!Cells.isNumber(t.rows().get(i)[j])) return i;
        return -1;
    }

    private static long numbers(CsvTable t, int j) {
        return t.rows().stream().filter(r -> Cells.isNumber(r[j])).count();
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

    /** Names of the network inputs: a numeric column's name, or {@code column=category} per indicator. */
    public List<String> inputNames() {
        List<String> names = new ArrayList<>();
        for (Feature f : features) {
            switch (f) {
                case Feature.Numeric n -> names.add(n.name());
                case Feature.Categorical c -> c.categories().forEach(v -> names.add(c.name() + "=" + v));
            }
        }
        return names;
    }

    /** Which inputs are scaled: numbers are, one-hot indicators stay 0/1. */
    public boolean[] scaledInputs() {
        boolean[] scaled = new boolean[inputs()];
        int at = 0;
        for (Feature f : features) {
            if (f instanceof Feature.Numeric) scaled[at] = true;
            at += f.width();
        }
        return scaled;
    }

    /** Encodes the feature columns of {@code t} (found by name) as network inputs, before scaling. */
    public double[][] encode(CsvTable t) {
        int[] columns = features.stream().mapToInt(f -> t.column(f.name(), "--data (an input of the model)")).toArray();
        double[][] x = new double[t.size()][inputs()];
        for (int i = 0; i < t.size(); i++) {
            int at = 0;
            for (int k = 0; k < features.size(); k++) {
                int j = columns[k];
                switch (features.get(k)) {
                    case Feature.Numeric n -> x[i][at] = Cells.number(t, i, j);
                    case Feature.Categorical c -> {
                        Cells.checkPresent(t, i, j);
                        int v = c.categories().indexOf(t.rows().get(i)[j].strip());
                        if (v < 0) throw new UserException(t.where(i, j) + ": unknown category '" + t.rows().get(i)[j] + "' (known: " + String.join(", ", c.categories()) + ")");
                        x[i][at + v] = 1;
                    }
                }
                at += features.get(k).width();
            }
        }
        return x;
    }

    /** True when {@code t} has the target column (prediction files may leave it out). */
    public boolean hasTarget(CsvTable t) {
        return t.header().contains(target.name());
    }

    /** Class index of every row's target. */
    public int[] labels(CsvTable t) {
        if (!(target instanceof Target.Classes c)) throw new IllegalStateException("labels of a regression target");
        int j = t.column(c.name(), "--data (the model's target)");
        int[] y = new int[t.size()];
        for (int i = 0; i < t.size(); i++) {
            Cells.checkPresent(t, i, j);
            y[i] = c.classes().indexOf(t.rows().get(i)[j].strip());
            if (y[i] < 0) throw new UserException(t.where(i, j) + ": unknown class '" + t.rows().get(i)[j] + "' (the model knows: " + String.join(", ", c.classes()) + ")");
        }
        return y;
    }

    /** Every row's numeric target, unscaled. */
    public double[] values(CsvTable t) {
        int j = t.column(target.name(), "--data (the model's target)");
        double[] y = new double[t.size()];
        for (int i = 0; i < t.size(); i++) y[i] = Cells.number(t, i, j);
        return y;
    }

    public Schema withTarget(Target target) {
        return new Schema(features, target);
    }
}
