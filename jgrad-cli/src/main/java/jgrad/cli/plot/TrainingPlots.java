package jgrad.cli.plot;

import jgrad.model.Mlp;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import jgrad.cli.data.Feature;
import jgrad.cli.data.Prepared;
import jgrad.cli.data.Target;
import jgrad.cli.model.Predictor;
import jgrad.cli.model.Training;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The pictures {@code jgrad train --plot DIR} writes. */
public final class TrainingPlots {
    private TrainingPlots() {}

    static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34),
        new Color(23, 190, 207)};

    private static final int WIDTH = 800, HEIGHT = 500, GRID = 120;

    /** Renders loss.png, accuracy.png (r2.png for regression) and, for two numeric features and classes, regions.png. */
    public static List<Png.Image> render(Path dir, Mlp.Result result, Prepared data, Predictor predictor) {
        List<Png.Image> files = new ArrayList<>();
        List<Mlp.Epoch> epochs = result.epochs();
        boolean classes = data.schema().classification();
        // losses fall and scores rise: each legend goes where its curves are not
        files.add(curve(dir.resolve("loss.png"), "Loss per epoch", "loss", Styler.LegendPosition.InsideNE, epochs,
                Mlp.Epoch::trainLoss, Mlp.Epoch::validationLoss));
        files.add(curve(dir.resolve(classes ? "accuracy.png" : "r2.png"), (classes ? "Accuracy" : "R²") + " per epoch", classes ? "accuracy" : "R²",
                Styler.LegendPosition.InsideSE, epochs, Mlp.Epoch::trainScore, Mlp.Epoch::validationScore));
        if (classes && data.schema().features().size() == 2 && data.schema().features().stream().allMatch(Feature.Numeric.class::isInstance)) {
            files.add(Png.render(dir.resolve("regions.png"), regions(data, predictor)));
        }
        return files;
    }

    private static Png.Image curve(Path file, String title, String yLabel, Styler.LegendPosition legend, List<Mlp.Epoch> epochs,
                              ToDoubleFunction<Mlp.Epoch> train, ToDoubleFunction<Mlp.Epoch> validation) {
        double[] x = epochs.stream().mapToDouble(Mlp.Epoch::epoch).toArray();
        return Png.render(file, curve(title, yLabel, legend, x, epochs.stream().mapToDouble(train).toArray(), epochs.stream().mapToDouble(validation).toArray()));
    }

    /** Training and validation values per epoch; validation only when every value is finite. */
    static XYChart curve(String title, String yLabel, Styler.LegendPosition legend, double[] x, double[] train, double[] validation) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(legend).setMarkerSize(0).setChartBackgroundColor(Color.WHITE);
        line(chart, "train", x, train, PALETTE[0]);
        if (Arrays.stream(validation).allMatch(Double::isFinite) && validation.length > 0) line(chart, "validation", x, validation, PALETTE[1]);
        Ticks.wholeNumbersX(chart, x, train);
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
    }

    /** Each grid point coloured by the class the network predicts there, with the training rows on top. */
    private static XYChart regions(Prepared data, Predictor predictor) {
        var names = data.schema().inputNames();
        List<String> classNames = ((Target.Classes) data.schema().target()).classes();
        // axes in the file's units: undo the scaling of the training rows
        double[][] raw = unscale(data.train().x().toRows(), data.scaler().offset(), data.scaler().scale());
        double[] xr = range(raw, 0), yr = range(raw, 1);
        // the grid reaches past the axis limits, which XChart rounds outwards to tick marks; cells outside are clipped
        double[] xs = CellLayer.grid(xr[0] - (xr[1] - xr[0]) * 0.1, xr[1] + (xr[1] - xr[0]) * 0.1, GRID);
        double[] ys = CellLayer.grid(yr[0] - (yr[1] - yr[0]) * 0.1, yr[1] + (yr[1] - yr[0]) * 0.1, GRID);
        double[][] points = new double[GRID * GRID][];
        for (int i = 0; i < GRID; i++) for (int j = 0; j < GRID; j++) points[i * GRID + j] = new double[] {xs[i], ys[j]};
        int[] predicted = predictor.predict(points).classes();
        int[][] band = new int[GRID][GRID];
        for (int i = 0; i < GRID; i++) for (int j = 0; j < GRID; j++) band[i][j] = predicted[i * GRID + j];
        int k = classNames.size();
        Color[] fill = new Color[k];
        String[] none = new String[k];
        for (int c = 0; c < k; c++) fill[c] = CellLayer.light(PALETTE[c % PALETTE.length], 0.65);
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT + 100).title("Decision regions (training rows)")
                .xAxisTitle(names.get(0)).yAxisTitle(names.get(1)).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setChartBackgroundColor(Color.WHITE).setMarkerSize(7);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisMin(xr[0]).setXAxisMax(xr[1]).setYAxisMin(yr[0]).setYAxisMax(yr[1]);
        CellLayer.add(chart, xs, ys, band, fill, none, (int) ((WIDTH - 200) * 1.3), (int) ((HEIGHT + 100 - 110) * 1.3));
        for (int c = 0; c < k; c++) {
            final int cls = c;
            int[] rows = java.util.stream.IntStream.range(0, raw.length).filter(r -> data.train().labels()[r] == cls).toArray();
            if (rows.length == 0) continue;
            XYSeries s = chart.addSeries(classNames.get(c), Arrays.stream(rows).mapToDouble(r -> raw[r][0]).toArray(),
                    Arrays.stream(rows).mapToDouble(r -> raw[r][1]).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(PALETTE[c % PALETTE.length]);
        }
        Ticks.readable(chart);
        return chart;
    }

    private static double[][] unscale(double[][] x, double[] offset, double[] scale) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) out[i][j] = x[i][j] * scale[j] + offset[j];
        }
        return out;
    }

    /** The column's range with a 5% margin, so no point sits on the frame. */
    private static double[] range(double[][] x, int j) {
        double lo = Arrays.stream(x).mapToDouble(r -> r[j]).min().orElse(0), hi = Arrays.stream(x).mapToDouble(r -> r[j]).max().orElse(1);
        double pad = hi > lo ? (hi - lo) * 0.05 : 1;
        return new double[] {lo - pad, hi + pad};
    }
}
