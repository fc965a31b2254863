package jgrad.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jgrad.cli.UserException;
import jgrad.cli.data.Feature;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;

/**
 * {@code jgrad train}'s schema inference ({@code jgrad.cli.data.Schema.infer}) on column statistics
 * instead of a table held in memory: the same decisions, in the same order, with the same one-line
 * errors. A row is named as {@code jgrad train} names it, {@code file.csv:LINE} for one CSV file read
 * whole, otherwise by its row number in the data set ({@code data.parquet: row 7}).
 */
record SchemaInference(String source, List<String> header, boolean csvLines) {

    /** Where row {@code row} (0-based, in the data's order), column {@code j} is, for error messages. */
    String where(long row, int j) {
        String at = csvLines ? source + ":" + (row + 2) : source + ": row " + (row + 1);
        return at + ": column '" + header.get(j) + "' (" + (j + 1) + ")";
    }

    /** Index of a column by name, or {@code jgrad train}'s error listing the names there are. */
    int column(String name, String flag) {
        int j = header.indexOf(name);
        if (j < 0) throw new UserException(flag + ": no column '" + name + "' in " + source + " (columns: " + String.join(", ", header) + ")");
        return j;
    }

    /** The target column and checks of the flags that name columns, before any pass over the data. */
    int target(String targetName, Set<String> categorical, Set<String> only) {
        if (header.isEmpty()) throw new UserException(source + ": empty file (expected a header row, then one row per sample)");
        int target = targetName == null ? header.size() - 1 : column(targetName, "--target");
        for (String name : categorical) column(name, "--categorical");
        if (only != null) {
            for (String name : only) {
                if (column(name, "--features") == target) throw new UserException("--features: '" + name + "' is the target column");
            }
        }
        if (header.size() < 2) throw new UserException(source + ":1: need at least one feature column besides the target '" + header.get(target) + "'");
        return target;
    }

    /** The columns that become inputs, in the data's order. */
    List<Integer> featureColumns(int target, Set<String> only) {
        List<Integer> columns = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) if (j != target && (only == null || only.contains(header.get(j)))) columns.add(j);
        return columns;
    }

    Schema infer(ColumnStats[] stats, long rows, int target, Target.Task task, Set<String> categorical, Set<String> only) {
        if (rows == 0) throw new UserException(source + ": no data rows" + (csvLines ? " after the header" : ""));
        List<Feature> features = new ArrayList<>();
        for (int j : featureColumns(target, only)) {
            String name = header.get(j);
            ColumnStats s = stats[j];
            checkPresent(s, j);
            if (s.firstText < 0 && !categorical.contains(name)) {
                features.add(new Feature.Numeric(name));
            } else if (categorical.contains(name) || s.numbers * 2 < rows) {
                checkDistinct(s, j, "categories");
                features.add(new Feature.Categorical(name, List.copyOf(s.sortedDistinct())));
            } else {
                throw new UserException(where(s.firstText, j) + ": '" + s.text + "' is not a number (the column's other values are;"
                        + " fix the value, or pass --categorical " + name + ")");
            }
        }
        return new Schema(features, inferTarget(stats[target], target, task));
    }

    private Target inferTarget(ColumnStats s, int j, Target.Task task) {
        String name = header.get(j);
        checkPresent(s, j);
        boolean integers = s.firstText < 0 && s.integers;
        Target.Task resolved = switch (task) {
            case AUTO -> s.firstText >= 0 || (integers && !s.tooMany && s.distinct.size() <= 20) ? Target.Task.CLASSIFICATION : Target.Task.REGRESSION;
            default -> task;
        };
        if (resolved == Target.Task.REGRESSION) {
            if (s.firstText >= 0) throw new UserException(where(s.firstText, j) + ": '" + s.text + "' is not a number, and --task regression needs numeric targets");
            return new Target.Values(name, 0, 1);
        }
        checkDistinct(s, j, "classes");
        if (s.distinct.size() < 2) {
            throw new UserException(source + ": target column '" + name + "' has only one class ('" + s.distinct.iterator().next()
                    + "'); a classifier needs at least two (pick another column with --target)");
        }
        return new Target.Classes(name, List.copyOf(s.sortedDistinct()));
    }

    private void checkPresent(ColumnStats s, int j) {
        if (s.firstMissing >= 0) {
            throw new UserException(where(s.firstMissing, j) + ": missing value '" + s.missingText
                    + "'; jgrad does not fill gaps: remove the row or fill in the value");
        }
    }

    private void checkDistinct(ColumnStats s, int j, String what) {
        if (s.tooMany) {
            throw new UserException(source + ": column '" + header.get(j) + "' (" + (j + 1) + ") has more than " + ColumnStats.MAX_DISTINCT
                    + " distinct values, too many " + what + " (an identifier? leave it out with --features)");
        }
    }
}
