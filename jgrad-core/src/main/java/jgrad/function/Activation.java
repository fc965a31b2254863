package jgrad.function;

/**
 * An element-wise activation function, defined once: its forward rule, its derivative, its name on
 * the command line and in model files, the formulas {@code explain} prints, and its form in jgrad's
 * formula language. Autograd ({@code Tensor.apply}), the fused kernels, the model file, the CLI and
 * {@code explain} all read this one definition.
 *
 * <p>To add an activation: one class implementing this interface (see {@link Silu}) and one line in
 * {@link Activations}. The array methods have defaults built from the scalar rules; a definition
 * overrides them only for speed, and a test holds every override to the scalar rule.
 */
public interface Activation {
    /** The name in {@code --activation}, the model file and the graph: {@code relu}. */
    String name();

    /** Other names it is known by ({@code swish} for SiLU). */
    default java.util.List<String> aliases() {
        return java.util.List.of();
    }

    /** y = f(z). */
    double apply(double z);

    /** f'(z), given z and y = f(z): whichever of the two gives it more cheaply. */
    double derivative(double z, double y);

    /** False when y alone gives the derivative: the fused path then keeps no copy of z. */
    default boolean derivativeNeedsInput() {
        return true;
    }

    /** The forward rule as {@code explain} prints it, e.g. {@code σ(z1) = 1/(1 + e^−z1)}; zValue is z's printed number. */
    String formula(String z, String zValue);

    /** The derivative as {@code explain} prints it, e.g. {@code σ(z1)(1 − σ(z1))}. */
    String derivativeFormula(String z);

    /** f(x) in the formula language of {@code jgrad diff} (SymPy's syntax), or null where it has none. */
    String symbolic();

    /** y[off..off+len) = f(y) in place. */
    default void apply(double[] y, int off, int len) {
        for (int i = off; i < off + len; i++) y[i] = apply(y[i]);
    }

    /** float32 twin of {@link #apply(double[], int, int)}. */
    default void apply(float[] y, int off, int len) {
        for (int i = off; i < off + len; i++) y[i] = (float) apply(y[i]);
    }

    /** g[i] *= f'(z[i]) for i < len, from the input z (null unless {@link #derivativeNeedsInput()}) and the output y. */
    default void backward(double[] z, double[] y, double[] g, int len) {
        for (int i = 0; i < len; i++) g[i] *= derivative(z == null ? Double.NaN : z[i], y[i]);
    }

    /** float32 twin of {@link #backward(double[], double[], double[], int)}. */
    default void backward(float[] z, float[] y, float[] g, int len) {
        for (int i = 0; i < len; i++) g[i] *= (float) derivative(z == null ? Double.NaN : z[i], y[i]);
    }
}
