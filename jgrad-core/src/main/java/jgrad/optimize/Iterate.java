package jgrad.optimize;

/**
 * One step of a run: the gradient at {@code from} (the point before the update), the point after it,
 * the value there, and the step size max_i |point_i − from_i|.
 */
public record Iterate(int iteration, double[] from, double[] gradient, double[] point, double value, double step) {}
