package org.knowm.xchart.internal.chartpart;

import java.util.List;

/**
 * The tick labels XChart computed when it last drew a chart. Its axes are package-private, so this
 * test helper lives in XChart's package: tests check the labels a reader sees, not a setting.
 */
public final class DrawnTicks {
    private DrawnTicks() {}

    public static List<String> x(Chart<?, ?> chart) {
        return chart.getXAxis().getAxisTickCalculator().getTickLabels();
    }

    public static List<String> y(Chart<?, ?> chart) {
        return chart.getYAxis().getAxisTickCalculator().getTickLabels();
    }
}
