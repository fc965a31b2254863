package jgrad.optimize;

import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

/** An {@link Objective} from two Java functions: the value, and the gradient written into its second argument. */
record FunctionObjective(ToDoubleFunction<double[]> function, BiConsumer<double[], double[]> gradient) implements Objective {
    @Override
    public double value(double[] point) {
        return function.applyAsDouble(point);
    }

    @Override
    public void gradient(double[] point, double[] out) {
        gradient.accept(point, out);
    }
}
