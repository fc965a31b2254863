package jgrad.spark;

import jgrad.model.Mlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.cli.model.Model;
import jgrad.cli.report.Evaluation;
import jgrad.data.Scaler;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Trains a {@code jgrad train} network on a Spark {@code Dataset<Row>}: the same schema inference,
 * split, scaling, network, loss and optimiser, trained data-parallel on the executors, giving the
 * same {@link Model} (for {@code ModelFile.write}) and the same test report.
 *
 * <pre>{@code
 * Dataset<Row> rows = spark.read().parquet("hdfs:///data/houses");
 * SparkData data = SparkTraining.inspect(rows, "houses", false, SparkTraining.options("price", null, Set.of(), Target.Task.AUTO,
 *         Scaler.Method.STANDARD, new double[] {0.7, 0.15, 0.15}, 0, 8));
 * SparkTraining.Run run = SparkTraining.fit(data, SparkTraining.exact(settings), Map.of(), epoch -> {});
 * ModelFile.write(run.model(), Path.of("price.json"));
 * }</pre>
 */
public final class SparkTraining {
    private SparkTraining() {}

    /** Exact mode: every step's gradient is the sum over partitions of the global batch's rows. */
    public static SparkTrainer.Plan exact(Mlp.Settings settings) {
        return new SparkTrainer.Plan(SparkTrainer.Mode.EXACT, 1, settings, null);
    }

    /** Averaging mode: {@code localSteps} steps on every partition, then parameters and optimiser state are averaged. */
    public static SparkTrainer.Plan averaging(Mlp.Settings settings, int localSteps) {
        return new SparkTrainer.Plan(SparkTrainer.Mode.AVERAGING, localSteps, settings, null);
    }

    /** A finished run: the model, its report on the test rows (or the training rows with no test part), the training record. */
    public record Run(Model model, Evaluation evaluation, boolean onTest, SparkTrainer.Result result, long rows, int train, int validation,
                      int test, int partitions) {}

    /** Preparation choices (jgrad train's --target, --features, --categorical, --task, --scale, --split, --seed) and the partition count. */
    public static SparkData.Options options(String target, java.util.Set<String> only, java.util.Set<String> categorical, Target.Task task,
                                            Scaler.Method scale, double[] fractions, long seed, int partitions) {
        return new SparkData.Options(target, only, categorical, task, scale, fractions, seed, partitions);
    }

    /** The schema {@code jgrad train} infers, with its errors: the first step of {@link #fit}, for settings that depend on it. */
    public static SparkData inspect(Dataset<Row> data, String source, boolean csvLines, SparkData.Options options) {
        return SparkData.of(data, source, csvLines, options);
    }

    public static Run fit(SparkData data, SparkTrainer.Plan plan, Map<String, Object> note, Consumer<Mlp.Epoch> onEpoch) {
        Schema schema = data.schema();
        EngineBridge.Net net = EngineBridge.Net.of(schema, plan.settings());
        SparkData.Prepared prepared = data.prepare(net);
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(prepared.blocks().context());
            SparkTrainer.Result result = new SparkTrainer(sc, prepared, net, plan).fit(onEpoch);
            Model model = EngineBridge.model(prepared.schema(), prepared.scaler(), net, result.parameters(), note);
            boolean onTest = prepared.test() > 0;
            Evaluation evaluation = evaluate(sc, prepared, net, result.parameters(), onTest);
            return new Run(model, evaluation, onTest, result, prepared.rows(), prepared.train(), prepared.validation(), prepared.test(),
                    prepared.blocks().getNumPartitions());
        } finally {
            prepared.blocks().unpersist(false);
        }
    }

    /** Predictions on every partition's test rows (its training rows when there are none), gathered as labels or values. */
    private static Evaluation evaluate(JavaSparkContext sc, SparkData.Prepared p, EngineBridge.Net net, double[] w, boolean onTest) {
        Broadcast<double[]> wB = sc.broadcast(w);
        Encoder encoder = p.encoder();
        boolean classes = encoder.classification();
        int outputs = net.outputs();
        List<double[]> parts = p.blocks().map(b -> {
            Block.Part part = onTest ? b.test : b.train;
            if (part.n == 0) return new double[0];
            double[] out = EngineBridge.Local.of(net).outputs(wB.value(), EngineBridge.rows(net, part.x, null, part.n));
            double[] pairs = new double[2 * part.n];
            for (int r = 0; r < part.n; r++) {
                if (classes) {
                    int best = 0;
                    for (int j = 1; j < outputs; j++) if (out[r * outputs + j] > out[r * outputs + best]) best = j;
                    pairs[2 * r] = part.labels[r];
                    pairs[2 * r + 1] = best;
                } else {
                    pairs[2 * r] = part.values[r];
                    pairs[2 * r + 1] = encoder.unscaleTarget(out[r]);
                }
            }
            return pairs;
        }).collect();
        wB.unpersist(false);
        List<Double> actual = new ArrayList<>(), predicted = new ArrayList<>();
        for (double[] pairs : parts) {
            for (int i = 0; i < pairs.length; i += 2) {
                actual.add(pairs[i]);
                predicted.add(pairs[i + 1]);
            }
        }
        if (classes) {
            return Evaluation.classes(actual.stream().mapToInt(Double::intValue).toArray(), predicted.stream().mapToInt(Double::intValue).toArray(),
                    ((Target.Classes) p.schema().target()).classes());
        }
        return Evaluation.values(actual.stream().mapToDouble(Double::doubleValue).toArray(), predicted.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
