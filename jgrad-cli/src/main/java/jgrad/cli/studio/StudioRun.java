package jgrad.cli.studio;

import jgrad.model.LossKind;
import jgrad.model.Mlp;
import jgrad.model.Rows;
import jgrad.function.Activation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jgrad.tensor.Autograd;
import jgrad.cli.UserException;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Feature;
import jgrad.cli.data.Prepared;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.cli.explain.Explainer;
import jgrad.cli.model.SavedLayer;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.cli.model.Network;
import jgrad.cli.model.Training;
import jgrad.data.Scaler;
import jgrad.metrics.ClassificationMetrics;
import jgrad.nn.LayerSpec;
import jgrad.nn.Linear;
import jgrad.nn.Loss;
import jgrad.nn.Layer;
import jgrad.nn.Sequential;
import jgrad.optim.Optimizer;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;
import jgrad.train.EpochStats;
import jgrad.train.Trainer;
import jgrad.train.TrainingListener;

/**
 * The studio's one door into jgrad's engine for training: data preparation as {@code train} does it,
 * the network, loss and optimiser, the engine's {@link Trainer} stepping batch by batch, and
 * {@link Explainer} for one sample. The studio draws what this class returns and computes nothing.
 */
final class StudioRun {
    /** At most this many parameters for step mode, as {@code jgrad explain} allows. */
    static final int EXPLAIN_LIMIT = 200;
    static final int GRID = 40;
    static final int HIDDEN_GRID = 20;
    private static final double[] SPLIT = {0.8, 0.2, 0};

    record Config(String data, LayerSpec layers, LossKind loss, Mlp.OptimizerKind optimizer,
                  double lr, int batch, long seed, int epochs, double weightDecay) {
        /** The dense hidden layers' widths. */
        int[] hidden() {
            return layers.hidden();
        }

        /** The hidden layers' activation (the first one's, when a grammar mixes them), for the page's colour scale. */
        Activation activation() {
            return layers.activations().isEmpty() ? jgrad.function.Activations.IDENTITY : layers.activations().getFirst();
        }
    }

    /** What the session does between the engine's steps: blocks while paused, and names the rate of the coming update. */
    interface Driver {
        double beforeUpdate(int epoch, int batch, double loss);

        void afterEpoch(Map<String, Object> epoch);
    }

    final Config config;
    private final CsvTable table;
    private final Prepared data;
    private final Sequential net;
    private final Loss loss;
    private final Optimizer optimizer;

    StudioRun(Config c, CsvTable table) {
        this.config = c;
        this.table = table;
        Schema schema = Schema.infer(table, null, Target.Task.AUTO, Set.of());
        if (c.loss() == LossKind.CROSS_ENTROPY && !schema.classification()) {
            throw new UserException("loss: cross-entropy needs class labels, but '" + schema.target().name() + "' in " + table.source()
                    + " is numeric; choose squared error");
        }
        this.data = Prepared.of(table, schema, Scaler.Method.STANDARD, SPLIT, c.seed());
        this.net = c.layers().build(schema.inputs(), schema.outputs(), c.seed(), schema.classification() && c.loss() == LossKind.MSE);
        this.loss = c.loss().engine();
        this.optimizer = c.optimizer().create(net.parameters(), c.lr(), c.weightDecay());
    }

