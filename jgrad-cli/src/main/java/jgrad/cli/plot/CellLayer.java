package jgrad.cli.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;

/**
 * A filled grid drawn on an ordinary XY chart: each cell is a square marker in its band's colour,
 * so filled regions (decision regions, cost contours) share numeric axes with the points on top.
 */
final class CellLayer {
    private CellLayer() {}

    /** A square of a fixed size in pixels, whatever the chart's marker size. */
    private static final class Cell extends Marker {
        private final double width;
        private final double height;

        Cell(double width, double height) {
            this.width = width;
            this.height = height;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            g.fill(new Rectangle2D.Double(x - width / 2, y - height / 2, width, height));
        }
    }

    /**
     * Adds one series per band: cell (i, j) at ({@code xs[i]}, {@code ys[j]}) in colour {@code colors[band[i][j]]}.
     * The cell size is the plot's pixel size over the grid size, slightly enlarged so no gaps show.
     */
    static void add(XYChart chart, double[] xs, double[] ys, int[][] band, Color[] colors, String[] names, int plotWidth, int plotHeight) {
        Cell cell = new Cell(plotWidth / (double) xs.length + 1, plotHeight / (double) ys.length + 1);
        for (int b = 0; b < colors.length; b++) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (int i = 0; i < xs.length; i++) {
                for (int j = 0; j < ys.length; j++) {
                    if (band[i][j] == b) {
                        x.add(xs[i]);
                        y.add(ys[j]);
                    }
                }
            }
            if (x.isEmpty()) continue;
            boolean named = names[b] != null && !names[b].isEmpty();
            XYSeries s = chart.addSeries(named ? names[b] : "cells " + b, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(cell);
            s.setMarkerColor(colors[b]);
            s.setShowInLegend(named);
        }
    }

    static double[] grid(double lo, double hi, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = lo + (hi - lo) * (i + 0.5) / n;
        return g;
    }

    /** Mixes a colour with white: light fills under strong points. */
    static Color light(Color c, double amount) {
        return new Color((int) (c.getRed() + (255 - c.getRed()) * amount), (int) (c.getGreen() + (255 - c.getGreen()) * amount),
                (int) (c.getBlue() + (255 - c.getBlue()) * amount));
    }
}
