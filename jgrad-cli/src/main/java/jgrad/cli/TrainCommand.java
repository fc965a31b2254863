package jgrad.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Datasets;
import jgrad.cli.data.Prepared;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.cli.model.Layer;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.cli.model.Network;
import jgrad.cli.model.Predictor;
import jgrad.cli.model.Training;
import jgrad.cli.plot.Png;
import jgrad.cli.plot.TrainingPlots;
import jgrad.cli.report.Evaluation;
import jgrad.cli.report.Json;
import jgrad.cli.report.Progress;
import jgrad.data.Scaler;
import jgrad.tensor.DType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network on a CSV file or a bundled data set, report on the held-out test rows.",
                "With no options: one hidden layer of 64 ReLU units on the bundled digits (8x8 images of hand-written digits)."},
        footer = {"", "Examples:", "  jgrad train", "  jgrad train --data iris --layers 16 --plot plots",
                "  jgrad train --data houses.csv --target price --out model.json"})
final class TrainCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "CSV|NAME", description = "CSV file with a header row, or a bundled set: iris, wine, digits (default: ${DEFAULT-VALUE})")
    String data = "digits";
    @Option(names = "--target", paramLabel = "COLUMN", description = "column to predict (default: the last)")
    String target;
    @Option(names = "--features", paramLabel = "COLUMNS", description = "use only these columns as inputs (default: all but the target)")
    String features;
    @Option(names = "--task", paramLabel = "TASK", description = "auto|classification|regression (default: ${DEFAULT-VALUE}: text or few whole numbers = classes)")
    String task = "auto";
    @Option(names = "--categorical", paramLabel = "COLUMNS", description = "treat these numeric-looking columns as categories (one-hot)")
    String categorical = "";
    @Option(names = "--split", paramLabel = "TRAIN,VAL,TEST", description = "fractions of the rows (default: ${DEFAULT-VALUE}); stratified for classes")
    String split = "0.7,0.15,0.15";
    @Option(names = "--scale", paramLabel = "HOW", description = "standard|minmax|none, fitted on the training rows (default: ${DEFAULT-VALUE})")
    String scale = "standard";
    @Option(names = "--layers", paramLabel = "SIZES", description = "hidden layer sizes, e.g. 64,32; 'none' = a linear model (default: ${DEFAULT-VALUE})")
    String layers = "64";
    @Option(names = "--activation", paramLabel = "FN", description = "relu|tanh|sigmoid for the hidden layers (default: ${DEFAULT-VALUE})")
    String activation = "relu";
    @Option(names = "--loss", paramLabel = "LOSS", description = "auto|mse|cross-entropy (default: ${DEFAULT-VALUE}: cross-entropy for classes, mse for numbers)")
    String loss = "auto";
    @Option(names = "--optimizer", paramLabel = "OPT", description = "sgd|momentum|adam (default: ${DEFAULT-VALUE})")
    String optimizer = "adam";
    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate (default: 0.01 for adam, 0.1 for sgd, 0.05 for momentum)")
    Double lr;
    @Option(names = "--weight-decay", paramLabel = "L2", description = "L2 penalty on the weights: pulls them towards 0, smoother boundaries (default: ${DEFAULT-VALUE})")
    double weightDecay = 1e-3;
    @Option(names = "--epochs", paramLabel = "N", description = "maximum number of passes over the training rows (default: ${DEFAULT-VALUE})")
    int epochs = 200;
    @Option(names = "--batch", paramLabel = "N", description = "rows per update: 1 = stochastic, 0 or 'full' = full batch (default: ${DEFAULT-VALUE})")
    String batch = "32";
    @Option(names = "--seed", paramLabel = "N", description = "seed for the split, the initial weights and the batch order (default: ${DEFAULT-VALUE})")
    long seed = 0;
    @Option(names = "--patience", paramLabel = "N", description = "stop after N epochs without a better validation loss, keep the best weights; 0 = never (default: ${DEFAULT-VALUE})")
    int patience = 20;
    @Option(names = "--dtype", paramLabel = "TYPE", description = "float64|float32 (default: ${DEFAULT-VALUE})")
    String dtype = "float64";
    @Option(names = "--out", paramLabel = "FILE", description = "save the trained model (JSON) to FILE")
    Path out;
    @Option(names = "--plot", paramLabel = "DIR", description = "write PNG charts to DIR (created if missing; its parent must exist): loss.png, accuracy.png (r2.png for numbers), regions.png for classes in two numeric features")
    Path plot;
    @Option(names = "--quiet", description = "print only the final report")
    boolean quiet;
    @Option(names = "--json", description = "print the final report as one JSON object on the last line")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        // every flag and file is checked before any work, so a mistake writes nothing
        Training.Settings settings = settings();
        double[] fractions = fractions();
        Scaler.Method method = Flags.choice("--scale", scale, Scaler.Method.class);
        Target.Task taskKind = Flags.choice("--task", task, Target.Task.class);
        if (out != null) AtomicFile.checkWritable(out, "--out");
        if (plot != null) AtomicFile.checkWritableDirectory(plot, "--plot");

        CsvTable table = Datasets.open(data);
        Set<String> categories = Set.of(Flags.list("--categorical", categorical, "column names", s -> s, String[]::new));
        Set<String> only = features == null ? null : new java.util.LinkedHashSet<>(List.of(Flags.list("--features", features, "column names", s -> s, String[]::new)));
        if (only != null && only.isEmpty()) throw Flags.bad("--features", features, "one or more column names");
        Schema schema = Schema.infer(table, target, taskKind, categories, only);
        settings = resolveLoss(settings, schema);
        Prepared prepared = Prepared.of(table, schema, method, fractions, seed);

        boolean chatty = !quiet && !json;
        if (chatty) header(o, table, prepared, settings);
        Training.Result result;
        try (Progress progress = Progress.start(chatty, settings.epochs(), schema.classification())) {
            result = Training.fit(prepared, settings, progress.shown() || plot != null, progress::epoch);
        }
        Model model = new Model(prepared.schema(), prepared.scaler(), Network.layers(result.network()), settings.loss(), settings.dtype(), trainingNote(settings));
        Predictor predictor = new Predictor(model, result.network());
        Prepared.Part test = prepared.test().size() > 0 ? prepared.test() : prepared.train();
        Evaluation evaluation = evaluate(predictor, prepared, test);

        List<Png.Image> charts = plot == null ? List.of() : TrainingPlots.render(plot, result, prepared, predictor);
        if (plot != null) AtomicFile.createDirectory(plot, "--plot");
        if (out != null) ModelFile.write(model, out);
        charts.forEach(Png.Image::write);
        double samplesPerSecond = prepared.train().size() * (double) result.epochs().size() / result.seconds();
        if (json) {
            Map<String, Object> report = jsonReport(prepared, settings, result, evaluation, samplesPerSecond);
            if (test != prepared.test()) report.put("evaluated_on", "train"); // --split with no test rows
            o.println(Json.line(report));
        } else {
            summary(o, result, samplesPerSecond);
            evaluation.print(o, test == prepared.test() ? "test" : "training (no test rows)");
            if (out != null) o.println("\nmodel saved to " + out + "  (jgrad predict --model " + out + " --data new.csv)");
            if (plot != null) o.println("charts: " + String.join(", ", charts.stream().map(c -> c.file().toString()).toList()));
        }
        return 0;
    }

    static Evaluation evaluate(Predictor predictor, Prepared prepared, Prepared.Part part) {
        Predictor.Predictions p = predictor.predictScaled(part.x());
        if (prepared.schema().target() instanceof Target.Classes c) return Evaluation.classes(part.labels(), p.classes(), c.classes());
        double[] actual = Arrays.stream(part.values()).map(v -> Prepared.unscaleTarget(prepared.schema().target(), v)).toArray();
        return Evaluation.values(actual, p.values());
    }

    // settings(), resolveLoss(), fractions(), trainingNote(), summary(): package-private for jgrad-spark's jgrad.cli.TrainFlags
    Training.Settings settings() {
        int[] hidden = Arrays.stream(Flags.list("--layers", layers, "comma-separated positive sizes such as 64,32, or none", Integer::valueOf, Integer[]::new))
                .mapToInt(Integer::intValue).toArray();
        if (Arrays.stream(hidden).anyMatch(h -> h < 1)) throw Flags.bad("--layers", layers, "positive sizes such as 64,32");
        Layer.Function act = Layer.Function.parse(activation.strip());
        if (act != Layer.Function.RELU && act != Layer.Function.TANH && act != Layer.Function.SIGMOID) throw Flags.bad("--activation", activation, "relu|tanh|sigmoid");
        Model.LossKind lossKind = loss.strip().equals("auto") ? null : Model.LossKind.parse(loss.strip());
        if (lossKind == null && !loss.strip().equals("auto")) throw Flags.bad("--loss", loss, "auto|mse|cross-entropy");
        Training.OptimizerKind opt = Flags.choice("--optimizer", optimizer, Training.OptimizerKind.class);
        double rate = lr != null ? Flags.positive(spec, "--lr", lr) : switch (opt) {
            case ADAM -> 0.01;
            case SGD -> 0.1;
            case MOMENTUM -> 0.05;
        };
        int b;
        try {
            b = batch.strip().equals("full") ? 0 : Integer.parseInt(batch.strip());
        } catch (NumberFormatException e) {
            throw Flags.bad("--batch", batch, "a number of rows, 1 = stochastic, 0 or full = full batch");
        }
        Flags.atLeast(spec, "--batch", b, 0);
        DType type = Flags.choice("--dtype", dtype, DType.class);
        return new Training.Settings(hidden, act, lossKind, opt, rate, Flags.atLeast(spec, "--epochs", epochs, 1), b, seed,
                Flags.atLeast(spec, "--patience", patience, 0), type, Flags.nonNegative(spec, "--weight-decay", weightDecay));
    }

    static Training.Settings resolveLoss(Training.Settings s, Schema schema) {
        Model.LossKind l = s.loss();
        if (l == null) l = schema.classification() ? Model.LossKind.CROSS_ENTROPY : Model.LossKind.MSE;
        if (l == Model.LossKind.CROSS_ENTROPY && !schema.classification()) {
            throw new UserException("--loss cross-entropy needs class labels, but target '" + schema.target().name() + "' is numeric (use --loss mse, or --task classification)");
        }
        return new Training.Settings(s.hidden(), s.activation(), l, s.optimizer(), s.lr(), s.epochs(), s.batch(), s.seed(), s.patience(), s.dtype(), s.weightDecay());
    }

    double[] fractions() {
        Double[] f = Flags.list("--split", split, "three fractions TRAIN,VALIDATION,TEST adding up to 1, e.g. 0.7,0.15,0.15", Double::valueOf, Double[]::new);
        double[] v = Arrays.stream(f).mapToDouble(Double::doubleValue).toArray();
        if (v.length != 3 || Arrays.stream(v).anyMatch(x -> !(x >= 0)) || v[0] <= 0 || Math.abs(v[0] + v[1] + v[2] - 1) > 1e-6) {
            throw Flags.bad("--split", split, "three fractions TRAIN,VALIDATION,TEST adding up to 1, e.g. 0.7,0.15,0.15");
        }
        return v;
    }

    Map<String, Object> trainingNote(Training.Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("hidden", s.hidden());
        m.put("activation", s.activation().label());
        m.put("optimizer", Flags.label(s.optimizer()));
        m.put("lr", s.lr());
        m.put("weight_decay", s.weightDecay());
        m.put("batch", s.batch());
        m.put("epochs", s.epochs());
        m.put("patience", s.patience());
        m.put("seed", s.seed());
        m.put("split", fractions());
        return m;
    }

    private void header(PrintWriter o, CsvTable table, Prepared p, Training.Settings s) {
        Schema schema = p.schema();
        String what = schema.target() instanceof Target.Classes c ? c.classes().size() + " classes" : "a number";
        o.printf("data      %s: %d rows, %d feature columns -> %d inputs; target '%s' (%s)%n", data, table.size(), schema.features().size(),
                schema.inputs(), schema.target().name(), what);
        o.printf("split     %d train / %d validation / %d test%s, seed %d; %s scaling fitted on train%n", p.train().size(), p.validation().size(),
                p.test().size(), schema.classification() ? " (stratified)" : "", seed, Flags.label(p.scaler().method()));
        StringBuilder arch = new StringBuilder().append(schema.inputs());
        for (int h : s.hidden()) arch.append(" -> ").append(h).append(' ').append(s.activation().label());
        arch.append(" -> ").append(schema.outputs());
        if (schema.classification() && s.loss() == Model.LossKind.MSE) arch.append(" softmax");
        o.printf("network   %s, %s; loss %s; %s lr %s, weight decay %s, batch %s, up to %d epochs (patience %d)%n", arch, Flags.label(s.dtype()),
                s.loss().label(), Flags.label(s.optimizer()), s.lr(), s.weightDecay(), s.batch() == 0 ? "full" : s.batch(), s.epochs(), s.patience());
        o.flush();
    }

    static void summary(PrintWriter o, Training.Result r, double samplesPerSecond) {
        String why = switch (r.history().stoppedBy()) {
            case PATIENCE -> "validation loss stopped improving; kept the weights of epoch " + r.history().bestEpoch();
            case MAX_EPOCHS -> "all epochs ran" + (r.history().bestEpoch() < r.epochs().size() ? "; kept the weights of epoch " + r.history().bestEpoch() : "");
            case LOSS_BELOW_THRESHOLD -> "loss below threshold";
            case LISTENER -> "stopped";
        };
        o.printf("trained   %d epochs in %.2f s (%,.0f samples/s): %s%n%n", r.epochs().size(), r.seconds(), samplesPerSecond, why);
    }

    private Map<String, Object> jsonReport(Prepared p, Training.Settings s, Training.Result r, Evaluation test, double samplesPerSecond) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("task", p.schema().classification() ? "classification" : "regression");
        m.put("rows", jgrad.cli.report.Json.object("train", p.train().size(), "validation", p.validation().size(), "test", p.test().size()));
        m.put("inputs", p.schema().inputs());
        m.put("hidden", s.hidden());
        m.put("outputs", p.schema().outputs());
        m.put("loss", s.loss().label());
        m.put("optimizer", Flags.label(s.optimizer()));
        m.put("lr", s.lr());
        m.put("epochs", r.epochs().size());
        m.put("best_epoch", r.history().bestEpoch());
        m.put("stopped_by", Flags.label(r.history().stoppedBy()));
        m.put("seconds", r.seconds());
        m.put("samples_per_second", samplesPerSecond);
        m.put("test", test.json());
        if (out != null) m.put("model", out.toString());
        return m;
    }
}
