package jgrad.cli.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines by marching squares: for each level, the segments where the grid values cross it,
 * one polyline per level with NaN gaps between segments (XChart draws NaN as a break).
 */
final class Contours {
    private Contours() {}

    record Line(double level, double[] x, double[] y) {}

    /** z[i][j] is f at x = lo + (hi - lo) j / (n - 1), y = lo + (hi - lo) i / (n - 1). */
    static List<Line> of(double[][] z, double lo, double hi, int levels) {
        int n = z.length;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        if (!(max > min)) {
            return lines;
        }
        double cell = (hi - lo) / (n - 1);
        for (int k = 1; k <= levels; k++) {
            double level = min + (max - min) * k / (levels + 1);
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i + 1 < n; i++) {
                for (int j = 0; j + 1 < n; j++) {
                    crossings(z, i, j, level, lo, cell, xs, ys);
                }
            }
            if (!xs.isEmpty()) {
                lines.add(new Line(level, xs.stream().mapToDouble(Double::doubleValue).toArray(),
                        ys.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        return lines;
    }

    /** The points where the level crosses the four edges of cell (i, j), joined in pairs. */
    private static void crossings(double[][] z, int i, int j, double level, double lo, double cell,
                                  List<Double> xs, List<Double> ys) {
        double[] cx = new double[4], cy = new double[4];
        int found = 0;
        // corners in order: (i,j) (i,j+1) (i+1,j+1) (i+1,j); edges between consecutive corners
        int[][] corners = {{i, j}, {i, j + 1}, {i + 1, j + 1}, {i + 1, j}};
        for (int e = 0; e < 4; e++) {
            int[] a = corners[e], b = corners[(e + 1) % 4];
            double za = z[a[0]][a[1]] - level, zb = z[b[0]][b[1]] - level;
            if ((za < 0) != (zb < 0) && Double.isFinite(za) && Double.isFinite(zb)) {
                double t = za / (za - zb);
                cx[found] = lo + cell * (a[1] + t * (b[1] - a[1]));
                cy[found] = lo + cell * (a[0] + t * (b[0] - a[0]));
                found++;
            }
        }
        for (int p = 0; p + 1 < found; p += 2) { // a saddle (4 crossings) gives two segments
            xs.add(cx[p]);
            ys.add(cy[p]);
            xs.add(cx[p + 1]);
            ys.add(cy[p + 1]);
            xs.add(Double.NaN);
            ys.add(Double.NaN);
        }
    }

    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c),
        new Color(0x5ec962), new Color(0xfde725)};

    /** matplotlib's viridis colour map at t in [0, 1] (the seed's cmap), interpolated between 5 anchors. */
    static Color viridis(double t) {
        double s = Math.clamp(t, 0, 1) * (VIRIDIS.length - 1);
        int i = Math.min((int) s, VIRIDIS.length - 2);
        double f = s - i;
        Color a = VIRIDIS[i], b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
}
