package jgrad.function;

/** z for z > 0, slope·z otherwise, so negative units keep a small gradient. */
public record LeakyRelu(double slope) implements Activation {
    public String name() { return "leaky_relu"; }
    public double apply(double z) { return z > 0 ? z : slope * z; }
    public double derivative(double z, double y) { return z > 0 ? 1 : slope; }
    public String formula(String z, String zValue) { return "leaky_relu(" + z + ") = (" + zValue + " > 0 ? " + zValue + " : " + slope + "·" + zValue + ")"; }
    public String derivativeFormula(String z) { return "(" + z + " > 0 ? 1 : " + slope + ")"; }
    public String symbolic() { return "Max(x, " + slope + "*x)"; }
}
