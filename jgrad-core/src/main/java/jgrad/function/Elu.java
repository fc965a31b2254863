package jgrad.function;

/** ELU: y = z for z > 0, e^z − 1 below (α = 1, PyTorch's default); smooth at 0, negative outputs push means towards 0. */
record Elu() implements Activation {
    public String name() { return "elu"; }
    public double apply(double z) { return z > 0 ? z : Math.expm1(z); }
    /** 1 for z > 0, else e^z = y + 1: y alone gives it, since y > 0 exactly when z > 0. */
    public double derivative(double z, double y) { return y > 0 ? 1 : y + 1; }
    public boolean derivativeNeedsInput() { return false; }
    public String formula(String z, String zValue) { return "elu(" + z + ") = (" + zValue + " > 0 ? " + zValue + " : e^" + z + " − 1)"; }
    public String derivativeFormula(String z) { return "(" + z + " > 0 ? 1 : e^" + z + ")"; }
    public String symbolic() { return "Max(0, x) + Min(0, exp(x) - 1)"; }
}
