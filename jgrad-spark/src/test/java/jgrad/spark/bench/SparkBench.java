package jgrad.spark.bench;

import jgrad.model.LossKind;
import jgrad.model.Mlp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Datasets;
import jgrad.cli.data.Prepared;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.data.Scaler;
import jgrad.spark.DataSource;
import jgrad.spark.LoopbackCluster;
import jgrad.spark.SparkData;
import jgrad.spark.SparkTrainer;
import jgrad.spark.SparkTraining;
import jgrad.tensor.DType;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * The measurements of the README's Spark section (a benchmark, not a test: run by {@code jgrad-spark/bench.sh}).
 *
 * <ul>
 *   <li>{@code mllib MASTER}: digits, jgrad-spark (exact and averaging mode) against MLlib's
 *       {@code MultilayerPerceptronClassifier} with the same layers, the same training and test rows (jgrad train's
 *       split; MLlib trains on the training and validation rows, having no early stopping), the same scaled inputs.</li>
 *   <li>{@code scaling ROWS MASTER}: ROWS x 50 synthetic rows written as Parquet to a temporary folder (deleted after),
 *       exact mode with big batches; seconds per epoch after a warm-up epoch.</li>
 * </ul>
 * MASTER is local[N] or cluster:N (a loopback standalone cluster of N one-core workers, started here).
 */
public final class SparkBench {
    private SparkBench() {}

    public static void main(String[] args) throws Exception {
        String what = args[0];
        String master = args[args.length - 1];
        try (var cluster = master.startsWith("cluster:") ? new LoopbackCluster(Integer.parseInt(master.substring(8)), "7g") : null) {
            int cores = master.startsWith("cluster:") ? Integer.parseInt(master.substring(8)) : Integer.parseInt(master.replaceAll("\\D", ""));
            SparkSession spark = cluster != null ? cluster.session(cores, "6g")
                    : SparkSession.builder().master(master).config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                            .config("spark.ui.enabled", false).config("spark.sql.shuffle.partitions", cores).getOrCreate();
            spark.sparkContext().setLogLevel("ERROR");
            try {
                if (what.equals("mllib")) mllib(spark, master, cores);
                else scaling(spark, Integer.parseInt(args[1]), master, cores);
            } finally {
                spark.stop();
            }
        }
    }

    private static Mlp.Settings settings(int[] hidden, int epochs, int batch, int patience) {
        return new Mlp.Settings(jgrad.nn.LayerSpec.of(hidden, jgrad.function.Activations.RELU), LossKind.CROSS_ENTROPY, Mlp.OptimizerKind.ADAM, 0.01, epochs,
                batch, 0, patience, DType.FLOAT64, 1e-3, null, Double.NaN, Double.NaN, false);
    }

    private static SparkData.Options options(int partitions, double[] split) {
        return SparkTraining.options(null, null, Set.of(), Target.Task.AUTO, Scaler.Method.STANDARD, split, 0, partitions);
    }

    static void mllib(SparkSession spark, String master, int cores) {
        // jgrad train's own split and scaling of digits, for MLlib's rows
        CsvTable table = Datasets.open("digits");
        Schema schema = Schema.infer(table, null, Target.Task.AUTO, Set.of());
        Prepared p = Prepared.of(table, schema, Scaler.Method.STANDARD, new double[] {0.7, 0.15, 0.15}, 0);
        var vectors = DataTypes.createStructType(List.of(DataTypes.createStructField("features", new VectorUDT(), false),
                DataTypes.createStructField("label", DataTypes.DoubleType, false)));
        Dataset<Row> train = spark.createDataFrame(rows(p.train(), p.validation()), vectors).repartition(cores).cache();
        Dataset<Row> test = spark.createDataFrame(rows(p.test()), vectors).cache();
        train.count();
        test.count();
        DataSource digits = DataSource.read(spark, "digits", DataSource.Format.AUTO);
        for (int rep = 0; rep < 2; rep++) { // the first repetition warms up the JIT and Spark
            long t0 = System.nanoTime();
            MultilayerPerceptronClassificationModel m = new MultilayerPerceptronClassifier().setLayers(new int[] {64, 64, 10}).setSeed(0).setMaxIter(100).fit(train);
            double mllibSeconds = (System.nanoTime() - t0) / 1e9;
            double mllibAccuracy = m.transform(test).filter(functions.col("prediction").equalTo(functions.col("label"))).count() / (double) p.test().size();
            report("mllib", master, rep, "MultilayerPerceptronClassifier 64-64-10, L-BFGS, maxIter 100", mllibSeconds, mllibAccuracy, "100 iterations");

            SparkData data = SparkTraining.inspect(digits.rows(), digits.name(), digits.csvLines(), options(cores, new double[] {0.7, 0.15, 0.15}));
            for (SparkTrainer.Plan plan : List.of(SparkTraining.averaging(settings(new int[] {64}, 200, 32, 10), 1000),
                    SparkTraining.exact(settings(new int[] {64}, 200, 0, 20)))) {
                run(data, plan, master, rep, "until early stopping");
            }
            // time to reach MLlib's accuracy: the fewest epochs (no early stopping) whose test accuracy is at least MLlib's
            for (int epochs : new int[] {2, 3, 4, 6, 8, 12, 16, 24}) {
                if (run(data, SparkTraining.averaging(settings(new int[] {64}, epochs, 32, 0), 1000), master, rep, "fixed epochs") >= mllibAccuracy) break;
            }
        }
    }

