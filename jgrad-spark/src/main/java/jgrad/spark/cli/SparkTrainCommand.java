package jgrad.spark.cli;

import jgrad.model.Mlp;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jgrad.cli.Flags;
import jgrad.cli.TrainFlags;
import jgrad.cli.UserException;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.cli.report.Json;
import jgrad.spark.DataSource;
import jgrad.spark.SparkData;
import jgrad.spark.SparkTrainer;
import jgrad.spark.SparkTraining;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network on Spark, from any data Spark reads; the flags, report and model file of 'jgrad train'.",
                "exact mode: every step's gradient is summed over the partitions (the same steps as 'jgrad train');",
                "averaging mode: --local-steps steps per partition, then parameters and optimiser state are averaged."},
        footer = {"", "Examples:", "  jgrad spark train --master local[2] --data houses.parquet --target price --batch 4096 --out price.json",
                "  jgrad spark train --master spark://host:7077 --data hdfs:///data/rows --mode averaging --local-steps 20"})
final class SparkTrainCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin TrainFlags flags;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[N], spark://host:port, yarn... (default: spark-submit's, else local[*])")
    String master;
    @Option(names = "--mode", paramLabel = "MODE", description = "exact|averaging (default: ${DEFAULT-VALUE})")
    String mode = "exact";
    @Option(names = "--local-steps", paramLabel = "K", description = "averaging mode: steps on each partition between averagings (default: ${DEFAULT-VALUE})")
    int localSteps = 10;
    @Option(names = "--partitions", paramLabel = "N", description = "partitions of the rows (default: Spark's default parallelism, e.g. the cores)")
    Integer partitions;
    @Option(names = "--format", paramLabel = "FMT", description = "auto|csv|parquet|orc|json (default: ${DEFAULT-VALUE}: by the file name)")
    String format = "auto";
    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting, as spark-submit's --conf (repeatable)")
    List<String> conf = List.of();

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Mlp.Settings settings = flags.settings();
        double[] fractions = flags.fractions();
        SparkTrainer.Mode m = Flags.choice("--mode", mode, SparkTrainer.Mode.class);
        DataSource.Format f = Flags.choice("--format", format, DataSource.Format.class);
        Flags.atLeast(spec, "--local-steps", localSteps, 1);
        if (partitions != null) Flags.atLeast(spec, "--partitions", partitions, 1);
        if (flags.plot() != null) throw new UserException("--plot: not available in 'jgrad spark train' (train with 'jgrad train --plot' on a sample)");
        flags.checkOutputs();
        flags.categorical(); // every flag is checked before Spark starts, so a typo costs no start-up
        flags.features();
        boolean shared = Sessions.running();
        SparkSession spark = Sessions.start(master, conf);
        try {
            return train(o, spark, settings, fractions, m, f);
        } finally {
            if (!shared) spark.stop();
        }
    }

    private int train(PrintWriter o, SparkSession spark, Mlp.Settings settings, double[] fractions, SparkTrainer.Mode m, DataSource.Format f) {
        int parts = partitions != null ? partitions : spark.sparkContext().defaultParallelism();
        DataSource source = DataSource.read(spark, flags.data(), f);
        SparkData data = SparkTraining.inspect(source.rows(), source.name(), source.csvLines(),
                SparkTraining.options(flags.target(), flags.features(), flags.categorical(), flags.task(), flags.scale(), fractions, flags.seed(), parts));
        Schema schema = data.schema();
        Mlp.Settings s = flags.resolve(settings, schema);
        boolean chatty = !flags.quiet() && !flags.json();
        if (chatty) header(o, spark, source, schema, s, m, parts);
        PrintWriter err = spec.commandLine().getErr();
        SparkTrainer.Plan plan = m == SparkTrainer.Mode.EXACT ? SparkTraining.exact(s) : SparkTraining.averaging(s, localSteps);
        plan = new SparkTrainer.Plan(plan.mode(), plan.localSteps(), s, Sessions.failOnce(spark));
        Map<String, Object> note = flags.note(s);
        note.put("spark", Json.object("mode", Flags.label(m), "local_steps", localSteps, "partitions", parts));
        SparkTraining.Run run = SparkTraining.fit(data, plan, note, e -> {
            if (chatty) {
                err.printf("epoch %d/%d  loss %.4f  val %.4f%n", e.epoch(), s.epochs(), e.trainLoss(), e.validationLoss());
                err.flush();
            }
        });
        if (flags.out() != null) ModelFile.write(run.model(), flags.out());
        SparkTrainer.Result r = run.result();
        double samplesPerSecond = run.train() * (double) r.epochs().size() / r.seconds();
        if (flags.json()) {
            o.println(Json.line(json(run, s, m, parts, samplesPerSecond)));
        } else {
            if (chatty) o.printf("steps     %,d steps in %,d Spark jobs, %.1f ms a job (validation included)%n", r.steps(), r.jobs(), r.seconds() * 1000 / Math.max(1, r.jobs()));
            flags.summary(o, new Mlp.Result(null, r.history(), r.epochs(), r.seconds(), null), samplesPerSecond);
            run.evaluation().print(o, run.onTest() ? "test" : "training (no test rows)");
            if (flags.out() != null) o.println("\nmodel saved to " + flags.out() + "  (jgrad predict --model " + flags.out() + " --data new.csv)");
        }
        return 0;
    }

    private void header(PrintWriter o, SparkSession spark, DataSource source, Schema schema, Mlp.Settings s, SparkTrainer.Mode m, int parts) {
        String what = schema.target() instanceof Target.Classes c ? c.classes().size() + " classes" : "a number";
        String ui = spark.sparkContext().uiWebUrl().isDefined() ? "; Spark UI " + spark.sparkContext().uiWebUrl().get() : "";
        o.printf("spark     %s, %d partitions, %s mode%s%n", spark.sparkContext().master(), parts,
                m == SparkTrainer.Mode.EXACT ? "exact" : "averaging (" + localSteps + " local steps)", ui);
        o.printf("data      %s: %d feature columns -> %d inputs; target '%s' (%s)%n", source.name(), schema.features().size(), schema.inputs(),
                schema.target().name(), what);
        o.println(flags.networkLine(schema, s));
        o.flush();
    }

    private Map<String, Object> json(SparkTraining.Run run, Mlp.Settings s, SparkTrainer.Mode m, int parts, double samplesPerSecond) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("data", flags.data());
        j.put("task", run.model().schema().classification() ? "classification" : "regression");
        j.put("rows", Json.object("train", run.train(), "validation", run.validation(), "test", run.test()));
        j.put("inputs", run.model().schema().inputs());
        j.put("hidden", s.hidden());
        j.put("outputs", run.model().schema().outputs());
        j.put("loss", s.loss().label());
        j.put("optimizer", Flags.label(s.optimizer()));
        j.put("lr", s.lr());
        j.put("epochs", run.result().epochs().size());
        j.put("best_epoch", run.result().history().bestEpoch());
        j.put("stopped_by", Flags.label(run.result().history().stoppedBy()));
        j.put("seconds", run.result().seconds());
        j.put("samples_per_second", samplesPerSecond);
        j.put("spark", Json.object("mode", Flags.label(m), "partitions", parts, "steps", run.result().steps()));
        j.put("test", run.evaluation().json());
        if (!run.onTest()) j.put("evaluated_on", "train");
        if (flags.out() != null) j.put("model", flags.out().toString());
        return j;
    }
}
