package jgrad.cli.data;

import java.util.Set;
import java.util.regex.Pattern;
import jgrad.cli.UserException;

/** Reading one CSV cell as a number, with errors that point at the cell. */
final class Cells {
    private Cells() {}

    /** Plain decimal numbers only: Java's parser would also accept "1d", "0x1p3" and "Infinity". */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "none", "?", "-");

    static boolean isMissing(String cell) {
        return MISSING.contains(cell.strip().toLowerCase(java.util.Locale.ROOT));
    }

    static boolean isNumber(String cell) {
        return NUMBER.matcher(cell.strip()).matches();
    }

    static void checkPresent(CsvTable t, int row, int column) {
        if (isMissing(t.rows().get(row)[column])) {
            throw new UserException(t.where(row, column) + ": missing value '" + t.rows().get(row)[column]
                    + "'; jgrad does not fill gaps: remove the row or fill in the value");
        }
    }

    static double number(CsvTable t, int row, int column) {
        checkPresent(t, row, column);
        String cell = t.rows().get(row)[column];
        if (!isNumber(cell)) throw new UserException(t.where(row, column) + ": '" + cell + "' is not a number");
        double v = Double.parseDouble(cell.strip());
        if (!Double.isFinite(v)) throw new UserException(t.where(row, column) + ": '" + cell + "' is too large");
        return v;
    }
}
