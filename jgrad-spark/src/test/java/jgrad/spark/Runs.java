package jgrad.spark;

import java.util.Map;
import java.util.Set;
import jgrad.cli.data.Target;
import jgrad.cli.model.Layer;
import jgrad.cli.model.Model;
import jgrad.cli.model.Training;
import jgrad.data.Scaler;
import jgrad.tensor.DType;

/** Training through the library API on the shared session, with jgrad train's defaults. */
final class Runs {
    private Runs() {}

    static Training.Settings settings(int hidden, int epochs, int batch) {
        return new Training.Settings(new int[] {hidden}, Layer.Function.RELU, Model.LossKind.CROSS_ENTROPY, Training.OptimizerKind.ADAM, 0.01,
                epochs, batch, 0, 20, DType.FLOAT64, 1e-3);
    }

    static SparkData iris(int partitions) {
        DataSource source = DataSource.read(SparkTests.session(), "iris", DataSource.Format.AUTO);
        return SparkTraining.inspect(source.rows(), source.name(), source.csvLines(),
                SparkTraining.options(null, null, Set.of(), Target.Task.AUTO, Scaler.Method.STANDARD, new double[] {0.7, 0.15, 0.15}, 0, partitions));
    }

    static SparkTraining.Run fit(SparkData data, SparkTrainer.Plan plan) {
        return SparkTraining.fit(data, plan, Map.of(), e -> {});
    }
}
