package jgrad.function;

/** Softplus: y = ln(1 + e^z), a smooth relu; y' = σ(z) = 1 − e^−y. Above z = 20 it is z to double precision (PyTorch's threshold). */
record Softplus() implements Activation {
    public String name() { return "softplus"; }
    public double apply(double z) { return z > 20 ? z : Math.log1p(Math.exp(z)); }
    /** 1 − e^−y, computed as −expm1(−y) so that tiny y (very negative z) keeps its digits. */
    public double derivative(double z, double y) { return -Math.expm1(-y); }
    public boolean derivativeNeedsInput() { return false; }
    public String formula(String z, String zValue) { return "softplus(" + z + ") = ln(1 + e^" + z + ")"; }
    public String derivativeFormula(String z) { return "σ(" + z + ")"; }
    public String symbolic() { return "log(1 + exp(x))"; }
}
