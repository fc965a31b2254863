package jgrad.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.DrawnTicks;
import org.knowm.xchart.style.Styler;

/** The tick labels XChart draws with {@link Ticks}' patterns (in Locale.ROOT: the charts follow the user's locale). */
class TicksTest {
    @Test
    void patternHasTheDecimalsOfAStepOfAboutAFifthOfTheSpan() {
        assertEquals("#,##0.00", Ticks.pattern(0.01, 0.31));
        assertEquals("#,##0.0", Ticks.pattern(-3.5, 0.13));
        assertEquals("#,##0", Ticks.pattern(1, 150));
        assertEquals("#,##0.0000", Ticks.pattern(0.0012, 0.0032));
        assertEquals("0.0##E0", Ticks.pattern(0, 2e8));
        assertEquals("#,##0.###", Ticks.pattern(5, 5));
    }

    @Test
    void aLossCurveHasRoundEpochTicksAndOneNumberOfDecimals() {
        // 150 epochs from 0.31 down to 0.01: XChart alone drew epochs 1, 7, 13, ... and ".05", "0.1", "0.15"
            double[] epochs = IntStream.rangeClosed(1, 150).asDoubleStream().toArray();
            double[] loss = IntStream.rangeClosed(1, 150).mapToDouble(e -> 0.01 + 0.3 / e).toArray();
        XYChart chart = TrainingPlots.curve("Loss", "loss", Styler.LegendPosition.InsideNE, epochs, loss, loss);
        chart.getStyler().setLocale(Locale.ROOT);
        Png.render(Path.of("unused.png"), chart); // draws in memory, which computes the ticks; writes nothing
        assertEvenlySpacedRound(DrawnTicks.x(chart), 0);
        assertEvenlySpacedRound(DrawnTicks.y(chart), 2);
    }

    @Test
    void smallFeatureValuesKeepTheirLeadingZero() {
        XYChart chart = new XYChartBuilder().width(800).height(600).build();
        chart.addSeries("points", new double[] {0.0012, 0.0019, 0.0031}, new double[] {-0.7, 0.4, 2.3});
        chart.getStyler().setLocale(Locale.ROOT);
        Ticks.readable(chart);
        Png.render(Path.of("unused.png"), chart);
        assertEvenlySpacedRound(DrawnTicks.x(chart), 4); // XChart alone: ".0012", ".0014", ...
        assertTrue(DrawnTicks.x(chart).getFirst().startsWith("0.00"), DrawnTicks.x(chart).toString());
        assertEvenlySpacedRound(DrawnTicks.y(chart), 1);
    }

    /**
     * Labels with exactly {@code decimals} decimals and a leading digit, on multiples of a step of 1, 2 or 5
     * times a power of ten (XChart's list runs a step or two past the frame; those are not drawn).
     */
    private static void assertEvenlySpacedRound(List<String> labels, int decimals) {
        assertTrue(labels.size() >= 3 && labels.size() <= 25, labels.toString());
        String number = decimals == 0 ? "-?\\d[\\d,]*" : "-?\\d[\\d,]*\\.\\d{" + decimals + "}";
        labels.forEach(l -> assertTrue(l.matches(number), l + " in " + labels));
        List<BigDecimal> values = labels.stream().map(l -> new BigDecimal(l.replace(",", ""))).toList();
        BigDecimal step = values.get(1).subtract(values.get(0));
        for (int i = 1; i < values.size(); i++) assertEquals(0, step.compareTo(values.get(i).subtract(values.get(i - 1))), labels.toString());
        String digits = step.unscaledValue().toString().replaceAll("0+$", "");
        assertTrue(List.of("1", "2", "5").contains(digits), "step " + step + " in " + labels);
        assertEquals(0, values.get(0).remainder(step).signum(), "ticks on multiples of the step: " + labels);
    }
}
