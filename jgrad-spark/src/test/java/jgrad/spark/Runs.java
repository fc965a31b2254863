package jgrad.spark;

import jgrad.model.LossKind;
import jgrad.model.Mlp;
import java.util.Map;
import java.util.Set;
import jgrad.cli.data.Target;
import jgrad.data.Scaler;
import jgrad.tensor.DType;

/** Training through the library API on the shared session, with jgrad train's defaults. */
final class Runs {
    private Runs() {}

    static Mlp.Settings settings(int hidden, int epochs, int batch) {
        return new Mlp.Settings(jgrad.nn.LayerSpec.of(new int[] {hidden}, jgrad.function.Activations.RELU), LossKind.CROSS_ENTROPY, Mlp.OptimizerKind.ADAM, 0.01,
                epochs, batch, 0, 20, DType.FLOAT64, 1e-3, null, Double.NaN, Double.NaN, false);
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
