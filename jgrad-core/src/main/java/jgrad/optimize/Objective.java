package jgrad.optimize;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import jgrad.symbolic.CompiledFunction;
import jgrad.symbolic.CompiledGradient;
import jgrad.symbolic.Expr;

/** A function to minimise and its gradient, both at a point given as one value per variable. */
public interface Objective {
    double value(double[] point);

    /** Writes the gradient at {@code point} into {@code out}. */
    void gradient(double[] point, double[] out);

    /** A formula over the given variables, with its exact symbolic gradient, both compiled. */
    static Objective of(Expr formula, List<String> variables) {
        String[] vars = variables.toArray(String[]::new);
        CompiledFunction f = formula.compile(vars);
        CompiledGradient g = formula.compileGradient(vars);
        return of(f::apply, g::at);
    }

    /** Any Java function with a gradient written by hand (or by autograd). */
    static Objective of(ToDoubleFunction<double[]> function, Function<double[], double[]> gradient) {
        return new FunctionObjective(function, (point, out) -> System.arraycopy(gradient.apply(point), 0, out, 0, out.length));
    }

    /**
     * A function without a known gradient: central differences, h = 1e-6 * max(1, |x_i|), error O(h²)
     * (about 1e-10 relative for smooth functions); two evaluations per variable and step.
     */
    static Objective withFiniteDifferences(ToDoubleFunction<double[]> function) {
        return new FunctionObjective(function, (point, out) -> {
            double[] p = point.clone();
            for (int i = 0; i < p.length; i++) {
                double h = 1e-6 * Math.max(1, Math.abs(point[i]));
                p[i] = point[i] + h;
                double up = function.applyAsDouble(p);
                p[i] = point[i] - h;
                double down = function.applyAsDouble(p);
                p[i] = point[i];
                out[i] = (up - down) / (2 * h);
            }
        });
    }
}
