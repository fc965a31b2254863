package jgrad.cli.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Tick labels people can read. XChart's own pattern drops the leading zero (".05") and varies the
 * decimals from tick to tick ("0.5", "0.55"); one pattern per axis, with the decimals its tick step
 * needs, gives "0.05, 0.10, 0.15". When a pattern has too few decimals for XChart's step, two ticks
 * print alike, and XChart then takes a coarser step of its own: labels are never rounded wrongly.
 */
final class Ticks {
    private Ticks() {}

    /** Sets both axes' patterns from the ranges shown; call once every series is added. */
    static void readable(XYChart chart) {
        var s = chart.getStyler();
        double[] x = range(chart, true, s.getXAxisMin(), s.getXAxisMax()), y = range(chart, false, s.getYAxisMin(), s.getYAxisMax());
        s.setXAxisDecimalPattern(pattern(x[0], x[1])).setYAxisDecimalPattern(pattern(y[0], y[1]));
    }

    /**
     * An x axis of whole numbers (epochs) with ticks at round steps (10, 20, 30). For equally spaced x
     * values XChart ticks every k-th value from the first (1, 7, 13, ...); one invisible point between
     * the first two breaks the spacing, so it picks a round step as for any other data.
     */
    static void wholeNumbersX(XYChart chart, double[] x, double[] y) {
        if (x.length >= 2) {
            XYSeries anchor = chart.addSeries(" ", new double[] {(x[0] + x[1]) / 2}, new double[] {y[0]});
            anchor.setMarker(SeriesMarkers.NONE);
            anchor.setShowInLegend(false);
        }
        readable(chart);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
    }

    /**
     * A DecimalFormat pattern for an axis from lo to hi: as many decimals as a step of about a fifth
     * of the span needs (span 0.3: "0.00"; span 4: "0.0"; span 40: "#,##0"), scientific for values
     * of a million or more, or all below 0.0001.
     */
    static String pattern(double lo, double hi) {
        double magnitude = Math.max(Math.abs(lo), Math.abs(hi)), span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) return "#,##0.###"; // one value or none: XChart draws one tick
        if (magnitude >= 1e6 || magnitude < 1e-4) return "0.0##E0";
        int decimals = (int) Math.clamp(-Math.floor(Math.log10(span / 5)), 0, 10);
        return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    }

    /** The finite data range of all series along one axis, or the axis limits the chart sets. */
    private static double[] range(XYChart chart, boolean x, Double min, Double max) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesMap().values()) {
            for (double v : x ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {min != null ? min : lo, max != null ? max : hi};
    }
}
