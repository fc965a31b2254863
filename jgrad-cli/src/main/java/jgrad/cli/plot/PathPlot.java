package jgrad.cli.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jgrad.cli.AtomicFile;
import jgrad.cli.UserException;
import jgrad.optimize.Iterate;
import jgrad.optimize.Minimum;
import jgrad.symbolic.CompiledFunction;
import jgrad.symbolic.Expr;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The seed's figure: the gradient-descent path in red on the contour lines of f (two variables), or
 * on the curve of f (one variable). Contours come from {@link Contours} (XChart has no contour plot).
 */
public final class PathPlot {
    private static final int GRID = 200, LEVELS = 50;

    private PathPlot() {}

    /** Fails early, before any work, when the file or the formula cannot be plotted. */
    public static void check(Path file, int variables) {
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new UserException("--plot: the file must end in .png, got " + file);
        }
        AtomicFile.checkWritable(file, "--plot");
        if (variables > 2) {
            throw new UserException("--plot draws formulas of 1 or 2 variables; this one has " + variables);
        }
    }

    public static void write(Path file, Expr f, List<String> vars, Minimum m) {
        System.setProperty("java.awt.headless", "true");
        List<double[]> points = new ArrayList<>();
        points.add(m.start());
        m.path().stream().map(Iterate::point).filter(p -> java.util.Arrays.stream(p).allMatch(Double::isFinite)).forEach(points::add);
        CompiledFunction cf = f.compile(vars.toArray(String[]::new));
        XYChart chart = vars.size() == 2 ? contour(f, cf, vars, points) : curve(f, cf, vars.getFirst(), points);
        XYSeries path = chart.addSeries("Gradient Descent Path", points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> vars.size() == 2 ? p[1] : cf.apply(p)).toArray());
        path.setLineColor(Color.RED);
        path.setMarkerColor(Color.RED);
        path.setMarker(SeriesMarkers.CIRCLE);
        Ticks.readable(chart);
        Png.render(file, chart).write();
    }

    private static XYChart contour(Expr f, CompiledFunction cf, List<String> vars, List<double[]> points) {
        // the seed's square window: from the smallest coordinate - 1 to the largest (or its mirror)
        double lo = points.stream().mapToDouble(p -> Math.min(p[0], p[1])).min().orElseThrow() - 1;
        double hi = Math.max(points.stream().mapToDouble(p -> Math.max(p[0], p[1])).max().orElseThrow(), -lo);
        double[][] z = new double[GRID][GRID];
        double[][] columns = new double[2][GRID * GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                columns[0][i * GRID + j] = lo + (hi - lo) * j / (GRID - 1);
                columns[1][i * GRID + j] = lo + (hi - lo) * i / (GRID - 1);
            }
        }
        double[] values = new double[GRID * GRID];
        cf.applyAll(columns, values);
        for (int i = 0; i < GRID; i++) {
            System.arraycopy(values, i * GRID, z[i], 0, GRID);
        }
        XYChart chart = base("Gradient descent path on f(" + vars.get(0) + ", " + vars.get(1) + ") = " + f, vars.get(0), vars.get(1));
        List<Contours.Line> lines = Contours.of(z, lo, hi, LEVELS);
        for (int k = 0; k < lines.size(); k++) {
            Contours.Line line = lines.get(k);
            XYSeries s = chart.addSeries("level " + k, line.x(), line.y());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Contours.viridis((double) k / Math.max(1, lines.size() - 1)));
            s.setLineWidth(1f);
            s.setShowInLegend(false);
        }
        return chart;
    }

    private static XYChart curve(Expr f, CompiledFunction cf, String var, List<double[]> points) {
        double lo = points.stream().mapToDouble(p -> p[0]).min().orElseThrow() - 1;
        double hi = points.stream().mapToDouble(p -> p[0]).max().orElseThrow() + 1;
        int n = 400;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = lo + (hi - lo) * i / (n - 1);
        }
        cf.applyAll(new double[][] {xs}, ys);
        XYChart chart = base("Gradient descent path on f(" + var + ") = " + f, var, "f(" + var + ")");
        XYSeries s = chart.addSeries("f(" + var + ")", xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new Color(0x3b528b));
        return chart;
    }

    private static XYChart base(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(800).height(600).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesStroke(new BasicStroke(0.5f));
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        return chart;
    }
}
