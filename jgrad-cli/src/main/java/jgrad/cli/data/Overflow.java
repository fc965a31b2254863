package jgrad.cli.data;

import jgrad.cli.Text;
import jgrad.cli.UserException;
import jgrad.data.Scaler;

/**
 * Values so large that scaling them overflows float64 (a mean of 1e308s, or their squared spread) would
 * train on infinities; such a column is named with the line of its largest value before any work.
 */
final class Overflow {
    private Overflow() {}

    /** The largest magnitude whose sums and squared deviations over {@code n} rows stay finite. */
    static double limit(Scaler.Method method, int n) {
        return method == Scaler.Method.MINMAX ? Double.MAX_VALUE / 4 : Math.sqrt(Double.MAX_VALUE / Math.max(1, n)) / 2;
    }

    static void check(CsvTable t, Schema schema, Scaler.Method method, Matrix x, int[] rows) {
        double limit = limit(method, x.rows());
        int at = 0;
        for (Feature f : schema.features()) {
            if (f instanceof Feature.Numeric) {
                int worst = -1;
                for (int r = 0; r < x.rows(); r++) if (Math.abs(x.get(r, at)) > limit && (worst < 0 || Math.abs(x.get(r, at)) > Math.abs(x.get(worst, at)))) worst = r;
                if (worst >= 0) throw error(t, f.name(), rows[worst], x.get(worst, at), limit);
            }
            at += f.width();
        }
    }

    static void checkTarget(CsvTable t, String name, double[] y, int[] rows) {
        double limit = limit(Scaler.Method.STANDARD, y.length);
        int worst = -1;
        for (int r = 0; r < y.length; r++) if (Math.abs(y[r]) > limit && (worst < 0 || Math.abs(y[r]) > Math.abs(y[worst]))) worst = r;
        if (worst >= 0) throw error(t, name, rows[worst], y[worst], limit);
    }

    private static UserException error(CsvTable t, String name, int row, double value, double limit) {
        int j = t.column(name, "--data");
        return new UserException(t.where(row, j) + ": " + Text.cell(t.text(row, j)) + " is too large to scale in float64 (keep values below about "
                + Numbers.format(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.0e", limit))) + "): rescale the column, or leave it out with --exclude " + Text.cell(name));
    }
}
