package jgrad.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import jgrad.cli.plot.Png;
import jgrad.cli.plot.SurfacePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "surface", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw the cost surface of seed 002's NOT-gate network over its two weights.",
                "h = σ(w0·x + w1), X = [[0,1],[1,1]], y = [1,0]: squared error next to cross-entropy."},
        footer = {"", "Example:", "  jgrad surface --out surface.png", "  jgrad surface --loss mse --w0 -8,8 --w1 -8,8 --out mse.png"})
final class SurfaceCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--loss", paramLabel = "COST", description = "mse|cross-entropy|both (default: ${DEFAULT-VALUE})")
    String loss = "both";
    @Option(names = "--out", paramLabel = "FILE", description = "PNG file to write (default: ${DEFAULT-VALUE})")
    Path out = Path.of("surface.png");
    @Option(names = "--w0", paramLabel = "FROM,TO", description = "range of the input weight (default: ${DEFAULT-VALUE}, as in the seed)")
    String w0 = "-15,15";
    @Option(names = "--w1", paramLabel = "FROM,TO", description = "range of the bias weight (default: ${DEFAULT-VALUE})")
    String w1 = "-15,15";
    @Option(names = "--grid", paramLabel = "N", description = "grid points per axis (default: ${DEFAULT-VALUE})")
    int grid = 100;

    @Override
    public Integer call() {
        List<SurfacePlot.Cost> costs = switch (loss.strip()) {
            case "mse" -> List.of(SurfacePlot.Cost.MSE);
            case "cross-entropy" -> List.of(SurfacePlot.Cost.CROSS_ENTROPY);
            case "both" -> List.of(SurfacePlot.Cost.MSE, SurfacePlot.Cost.CROSS_ENTROPY);
            default -> throw Flags.bad("--loss", loss, "mse|cross-entropy|both");
        };
        double[] r0 = range("--w0", w0), r1 = range("--w1", w1);
        if (grid < 2 || grid > 1000) throw Flags.bad("--grid", Flags.typed(spec, "--grid", grid), "an integer from 2 to 1000");
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) throw Flags.bad("--out", out.toString(), "a file name ending in .png");
        AtomicFile.checkWritable(out, "--out");
        Png.Image image = SurfacePlot.render(out, costs, r0, r1, grid);
        image.write();
        PrintWriter o = spec.commandLine().getOut();
        for (SurfacePlot.Cost c : costs) {
            double[] w0s = SurfacePlot.grid(r0, grid), w1s = SurfacePlot.grid(r1, grid);
            double[][] v = SurfacePlot.costs(c, w0s, w1s);
            int bi = 0, bj = 0;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < grid; i++) {
                for (int j = 0; j < grid; j++) {
                    if (v[i][j] < v[bi][bj]) { bi = i; bj = j; }
                    hi = Math.max(hi, v[i][j]);
                }
            }
            o.printf("%-13s from %.4g (at w0 = %.3g, w1 = %.3g) to %.4g%n", Flags.label(c), v[bi][bj], w0s[bi], w1s[bj], hi);
        }
        o.println("wrote " + out);
        return 0;
    }

    private static double[] range(String flag, String value) {
        Double[] r = Flags.list(flag, value, "FROM,TO with FROM < TO, e.g. -15,15", Double::valueOf, Double[]::new);
        if (r.length != 2 || !(r[0] < r[1]) || Arrays.stream(r).anyMatch(v -> !Double.isFinite(v))) throw Flags.bad(flag, value, "FROM,TO with FROM < TO, e.g. -15,15");
        return new double[] {r[0], r[1]};
    }
}
