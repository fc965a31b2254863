package jgrad.cli.plot;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import jgrad.tensor.Autograd;
import jgrad.tensor.Tensor;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The cost of seed 002's NOT-gate network over its two weights: h = σ(w0·x + w1) on
 * X = [[0, 1], [1, 1]] (input, constant bias input) with targets y = [1, 0]. Squared error
 * (1/m)Σ(h − y)² has wide flat plateaus where σ saturates, so gradient descent stalls there;
 * cross-entropy −Σ[y·ln h + (1 − y)·ln(1 − h)] keeps a slope everywhere outside the valley.
 */
public final class SurfacePlot {
    private SurfacePlot() {}

    public enum Cost {
        MSE("squared error (1/m)Σ(h−y)²"),
        CROSS_ENTROPY("cross-entropy −Σ[y ln h + (1−y) ln(1−h)]");

        final String title;

        Cost(String title) {
            this.title = title;
        }
    }

    static final double[][] X = {{0, 1}, {1, 1}};
    static final double[] Y = {1, 0};
    private static final int LEVELS = 12;

    /** The cost at every (w0, w1) of the grid: {@code cost[i][j]} at {@code w0[i]}, {@code w1[j]}, computed by the engine in one batch. */
    public static double[][] costs(Cost cost, double[] w0, double[] w1) {
        int n = w0.length * w1.length;
        double[] w = new double[2 * n];
        for (int i = 0; i < w0.length; i++) {
            for (int j = 0; j < w1.length; j++) {
                w[i * w1.length + j] = w0[i];
                w[n + i * w1.length + j] = w1[j];
            }
        }
        try (var ignored = Autograd.noGrad()) {
            // one column of W per grid point: H = σ(X·W) holds both samples' outputs for every point
            Tensor h = Tensor.of(X).matmul(Tensor.fromArray(w, 2, n)).sigmoid();
            Tensor y = Tensor.fromArray(Y, 2, 1);
            Tensor c = switch (cost) {
                case MSE -> h.sub(y).mul(h.sub(y)).mean(0, false);
                case CROSS_ENTROPY -> y.mul(h.log()).add(y.neg().add(1).mul(h.neg().add(1).log())).neg().sum(0, false);
            };
            double[] flat = c.toDoubleArray();
            double[][] out = new double[w0.length][w1.length];
            for (int i = 0; i < w0.length; i++) System.arraycopy(flat, i * w1.length, out[i], 0, w1.length);
            return out;
        }
    }

    /** The cell centres of a grid of {@code n} points over {@code range}. */
    public static double[] grid(double[] range, int n) {
        return CellLayer.grid(range[0], range[1], n);
    }

    /** Filled contour charts, one per cost, side by side. */
    public static Png.Image render(Path file, List<Cost> costs, double[] w0Range, double[] w1Range, int grid) {
        List<XYChart> charts = costs.stream().map(c -> chart(c, w0Range, w1Range, grid)).toList();
        return Png.render(file, charts);
    }

    private static XYChart chart(Cost cost, double[] w0Range, double[] w1Range, int grid) {
        // a little past the range: XChart rounds the axes out to tick marks, and cells beyond the frame are clipped
        double m0 = (w0Range[1] - w0Range[0]) * 0.07, m1 = (w1Range[1] - w1Range[0]) * 0.07;
        double[] w0 = CellLayer.grid(w0Range[0] - m0, w0Range[1] + m0, grid), w1 = CellLayer.grid(w1Range[0] - m1, w1Range[1] + m1, grid);
        double[][] c = costs(cost, w0, w1);
        // the colour scale spans the range asked for (what the command prints); the margin's cells are clamped to it
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : costs(cost, grid(w0Range, grid), grid(w1Range, grid))) for (double v : row) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        int[][] band = new int[grid][grid];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) band[i][j] = Math.clamp((long) Math.floor((c[i][j] - lo) / (hi - lo) * LEVELS), 0, LEVELS - 1);
        }
        Color[] colors = new Color[LEVELS];
        String[] names = new String[LEVELS];
        for (int b = 0; b < LEVELS; b++) {
            colors[b] = viridis(b / (LEVELS - 1.0));
            names[b] = String.format("%.3g – %.3g", lo + (hi - lo) * b / LEVELS, lo + (hi - lo) * (b + 1) / LEVELS);
        }
        XYChart chart = new XYChartBuilder().width(700).height(560).title(cost.title).xAxisTitle("w0 (input weight)").yAxisTitle("w1 (bias weight)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setChartBackgroundColor(Color.WHITE).setMarkerSize(8);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisMin(w0Range[0]).setXAxisMax(w0Range[1]).setYAxisMin(w1Range[0]).setYAxisMax(w1Range[1]);
        CellLayer.add(chart, w0, w1, band, colors, names, 560, 520);
        Ticks.readable(chart);
        return chart;
    }

    /** A few stops of matplotlib's viridis: dark blue = low cost, yellow = high, readable in grey too. */
    private static Color viridis(double t) {
        double[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double p = t * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) p);
        double f = p - k;
        return new Color((int) (stops[k][0] + f * (stops[k + 1][0] - stops[k][0])), (int) (stops[k][1] + f * (stops[k + 1][1] - stops[k][1])),
                (int) (stops[k][2] + f * (stops[k + 1][2] - stops[k][2])));
    }
}
