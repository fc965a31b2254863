package jgrad.function;

import java.util.List;

/**
 * SiLU (swish): y = z·σ(z), smooth and non-monotonic near 0; y' = σ(z)(1 + z(1 − σ(z))), which needs z.
 * This file and one line in {@link Activations} are all it takes to add an activation.
 */
record Silu() implements Activation {
    public String name() { return "silu"; }
    public List<String> aliases() { return List.of("swish"); }
    public double apply(double z) { return z / (1.0 + Math.exp(-z)); }

    public double derivative(double z, double y) {
        double s = 1.0 / (1.0 + Math.exp(-z));
        return s * (1 + z * (1 - s));
    }

    public String formula(String z, String zValue) { return "silu(" + z + ") = " + z + "·σ(" + z + ")"; }
    public String derivativeFormula(String z) { return "σ(" + z + ")(1 + " + z + "(1 − σ(" + z + ")))"; }
    public String symbolic() { return "x/(1 + exp(-x))"; }
}