    /** Trains and reports one run; returns its test accuracy. */
    private static double run(SparkData data, SparkTrainer.Plan plan, String master, int rep, String stop) {
        long t1 = System.nanoTime();
        SparkTraining.Run run = SparkTraining.fit(data, plan, Map.of(), e -> {});
        double seconds = (System.nanoTime() - t1) / 1e9;
        String how = plan.mode() == SparkTrainer.Mode.EXACT ? "exact, full batch" : "averaging, batch 32, one average per epoch";
        report("jgrad-spark", master, rep, "64 -> 64 relu -> 10, adam, " + how + ", " + run.result().epochs().size() + " epochs (" + stop + ")", seconds,
                run.evaluation().score(), run.result().jobs() + " jobs");
        return run.evaluation().score();
    }

    private static List<Row> rows(Prepared.Part... parts) {
        List<Row> rows = new ArrayList<>();
        for (Prepared.Part part : parts) for (int i = 0; i < part.size(); i++) rows.add(RowFactory.create(Vectors.dense(part.x().row(i)), (double) part.labels()[i]));
        return rows;
    }

    private static void report(String who, String master, int rep, String what, double seconds, double accuracy, String work) {
        System.out.printf("%-12s %-10s rep %d  %6.2f s  test accuracy %.4f  %s; %s%n", who, master, rep, seconds, accuracy, work, what);
    }

    static void scaling(SparkSession spark, int rows, String master, int cores) throws Exception {
        Path dir = Files.createTempDirectory("jgrad-spark-scaling");
        try {
            String file = dir.resolve("rows.parquet").toString();
            Dataset<Row> r = spark.range(0, rows, 1, cores).toDF();
            List<org.apache.spark.sql.Column> cols = new ArrayList<>();
            // uniform in [-1, 1) from a hash of (row, column): the same rows whatever the partitioning (randn's are not)
            for (int j = 0; j < 50; j++) {
                var h = functions.hash(functions.col("id"), functions.lit(j)).bitwiseAND(0x7fffffff).cast("double");
                cols.add(h.divide(1L << 30).minus(1).as("x" + j));
            }
            Dataset<Row> x = r.select(cols.toArray(org.apache.spark.sql.Column[]::new));
            var score = functions.col("x0").plus(functions.col("x1").multiply(functions.col("x2"))).minus(functions.tanh(functions.col("x3")));
            x = x.withColumn("label", functions.when(score.gt(0), functions.lit("a")).otherwise(functions.when(functions.col("x4").gt(0), "b").otherwise("c")));
            x.write().parquet(file);
            DataSource source = DataSource.read(spark, file, DataSource.Format.AUTO);
            long t0 = System.nanoTime();
            SparkData data = SparkTraining.inspect(source.rows(), source.name(), source.csvLines(), options(cores, new double[] {0.9, 0, 0.1}));
            List<Double> epochSeconds = new ArrayList<>();
            SparkTraining.Run run = SparkTraining.fit(data, SparkTraining.exact(settings(new int[] {256}, 3, 65536, 0)), Map.of(),
                    e -> epochSeconds.add((double) System.nanoTime()));
            double total = (System.nanoTime() - t0) / 1e9;
            int stepsPerEpoch = (int) (run.result().steps() / run.result().epochs().size());
            double later = (epochSeconds.getLast() - epochSeconds.getFirst()) / 1e9 / (epochSeconds.size() - 1);
            System.out.printf("scaling      %-10s %,d rows x 50, %d partitions: %.2f s per epoch after the first (%d steps of 65,536 rows, %.0f ms a step); "
                    + "%.1f s in all with preparation; test accuracy %.4f%n", master, rows, cores, later, stepsPerEpoch, later * 1000 / stepsPerEpoch, total,
                    run.evaluation().score());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
