package jgrad.symbolic;

import java.util.List;

/**
 * The partial derivatives of a formula, compiled into one program that shares their common parts
 * (see {@link Expr#compileGradient}). Thread-safe.
 */
public final class CompiledGradient {
    private final List<Expr> partials;
    private final Program program;
    private final ThreadLocal<double[][]> workspace;

    CompiledGradient(List<Expr> partials, Program program) {
        this.partials = List.copyOf(partials);
        this.program = program;
        this.workspace = ThreadLocal.withInitial(program::workspace);
    }

    /** The simplified partial derivatives that were compiled, one per variable. */
    public List<Expr> partials() {
        return partials;
    }

    /** The gradient at one point, written into {@code out} (length = number of variables). */
    public void at(double[] point, double[] out) {
        Checks.arity(point.length, program.variables());
        Checks.arity(out.length, program.outputs());
        program.runOne(point, out, workspace.get());
    }

    public double[] at(double... point) {
        double[] out = new double[program.outputs()];
        at(point, out);
        return out;
    }

    /**
     * Batch evaluation: out[k][i] = ∂f/∂v_k at (columns[0][i], columns[1][i], ...) for i < count.
     * Large batches are split across cores; each point is computed by the same code, so the results
     * are bit-identical to a single-threaded run.
     */
    public void atAll(double[][] columns, double[][] out, int count) {
        Checks.columns(columns, program.variables(), count);
        Checks.columns(out, program.outputs(), count);
        program.runParallel(columns, out, count);
    }

    /** The same on the calling thread only. */
    public void atAllSequential(double[][] columns, double[][] out, int count) {
        Checks.columns(columns, program.variables(), count);
        Checks.columns(out, program.outputs(), count);
        program.run(columns, out, 0, count, program.workspace());
    }
}
