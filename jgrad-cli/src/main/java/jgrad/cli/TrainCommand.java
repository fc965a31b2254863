package jgrad.cli;

import jgrad.model.Mlp;
import jgrad.model.LossKind;
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
import jgrad.cli.data.Gaps;
import jgrad.cli.data.Inputs;
import jgrad.cli.data.Notes;
import jgrad.cli.data.Numbers;
import jgrad.cli.data.Prepared;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.function.Activation;
import jgrad.function.Activations;
import jgrad.nn.LayerSpec;
import jgrad.nn.LayerSpecException;
import jgrad.train.Schedule;
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
import jgrad.cli.studio.LiveRun;
import jgrad.data.Scaler;
import jgrad.tensor.DType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network on a CSV file or a bundled data set, report on the held-out test rows.",
                "With no options: one hidden layer of 64 ReLU units on the bundled digits (8x8 images of hand-written digits)."},
        footer = {"", "Examples:", "  ./jgrad train", "  ./jgrad train --data iris --layers 16 --plot plots",
                "  ./jgrad train --data houses.csv --target price --out model.json",
                "  ./jgrad train --data churn.csv --target Churn --missing-indicator --out churn.json"})
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
    @Option(names = "--exclude", paramLabel = "COLUMNS", description = "leave these columns out (ID-like columns are left out on their own, with a note)")
    String exclude = "";
    @Option(names = "--missing-indicator", description = "add a 0/1 input per column with gaps: 'this value was missing'")
    boolean missingIndicator;
    @picocli.CommandLine.Mixin DataOptions reading;
    @Option(names = "--max-categories", paramLabel = "N", description = "categories kept per column; the rarer ones share one 'other' input (default: ${DEFAULT-VALUE})")
    int maxCategories = Schema.MAX_LEVELS;
    @Option(names = "--split", paramLabel = "TRAIN,VAL,TEST", description = "fractions of the rows (default: ${DEFAULT-VALUE}); stratified for classes")
    String split = "0.7,0.15,0.15";
    @Option(names = "--scale", paramLabel = "HOW", description = "standard|minmax|none, fitted on the training rows (default: ${DEFAULT-VALUE})")
    String scale = "standard";
    @Option(names = "--layers", paramLabel = "SPEC", description = {"hidden layers: sizes such as 64,32 with --activation, or the layer grammar,",
            "e.g. relu(64)|dropout(0.2)|batchnorm|tanh(32) (any activation, linear(N), dropout(P), batchnorm, softmax; l1=, l2= penalties: relu(64, l2=1e-4));",
            "'none' = a linear model (default: ${DEFAULT-VALUE})"})
    String layers = "64";
    @Option(names = "--activation", paramLabel = "FN", completionCandidates = Network.HiddenActivations.class,
            description = "${COMPLETION-CANDIDATES} for the hidden layers given as sizes (default: relu); swish is silu")
    String activation;
    @Option(names = "--lr-schedule", paramLabel = "SPEC", description = {"learning rate per epoch: constant, warmup(N), step(N, γ), exponential(γ), cosine(min), plateau(factor, patience),",
            "phases joined by |, e.g. warmup(5)|cosine (default: constant)"})
    String lrSchedule;
    @Option(names = "--clip-norm", paramLabel = "N", description = "scale the gradients down to a global norm of at most N before each update")
    Double clipNorm;
    @Option(names = "--clip-value", paramLabel = "V", description = "clip each gradient component into [-V, V] before each update")
    Double clipValue;
    @Option(names = "--class-weight", paramLabel = "HOW", description = "none|balanced: weigh classes by n / (k · count), as scikit-learn (default: ${DEFAULT-VALUE})")
    String classWeight = "none";
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
    @Option(names = "--live", arity = "0..1", fallbackValue = "0", paramLabel = "PORT",
            description = "watch the training in the browser (jgrad studio's page) on PORT (default: any free port); the page stays up until Ctrl-C")
    Integer live;

    @Option(names = "--resume", paramLabel = "FILE", description = {"continue training a model saved by train --out: its weights, optimiser state and epoch count",
            "(give the same data and settings; --epochs more epochs run; 10 and then 10 more give the model of 20)"})
    Path resume;
    @Option(names = "--checkpoint", paramLabel = "FILE", description = "save the model of the best validation loss so far to FILE during training")
    Path checkpoint;
    @Option(names = "--cv", paramLabel = "K", description = {"k-fold cross-validation (stratified for classes, seeded): the mean ± standard deviation",
            "of every test metric over K folds; with --out, then a final model trained on all the rows"})
    Integer cv;

    private Numbers.Decimal decimalUsed;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        // every flag and file is checked before any work, so a mistake writes nothing
        Mlp.Settings settings = settings();
        double[] fractions = fractions();
        Scaler.Method method = Flags.choice("--scale", scale, Scaler.Method.class);
        Target.Task taskKind = Flags.choice("--task", task, Target.Task.class);
        if (out != null) AtomicFile.checkWritable(out, "--out");
        if (checkpoint != null) AtomicFile.checkWritable(checkpoint, "--checkpoint");
        Model resumed = resume == null ? null : resumable(ModelFile.read(resume), settings);
        if (plot != null) AtomicFile.checkWritableDirectory(plot, "--plot");
        jgrad.kernel.MatMul.prepare(settings.dtype() == jgrad.tensor.DType.FLOAT32); // the kernels compile while the file loads

        Gaps.Missing gaps = Flags.choice("--missing", reading.missing, Gaps.Missing.class);
        Numbers.Decimal mark = Inputs.decimal(reading.decimal);
        Flags.atLeast(spec, "--max-categories", maxCategories, 1);
        Set<String> categories = DataOptions.columns("--categorical", categorical);
        Set<String> only = features == null ? null : DataOptions.columns("--features", features);
        if (only != null && only.isEmpty()) throw Flags.bad("--features", features, "one or more column names");

        CsvTable table = Datasets.open(data, new CsvTable.Options(mark, Numbers.Decimal.DOT, Set.of(), !quiet && !json));
        Notes notes = new Notes();
        Schema schema = Schema.infer(table, new Schema.Roles(target, taskKind, categories, only, DataOptions.columns("--exclude", exclude),
                missingIndicator, maxCategories), notes);
        settings = resolveLoss(settings, schema);
        Map<String, Object> cvReport = null;
        if (cv != null) {
            Flags.atLeast(spec, "--cv", cv, 2);
            double validation = fractions[1] / (fractions[0] + fractions[1]); // of the rows each round trains on
            cvReport = CrossValidation.report(o, table, schema, method, cv, validation, seed, gaps, missingIndicator, settings, !quiet && !json);
            if (out == null) {
                if (json) o.println(Json.line(Json.object("data", data, "cv", cvReport)));
                o.flush();
                return 0;
            }
            fractions = new double[] {1 - validation, validation, 0}; // the final model learns from every row
        }
        Memory.doing(String.format(java.util.Locale.ROOT, "encoding %s for training (%,d rows -> %,d inputs)", data, table.size(), schema.inputs()));
        Prepared prepared = Prepared.of(table, schema, method, fractions, seed, gaps, missingIndicator, notes);
        int rows = table.size();
        decimalUsed = table.decimal();
        long cells = (long) rows * schema.features().size();
        table = null; // the columns are encoded now: let their memory go before training
        Memory.tableDropped(cells);

        boolean chatty = !quiet && !json;
        notes.print(spec.commandLine().getErr(), quiet);
        if (chatty) header(o, rows, prepared, settings);
        Mlp.Result result;
        Memory.doing("training on " + data);
        Mlp.Resume from = resumed == null ? null : resumeFrom(resumed, prepared);
        final Prepared forCheckpoints = prepared;
        final Mlp.Settings checkpointSettings = settings;
        java.util.function.Consumer<jgrad.nn.Sequential> onBest = checkpoint == null ? null
                : net -> ModelFile.write(new Model(forCheckpoints.schema(), forCheckpoints.scaler(), Network.layers(net), checkpointSettings.loss(),
                        checkpointSettings.dtype(), trainingNote(checkpointSettings)), checkpoint);
        LiveRun liveRun = live == null ? null : LiveRun.serve(live, data, prepared, settings, spec.commandLine().getErr());
        try (Progress progress = Progress.start(chatty, settings.epochs(), schema.classification()).showingRate(settings.schedule() != null)) {
            java.util.function.Consumer<Mlp.Epoch> onEpoch = liveRun == null ? progress::epoch : e -> { progress.epoch(e); liveRun.epoch(e); };
            result = Training.fit(prepared, settings, progress.shown() || plot != null || liveRun != null, onEpoch, from, onBest);
        }
        // the state to continue from, when the layers hold the last epoch's weights (not a better earlier epoch's)
        Mlp.Resume end = result.state();
        boolean last = result.history().bestEpoch() == end.epochsDone();
        Model.State state = last ? new Model.State(end.epochsDone(), Flags.label(settings.optimizer()), end.steps(), end.optimizer(), end.dropout()) : null;
        Model model = new Model(prepared.schema(), prepared.scaler(), Network.layers(result.network()), settings.loss(), settings.dtype(), trainingNote(settings), state);
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
            if (!notes.notes().isEmpty()) report.put("notes", notes.notes());
            if (!notes.warnings().isEmpty()) report.put("warnings", notes.warnings());
            if (test != prepared.test()) report.put("evaluated_on", "train"); // --split with no test rows
            if (cvReport != null) report.put("cv", cvReport);
            o.println(Json.line(report));
        } else {
            summary(o, result, samplesPerSecond);
            evaluation.print(o, test == prepared.test() ? "test" : "training (no test rows)");
            if (out != null) o.println("\nmodel saved to " + out + "  (jgrad predict --model " + out + " --data new.csv)");
            if (plot != null) o.println("charts: " + String.join(", ", charts.stream().map(c -> c.file().toString()).toList()));
        }
        o.flush();
        if (liveRun != null) liveRun.finishAndServe(evaluation.json(), model.layers(), spec.commandLine().getErr());
        return 0;
    }

    static Evaluation evaluate(Predictor predictor, Prepared prepared, Prepared.Part part) {
        Mlp.Predictions p = predictor.predictScaled(part.x());
        if (prepared.schema().target() instanceof Target.Classes c) return Evaluation.classes(part.labels(), p.classes(), c.classes());
        double[] actual = Arrays.stream(part.values()).map(v -> Prepared.unscaleTarget(prepared.schema().target(), v)).toArray();
        return Evaluation.values(actual, p.values());
    }

    // settings(), resolveLoss(), fractions(), trainingNote(), summary(): package-private for jgrad-spark's jgrad.cli.TrainFlags
    Mlp.Settings settings() {
        LayerSpec network = layerSpec();
        LossKind lossKind = loss.strip().equals("auto") ? null : LossKind.parse(loss.strip());
        if (lossKind == null && !loss.strip().equals("auto")) throw Flags.bad("--loss", loss, "auto|mse|cross-entropy");
        Mlp.OptimizerKind opt = Flags.choice("--optimizer", optimizer, Mlp.OptimizerKind.class);
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
        Schedule schedule = null;
        if (lrSchedule != null) {
            try {
                schedule = Schedule.parse(lrSchedule);
            } catch (LayerSpecException e) {
                throw new UserException(e.getMessage() + " of --lr-schedule");
            }
        }
        if (clipNorm != null && clipValue != null) throw new UserException("--clip-norm and --clip-value: choose one way to clip");
        double norm = clipNorm == null ? Double.NaN : Flags.positive(spec, "--clip-norm", clipNorm);
        double value = clipValue == null ? Double.NaN : Flags.positive(spec, "--clip-value", clipValue);
        boolean balanced = Flags.choice("--class-weight", classWeight, ClassWeight.class) == ClassWeight.BALANCED;
        return new Mlp.Settings(network, lossKind, opt, rate, Flags.atLeast(spec, "--epochs", epochs, 1), b, seed,
                Flags.atLeast(spec, "--patience", patience, 0), type, Flags.nonNegative(spec, "--weight-decay", weightDecay),
                schedule, norm, value, balanced);
    }

    enum ClassWeight { NONE, BALANCED }

    /** A saved model that --resume can continue with these settings: it has a training state, the optimiser and the dtype. */
    private Model resumable(Model m, Mlp.Settings settings) {
        String why = m.state() == null ? "has no training state to continue (it kept an earlier epoch's weights, by patience, or was saved without one);"
                + " continue a model trained with --patience 0, or train anew"
                : !m.state().optimizer().equals(Flags.label(settings.optimizer())) ? "was trained with --optimizer " + m.state().optimizer() + ", not " + Flags.label(settings.optimizer())
                : m.dtype() != settings.dtype() ? "is " + Flags.label(m.dtype()) + "; pass --dtype " + Flags.label(m.dtype()) : null;
        if (why != null) throw new UserException("--resume: " + resume + " " + why);
        return m;
    }

    /** The saved run to continue, checked against the data as prepared now: the same columns, encoding and scaling. */
    private Mlp.Resume resumeFrom(Model m, Prepared p) {
        if (!m.schema().equals(p.schema()) || !java.util.Arrays.equals(m.scaler().offset(), p.scaler().offset())
                || !java.util.Arrays.equals(m.scaler().scale(), p.scaler().scale())) {
            throw new UserException("--resume: " + resume + " was trained on other columns, encodings or scaling than --data " + data
                    + " gives with these settings; resume with the data, --split, --seed and --scale it was trained with");
        }
        Model.State s = m.state();
        return new Mlp.Resume(Network.toModule(m.layers(), m.dtype()), s.buffers(), s.steps(), s.epochs(), s.dropout());
    }

    /** --activation's function when --layers gave sizes (saved even for a linear model, as before the grammar). */
    private Activation plainActivation;


    /** --layers as sizes with --activation (today's form), or the layer grammar. */
    private LayerSpec layerSpec() {
        if (layers.strip().matches("[0-9 ,]*|none")) {
            int[] hidden = layers.strip().equals("none") ? new int[0]
                    : Arrays.stream(Flags.list("--layers", layers, "comma-separated positive sizes such as 64,32, or none", Integer::valueOf, Integer[]::new))
                    .mapToInt(Integer::intValue).toArray();
            if (Arrays.stream(hidden).anyMatch(h -> h < 1)) throw Flags.bad("--layers", layers, "positive sizes such as 64,32");
            Activation act = Activations.byName(activation == null ? "relu" : activation);
            if (act == null || act == Activations.IDENTITY) throw Flags.bad("--activation", activation, Network.hiddenActivationNames());
            plainActivation = act;
            return LayerSpec.of(hidden, act);
        }
        if (activation != null) throw new UserException("--activation: the layer grammar of --layers names each layer's activation; drop --activation");
        try {
            return LayerSpec.parse(layers);
        } catch (LayerSpecException e) {
            throw new UserException(e.getMessage() + " of --layers");
        }
    }

    static Mlp.Settings resolveLoss(Mlp.Settings s, Schema schema) {
        LossKind l = s.loss();
        if (l == null) l = schema.classification() ? LossKind.CROSS_ENTROPY : LossKind.MSE;
        if (l == LossKind.CROSS_ENTROPY && !schema.classification()) {
            throw new UserException("--loss cross-entropy needs class labels, but target '" + schema.target().name() + "' is numeric (use --loss mse, or --task classification)");
        }
        return s.withLoss(l);
    }

    double[] fractions() {
        Double[] f = Flags.list("--split", split, "three fractions TRAIN,VALIDATION,TEST adding up to 1, e.g. 0.7,0.15,0.15", Double::valueOf, Double[]::new);
        double[] v = Arrays.stream(f).mapToDouble(Double::doubleValue).toArray();
        if (v.length != 3 || Arrays.stream(v).anyMatch(x -> !(x >= 0)) || v[0] <= 0 || Math.abs(v[0] + v[1] + v[2] - 1) > 1e-6) {
            throw Flags.bad("--split", split, "three fractions TRAIN,VALIDATION,TEST adding up to 1, e.g. 0.7,0.15,0.15");
        }
        return v;
    }

    Map<String, Object> trainingNote(Mlp.Settings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data", data);
        if (decimalUsed == Numbers.Decimal.COMMA) m.put("decimal", decimalUsed.symbol());
        m.put("hidden", s.hidden());
        List<Activation> used = s.layers().activations();
        Activation act = plainActivation != null ? plainActivation : used.size() == 1 ? used.getFirst() : null;
        if (act != null) m.put("activation", act.name());
        m.put("layers", s.layers().toString());
        if (s.schedule() != null) m.put("lr_schedule", s.schedule().toString());
        if (!Double.isNaN(s.clipNorm())) m.put("clip_norm", s.clipNorm());
        if (!Double.isNaN(s.clipValue())) m.put("clip_value", s.clipValue());
        if (s.balancedClasses()) m.put("class_weight", "balanced");
        if (resume != null) m.put("resumed_from", resume.toString());
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

    private void header(PrintWriter o, int rows, Prepared p, Mlp.Settings s) {
        Schema schema = p.schema();
        String what = schema.target() instanceof Target.Classes c ? c.classes().size() + " classes" : "a number";
        o.printf("data      %s: %d rows, %d feature columns -> %d inputs; target '%s' (%s)%n", data, rows, schema.features().size(),
                schema.inputs(), schema.target().name(), what);
        o.printf("split     %d train / %d validation / %d test%s, seed %d; %s scaling fitted on train%n", p.train().size(), p.validation().size(),
                p.test().size(), schema.classification() ? " (stratified)" : "", seed, Flags.label(p.scaler().method()));
        o.println(networkLine(schema, s));
        List<String> extras = new java.util.ArrayList<>();
        if (s.schedule() != null) extras.add("lr schedule " + s.schedule());
        if (!Double.isNaN(s.clipNorm())) extras.add("gradients clipped to norm " + s.clipNorm());
        if (!Double.isNaN(s.clipValue())) extras.add("gradients clipped to ±" + s.clipValue());
        if (s.balancedClasses()) extras.add("balanced class weights");
        if (resume != null) extras.add("resumed from " + resume);
        if (!extras.isEmpty()) o.println("          " + String.join("; ", extras));
        o.flush();
    }

    /** The report's "network" line: the layers as arrows, the dtype, the loss and the optimiser's settings. */
    static String networkLine(Schema schema, Mlp.Settings s) {
        String arch = s.layers().arrows(schema.inputs(), schema.outputs()) + (schema.classification() && s.loss() == LossKind.MSE ? " softmax" : "");
        return String.format("network   %s, %s; loss %s; %s lr %s, weight decay %s, batch %s, up to %d epochs (patience %d)", arch, Flags.label(s.dtype()),
                s.loss().label(), Flags.label(s.optimizer()), s.lr(), s.weightDecay(), s.batch() == 0 ? "full" : s.batch(), s.epochs(), s.patience());
    }

    static void summary(PrintWriter o, Mlp.Result r, double samplesPerSecond) {
        String why = switch (r.history().stoppedBy()) {
            case PATIENCE -> "validation loss stopped improving; kept the weights of epoch " + r.history().bestEpoch();
            case MAX_EPOCHS -> "all epochs ran" + (r.history().bestEpoch() < r.history().last().epoch() ? "; kept the weights of epoch " + r.history().bestEpoch() : "");
            case LOSS_BELOW_THRESHOLD -> "loss below threshold";
            case LISTENER -> "stopped";
        };
        o.printf("trained   %d epochs in %.2f s (%,.0f samples/s): %s%n%n", r.epochs().size(), r.seconds(), samplesPerSecond, why);
    }

    private Map<String, Object> jsonReport(Prepared p, Mlp.Settings s, Mlp.Result r, Evaluation test, double samplesPerSecond) {
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
