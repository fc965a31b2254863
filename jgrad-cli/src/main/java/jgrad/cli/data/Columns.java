package jgrad.cli.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jgrad.cli.Text;
import jgrad.cli.UserException;

/** What a column is, judged from its values: an ID, numbers with typos, categories, the target's classes. */
final class Columns {
    private Columns() {}

    /** A numeric target with at most this many distinct whole numbers is read as class labels. */
    static final int MAX_INTEGER_CLASSES = 20;
    /** A classifier wants rows to learn each class from: fewer than this on average is not a class target. */
    static final int MIN_ROWS_PER_CLASS = 5;

    /** {@code id}, {@code customerID}, {@code order_id}, {@code uuid}, pandas' {@code Unnamed: 0}. */
    private static final Pattern ID_NAME = Pattern.compile("(?i)^(id|uuid|guid|index|unnamed: ?\\d+)$|(?i)[ _.-](id|uuid|guid)$|[a-z0-9](ID|Id)$|(?i)^id[ _.-]");

    /**
     * An ID-like column: text whose every value differs (10 rows or more), or whole numbers that all differ
     * under a name like {@code customerID}. (Numbers that merely all differ are what measurements do.)
     */
    static String idLike(Column c, boolean categorical) {
        int present = c.size() - c.missing();
        boolean named = ID_NAME.matcher(c.name()).find();
        if (present < (named ? 2 : 10)) return null;
        String why = String.format(java.util.Locale.ROOT, "all %,d values differ%s", present, named ? ", and the name says ID" : "");
        if (c.text() > c.numbers() || categorical) {
            return c.hasCodes() && c.levels().size() == present && (named || c.text() > 0) ? why : null;
        }
        if (!named || c.text() > 0 || c.missing() > 0) return null;
        for (int i = 0; i < c.size(); i++) if (c.number(i) != Math.rint(c.number(i))) return null;
        double[] sorted = new double[c.size()];
        for (int i = 0; i < sorted.length; i++) sorted[i] = c.number(i);
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) if (sorted[i] == sorted[i - 1]) return null;
        return why;
    }

    /** The error for a column of numbers with a few other cells: the first few of them, by line. */
    static UserException notNumbers(CsvTable t, int j) {
        Column c = t.column(j);
        int[] rows = c.textSamples();
        StringBuilder more = new StringBuilder();
        for (int k = 1; k < rows.length && k < 4; k++) {
            more.append(k > 1 ? ", " : "").append("line ").append(t.line(rows[k])).append(" '").append(Text.cell(c.textSample(k))).append('\'');
        }
        String cell = Text.cell(c.textSample(0));
        String others = c.text() == 1 ? "" : (c.text() == 2 ? ", nor is 1 more (" : ", nor are " + (c.text() - 1) + " more (") + more + (c.text() > 4 ? ", ..." : "") + ")";
        String hint = decimalHint(t, c);
        return new UserException(t.where(rows[0], j) + ": '" + cell + "' is not a number" + others + " (the column's other values are;"
                + (c.text() == 1 ? " fix the value" : " fix them") + ", or pass --categorical " + Text.cell(c.name()) + hint + ")");
    }

    /** Text cells that would all be numbers with the other decimal mark: numbers read with the wrong one, not categories. */
    static boolean numbersInTheOtherMark(CsvTable t, Column c) {
        if (c.text() == 0) return false;
        char other = t.decimal() == Numbers.Decimal.DOT ? ',' : '.';
        for (int k = 0; k < c.textSamples().length; k++) if (Numbers.plain(c.textSample(k), other) == null) return false;
        return true;
    }

    static UserException otherMark(CsvTable t, int j) {
        Column c = t.column(j);
        String other = t.decimal() == Numbers.Decimal.DOT ? "," : ".";
        return new UserException(t.where(c.textSamples()[0], j) + ": '" + Text.cell(c.textSample(0)) + "' is not a number with the decimal mark '"
                + t.decimal().symbol() + "'" + (t.decimalDetected() ? " (as most of the file writes them)" : "") + "; for '" + other + "' pass --decimal " + other
                + " (or --categorical " + Text.cell(c.name()) + " for categories)");
    }

    private static String decimalHint(CsvTable t, Column c) {
        Numbers.Decimal other = t.decimal() == Numbers.Decimal.DOT ? Numbers.Decimal.COMMA : Numbers.Decimal.DOT;
        for (int k = 0; k < c.textSamples().length; k++) {
            if (Numbers.plain(c.textSample(k), other.mark) != null) {
                return "; numbers were read with the decimal mark '" + t.decimal().symbol() + "'" + (t.decimalDetected() ? " (as most of the file writes them)" : "")
                        + ": for '" + other.symbol() + "' pass --decimal " + other.symbol();
            }
        }
        return "";
    }

    /** Counts of each value's text over the present cells, in first-seen order. */
    private static Map<String, Integer> counts(Column c) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        if (c.hasCodes()) {
            int[] byCode = new int[c.levels().size()];
            for (int i = 0; i < c.size(); i++) if (c.code(i) >= 0) byCode[c.code(i)]++;
            for (int k = 0; k < byCode.length; k++) counts.put(c.levels().get(k), byCode[k]);
        } else {
            for (int i = 0; i < c.size(); i++) if (!c.isMissing(i)) counts.merge(c.text(i), 1, Integer::sum);
        }
        return counts;
    }

    /** A categorical feature; beyond {@code maxLevels} categories the rarest share one "other" input. */
    static Feature.Categorical categorical(CsvTable t, int j, int maxLevels, Notes notes) {
        Column c = t.column(j);
        Map<String, Integer> counts = counts(c);
        List<String> levels = new ArrayList<>(counts.keySet());
        boolean other = levels.size() > maxLevels;
        if (other) {
            levels.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
            levels = new ArrayList<>(levels.subList(0, maxLevels));
            long covered = levels.stream().mapToLong(counts::get).sum();
            notes.note(String.format(java.util.Locale.ROOT, "column '%s' has %,d categories: kept the %d most frequent (%.0f%% of the rows); the others share the input '%s=(other)' (--max-categories N to change)",
                    Text.cell(c.name()), counts.size(), maxLevels, 100.0 * covered / (c.size() - c.missing()), Text.cell(c.name())));
        }
        levels.sort(Schema.levelOrder(levels));
        return new Feature.Categorical(c.name(), levels, other, null, false);
    }

    static Target target(CsvTable t, int j, Target.Task task, Notes notes) {
        Column c = t.column(j);
        String name = c.name();
        int present = c.size() - c.missing();
        if (present == 0) throw new UserException(t.source() + ": the target column '" + Text.cell(name) + "' has no values");
        boolean integers = c.text() == 0;
        for (int i = 0; integers && i < c.size(); i++) integers = c.isMissing(i) || c.number(i) == Math.rint(c.number(i));
        int distinct = c.hasCodes() ? c.levels().size() : Integer.MAX_VALUE;
        Target.Task resolved = switch (task) {
            case AUTO -> c.text() > 0 || (integers && distinct <= MAX_INTEGER_CLASSES) ? Target.Task.CLASSIFICATION : Target.Task.REGRESSION;
            default -> task;
        };
        if (resolved == Target.Task.REGRESSION) {
            if (c.text() > 0) {
                int row = c.textSamples()[0];
                throw new UserException(t.where(row, j) + ": '" + Text.cell(c.textSample(0)) + "' is not a number, and --task regression needs numeric targets" + decimalHint(t, c));
            }
            return new Target.Values(name, 0, 1);
        }
        if (!c.hasCodes() || distinct > MAX_INTEGER_CLASSES && distinct * MIN_ROWS_PER_CLASS > present) {
            String count = c.hasCodes() ? String.format(java.util.Locale.ROOT, "%,d", distinct) : "more than " + Column.CODE_LIMIT;
            throw new UserException(String.format(java.util.Locale.ROOT, "%s: target column '%s' has %s classes among %,d rows, too many to learn as classes; "
                    + "if it is a number, use --task regression%s", t.source(), Text.cell(name), count, present, decimalHint(t, c)));
        }
        Map<String, Integer> counts = counts(c);
        List<String> classes = new ArrayList<>(counts.keySet());
        if (classes.size() < 2) {
            throw new UserException(t.source() + ": target column '" + Text.cell(name) + "' has only one class ('" + Text.cell(classes.getFirst())
                    + "'); a classifier needs at least two (pick another column with --target)");
        }
        classes.sort(Schema.levelOrder(classes));
        warnRareClasses(t, j, counts, notes);
        return new Target.Classes(name, classes);
    }

    /** A class with one or two rows among classes of many is a typo or a cut-off last line more often than a class. */
    private static void warnRareClasses(CsvTable t, int j, Map<String, Integer> counts, Notes notes) {
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> rare = counts.entrySet().stream().filter(e -> e.getValue() <= 2 && most >= 10 * e.getValue()).map(Map.Entry::getKey).toList();
        if (rare.isEmpty()) return;
        Column c = t.column(j);
        String described = rare.stream().limit(3).map(r -> {
            List<Integer> lines = new ArrayList<>();
            for (int i = 0; i < c.size() && lines.size() < counts.get(r); i++) if (r.equals(c.text(i))) lines.add(t.line(i));
            return "'" + Text.cell(r) + "' (" + (lines.size() == 1 ? "line " : "lines ") + lines.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
        }).collect(Collectors.joining(", "));
        notes.warn(t.source() + ": column '" + Text.cell(c.name()) + "': " + (rare.size() == 1 ? "class " : rare.size() + " classes ") + described
                + (rare.size() > 3 ? " and more" : "") + " with at most 2 rows, against up to " + most + " for the others: a truncated or mistyped label?");
    }

    /** Class index of each row's target; rows null = every row. A gap or an unknown class is an error. */
    static int[] labels(CsvTable t, Schema s, int[] rows) {
        Target.Classes classes = (Target.Classes) s.target();
        int j = t.column(classes.name(), "--data (the model's target)");
        Column c = t.column(j);
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.classes().size(); k++) index.put(classes.classes().get(k), k);
        int n = rows == null ? t.size() : rows.length;
        int[] y = new int[n];
        for (int k = 0; k < n; k++) {
            int i = rows == null ? k : rows[k];
            if (c.isMissing(i)) throw new UserException(t.where(i, j) + ": missing target value");
            Integer label = index.get(c.text(i));
            if (label == null) throw new UserException(t.where(i, j) + ": unknown class '" + Text.cell(c.text(i)) + "' (the model knows: " + Text.few(classes.classes().stream().map(Text::cell).toList(), 8) + ")");
            y[k] = label;
        }
        return y;
    }

    /** Each row's numeric target, unscaled; rows null = every row. */
    static double[] values(CsvTable t, Schema s, int[] rows) {
        int j = t.column(s.target().name(), "--data (the model's target)");
        Column c = t.column(j);
        int n = rows == null ? t.size() : rows.length;
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            int i = rows == null ? k : rows[k];
            if (c.isMissing(i)) throw new UserException(t.where(i, j) + ": missing target value");
            if (!c.isNumber(i)) throw new UserException(t.where(i, j) + ": '" + Text.cell(c.text(i)) + "' is not a number");
            y[k] = c.number(i);
        }
        return y;
    }
}
