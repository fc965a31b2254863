package jgrad.symbolic;

/**
 * A formula compiled for fast repeated evaluation (see {@link Expr#compile}). Thread-safe.
 *
 * <pre>{@code
 * CompiledFunction f = Expr.parse("x**2 + 3*y**2").compile("x", "y");
 * f.apply(1, 2);                       // 13.0
 * f.applyAll(new double[][] {xs, ys}, out);
 * }</pre>
 */
public final class CompiledFunction {
    private final Program program;
    private final ThreadLocal<double[][]> workspace;

    CompiledFunction(Program program) {
        this.program = program;
        this.workspace = ThreadLocal.withInitial(program::workspace);
    }

    /** The value at one point, coordinates in the compiled variables' order. */
    public double apply(double... point) {
        Checks.arity(point.length, program.variables());
        double[] out = new double[1];
        program.runOne(point, out, workspace.get());
        return out[0];
    }

    /** out[i] = f(columns[0][i], columns[1][i], ...) for every i < out.length; large batches use all cores. */
    public void applyAll(double[][] columns, double[] out) {
        Checks.columns(columns, program.variables(), out.length);
        program.runParallel(columns, new double[][] {out}, out.length);
    }
}