    /** Trains on this thread until the epochs are done, or until the driver throws. */
    void train(Driver driver) {
        Rows train = Training.rows(data.train(), outputs());
        Tensor x = train.x(), y = train.targets(config.loss());
        Trainer.Builder trainer = Trainer.builder(net, loss, optimizer).epochs(config.epochs()).batchSize(config.batch()).seed(config.seed())
                .listener(new TrainingListener() {
                    @Override
                    public void afterBackward(int epoch, int batch, Tensor l) {
                        optimizer.setLearningRate(driver.beforeUpdate(epoch, batch, l.item()));
                    }

                    @Override
                    public boolean afterEpoch(EpochStats stats) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("epoch", stats.epoch());
                        e.put("loss", stats.loss());
                        e.put("val_loss", stats.validationLoss());
                        e.put("score", score(data.train()));
                        e.put("val_score", data.validation().size() > 0 ? score(data.validation()) : Double.NaN);
                        driver.afterEpoch(e);
                        return true;
                    }
                });
        if (data.validation().size() > 0) {
            Rows validation = Training.rows(data.validation(), outputs());
            trainer.validation(validation.x(), validation.targets(config.loss()));
        }
        trainer.build().fit(x, y);
    }

    private double score(Prepared.Part p) {
        return Mlp.score(net, Training.rows(p, outputs()));
    }

    boolean classification() {
        return data.schema().classification();
    }

    private int outputs() {
        return data.schema().outputs();
    }

    /** Whether the decision regions can be drawn: two numeric features. */
    boolean planar() {
        return data.schema().features().size() == 2 && data.schema().features().stream().allMatch(f -> f instanceof Feature.Numeric);
    }

    /** The data set as the page shows it: names, sizes, the layer widths, and the rows (raw) for the plane. */
    Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        Schema s = data.schema();
        m.put("data", table.source());
        m.put("features", s.features().stream().map(Feature::name).toList());
        m.put("target", s.target().name());
        m.put("task", classification() ? "classification" : "regression");
        if (s.target() instanceof Target.Classes c) m.put("classes", c.classes());
        m.put("rows", Map.of("train", data.train().size(), "validation", data.validation().size()));
        List<Integer> widths = new ArrayList<>();
        widths.add(s.inputs());
        for (int h : config.hidden()) widths.add(h);
        widths.add(s.outputs());
        m.put("widths", widths);
        m.put("inputs", s.inputNames());
        m.put("activation", config.activation().name());
        m.put("output", classification() && config.loss() == LossKind.MSE ? "softmax" : classification() ? "logits (softmax in the loss)" : "identity");
        m.put("parameters", net.parameterCount());
        m.put("explainable", net.parameterCount() <= EXPLAIN_LIMIT);
        m.put("planar", planar());
        if (planar()) {
            m.put("train_points", points(data.train()));
            m.put("validation_points", points(data.validation()));
            m.put("bounds", bounds());
        }
        return m;
    }

    private List<double[]> points(Prepared.Part p) {
        int[] cols = featureColumns();
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            int r = p.rows()[i];
            out.add(new double[] {table.column(cols[0]).number(r), table.column(cols[1]).number(r), p.labels() != null ? p.labels()[i] : p.values()[i]});
        }
        return out;
    }

    private int[] featureColumns() {
        return data.schema().features().stream().mapToInt(f -> table.header().indexOf(f.name())).toArray();
    }

    /** The plane shown: the rows' range with a margin. */
    private double[] bounds() {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (var part : List.of(data.train(), data.validation())) {
            for (double[] p : points(part)) {
                b[0] = Math.min(b[0], p[0]); b[1] = Math.max(b[1], p[0]);
                b[2] = Math.min(b[2], p[1]); b[3] = Math.max(b[3], p[1]);
            }
        }
        double mx = (b[1] - b[0]) * 0.08 + 1e-9, my = (b[3] - b[2]) * 0.08 + 1e-9;
        return new double[] {b[0] - mx, b[1] + mx, b[2] - my, b[3] + my};
    }

    /** The weights now (copies, safe to read from any thread); call on the training thread. */
    List<SavedLayer> layers() {
        return Network.layers(net);
    }

    /**
     * The decision regions on a GRID × GRID raster of the plane (row-major, x fastest): the network's
     * output (the class it picks and its probability, or the number), and on a coarser HIDDEN_GRID
     * raster (their boxes are small) every hidden neuron's activation. Rounded to 3 decimals: they are colours.
     */
    Map<String, Object> regions() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<double[]> hidden = new ArrayList<>();
        double[][] out = forward(GRID, null);
        forward(HIDDEN_GRID, hidden);
        m.put("hidden", hidden.stream().map(StudioRun::rounded).toList());
        m.put("hidden_grid", HIDDEN_GRID);
        if (classification()) {
            int[] cls = ClassificationMetrics.argmax(out);
            double[] conf = new double[out.length];
            for (int r = 0; r < out.length; r++) conf[r] = out[r][cls[r]];
            m.put("class", cls);
            m.put("confidence", rounded(conf));
        } else {
            m.put("value", rounded(java.util.Arrays.stream(out).mapToDouble(r -> r[0]).toArray()));
        }
        return m;
    }

    /** The outputs (probabilities for classes) on an n × n raster of the plane; with {@code hidden} not null, each hidden neuron's activations too. */
    private double[][] forward(int n, List<double[]> hidden) {
        double[] b = bounds();
        double[][] grid = new double[n * n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                grid[i * n + j] = new double[] {b[0] + (b[1] - b[0]) * (j + 0.5) / n, b[3] - (b[3] - b[2]) * (i + 0.5) / n};
            }
        }
        Tensor a = Tensor.of(data.scaler().transform(grid));
        List<Layer> modules = net.layers();
        try (var ignored = Autograd.noGrad()) {
            for (int k = 0; k < modules.size(); k++) {
                a = modules.get(k).forward(a);
                // a hidden layer's output: its activation's, or a linear layer's that has none, with a dense layer after it
                // (dropout and batch norm in between are not neurons of their own)
                boolean blockEnd = modules.get(k) instanceof jgrad.nn.ActivationLayer
                        || modules.get(k) instanceof Linear && !(k + 1 < modules.size() && modules.get(k + 1) instanceof jgrad.nn.ActivationLayer);
                boolean hiddenLayer = blockEnd && modules.subList(k + 1, modules.size()).stream().anyMatch(m -> m instanceof Linear);
                if (hidden != null && hiddenLayer) {
                    double[][] v = a.toArray2D();
                    for (int h = 0; h < v[0].length; h++) {
                        double[] column = new double[v.length];
                        for (int r = 0; r < v.length; r++) column[r] = v[r][h];
                        hidden.add(column);
                    }
                }
            }
            if (classification() && config.loss() == LossKind.CROSS_ENTROPY) a = a.softmax(1);
        }
        return a.toArray2D();
    }

    private static double[] rounded(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = Math.round(v[i] * 1000) / 1000.0;
        return r;
    }

    /**
     * Step mode: one training row's forward and backward pass on {@code layers}, as {@code jgrad explain}
     * prints it, plus the raw row (what to pass to {@code jgrad explain --input/--target}).
     */
    Map<String, Object> explain(List<SavedLayer> layers, int row, double lr) {
        if (net.parameterCount() > EXPLAIN_LIMIT) {
            throw new UserException("step mode: " + net.parameterCount() + " parameters is too many to explain step by step (at most "
                    + EXPLAIN_LIMIT + "); use fewer or narrower layers");
        }
        Prepared.Part train = data.train();
        if (row < 0 || row >= train.size()) throw new UserException("row: " + row + " is not a training row (0 to " + (train.size() - 1) + ")");
        double[] y;
        String className = null;
        if (data.schema().target() instanceof Target.Classes c) {
            y = new double[c.classes().size()];
            y[train.labels()[row]] = 1;
            className = c.classes().get(train.labels()[row]);
        } else {
            y = new double[] {train.values()[row]};
        }
        Explainer.Loss kind = config.loss() == LossKind.CROSS_ENTROPY ? Explainer.Loss.CROSS_ENTROPY : Explainer.Loss.MSE;
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            Explainer.explain(layers, train.x().row(row), y, kind, lr, className, out);
        }
        int raw = train.rows()[row];
        List<String> input = java.util.Arrays.stream(featureColumns()).mapToObj(j -> table.text(raw, j)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row", row);
        m.put("input", String.join(",", input));
        m.put("target", table.text(raw, table.header().indexOf(data.schema().target().name())));
        m.put("x", train.x().row(row));
        m.put("lines", text.toString().lines().toList());
        return m;
    }

    /** The model file of {@code layers}, byte for byte as {@code train --out} writes it. */
    byte[] modelFile(List<SavedLayer> layers) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("data", table.source());
        note.put("hidden", config.hidden());
        note.put("activation", config.activation().name());
        note.put("layers", config.layers().toString());
        note.put("optimizer", config.optimizer().name().toLowerCase(java.util.Locale.ROOT));
        note.put("lr", config.lr());
        note.put("weight_decay", config.weightDecay());
        note.put("batch", config.batch());
        note.put("seed", config.seed());
        note.put("split", SPLIT);
        note.put("written_by", "jgrad studio");
        Model model = new Model(data.schema(), data.scaler(), layers, config.loss(), DType.FLOAT64, note);
        try {
            Path dir = Files.createTempDirectory("jgrad-studio");
            Path file = dir.resolve("model.json");
            try {
                ModelFile.write(model, file);
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
