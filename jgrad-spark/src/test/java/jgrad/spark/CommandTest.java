package jgrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jgrad spark train on the files Spark reads, with jgrad train's report, JSON and model file. */
class CommandTest {
    @TempDir Path dir;

    /** Iris with numeric columns, as a Parquet directory of part files. */
    private Path irisParquet() {
        Dataset<Row> iris = DataSource.read(SparkTests.session(), "iris", DataSource.Format.AUTO).rows();
        for (String c : new String[] {"sepal_length", "sepal_width", "petal_length", "petal_width"}) iris = iris.withColumn(c, functions.col(c).cast("double"));
        Path out = dir.resolve("iris.parquet");
        iris.repartition(3).write().parquet(out.toString());
        return out;
    }

    @Test
    void parquetDirectoryToAModelThatJgradPredictUses() throws Exception {
        Path data = irisParquet(), model = dir.resolve("model.json");
        var run = SparkTests.spark("train", "--data", data.toString(), "--layers", "8", "--epochs", "30", "--batch", "full", "--lr", "0.05", "--json", "--out", model.toString());
        assertEquals(0, run.code(), run.err());
        var json = new ObjectMapper().readTree(run.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals("classification", json.get("task").asText());
        assertEquals(104, json.get("rows").get("train").asInt()); // jgrad train's stratified split of 150 rows
        assertEquals(30, json.get("spark").get("steps").asInt()); // full batch: one step, one job, per epoch
        assertTrue(json.get("test").get("accuracy").asDouble() > 0.8, run.out());

        Path rows = Files.writeString(dir.resolve("new.csv"), "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n");
        var predict = SparkTests.jgrad("predict", "--model", model.toString(), "--data", rows.toString());
        assertEquals(0, predict.code(), predict.err());
        assertTrue(predict.out().lines().skip(1).findFirst().orElseThrow().startsWith("setosa"), predict.out());
    }

    @Test
    void aVectorColumnAsMllibReadsFeatures() {
        Dataset<Row> iris = DataSource.read(SparkTests.session(), "iris", DataSource.Format.AUTO).rows();
        String[] cols = {"sepal_length", "sepal_width", "petal_length", "petal_width"};
        for (String c : cols) iris = iris.withColumn(c, functions.col(c).cast("double"));
        Dataset<Row> vectors = new VectorAssembler().setInputCols(cols).setOutputCol("features").transform(iris).select("features", "species");
        var data = SparkTraining.inspect(vectors, "vectors", false,
                SparkTraining.options("species", null, java.util.Set.of(), jgrad.cli.data.Target.Task.AUTO, jgrad.data.Scaler.Method.STANDARD,
                        new double[] {0.7, 0.15, 0.15}, 0, 2));
        assertEquals(java.util.List.of("features_0", "features_1", "features_2", "features_3"), data.schema().inputNames());
        var run = Runs.fit(data, SparkTraining.exact(Runs.settings(8, 30, 0)));
        assertTrue(run.evaluation().score() > 0.8, "accuracy " + run.evaluation().score());
    }

    @Test
    void reportLinesAndTheSparkUiLink() {
        SparkTests.stop(); // the command starts its own session, with the UI on an ephemeral port
        try {
            var run = SparkTests.spark("train", "--master", "local[1]", "--data", "iris", "--layers", "4", "--epochs", "3", "--batch", "full",
                    "--conf", "spark.ui.enabled=true", "--conf", "spark.ui.port=0");
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().matches("(?s)spark     local\\[1], 1 partitions, exact mode; Spark UI http://127\\.0\\.0\\.1:\\d+\n.*"), run.out());
            assertTrue(run.out().contains("\nsteps     3 steps in 4 Spark jobs"), run.out()); // and the last validation loss
            assertTrue(run.err().contains("epoch 3/3  loss "), run.err());
        } finally {
            SparkTests.stop();
        }
    }
}
