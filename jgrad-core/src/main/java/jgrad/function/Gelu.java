package jgrad.function;

/**
 * GELU: y = z·Φ(z), Φ the standard normal distribution function, as PyTorch's {@code nn.GELU()}; y' = Φ(z) + z·φ(z).
 * {@link GeluTanh} is the tanh approximation (PyTorch's {@code approximate='tanh'}), cheaper to evaluate.
 */
record Gelu() implements Activation {
    private static final double SQRT_HALF = Math.sqrt(0.5), INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    public String name() { return "gelu"; }
    public double apply(double z) { return z * cdf(z); }
    public double derivative(double z, double y) { return cdf(z) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z); }
    public String formula(String z, String zValue) { return "gelu(" + z + ") = " + z + "·Φ(" + z + ")"; }
    public String derivativeFormula(String z) { return "Φ(" + z + ") + " + z + "·φ(" + z + ")"; }
    /** The formula language has no erf. */
    public String symbolic() { return null; }

    /** Φ(z) = ½(1 + erf(z/√2)). */
    static double cdf(double z) {
        return 0.5 * (1 + Erf.erf(z * SQRT_HALF));
    }
}
