package jgrad.function;

/** GELU's tanh approximation: y = ½z(1 + tanh(√(2/π)(z + 0.044715 z³))), as PyTorch's {@code nn.GELU(approximate='tanh')}. */
record GeluTanh() implements Activation {
    private static final double C = Math.sqrt(2 / Math.PI), A = 0.044715;

    public String name() { return "gelu_tanh"; }
    public double apply(double z) { return 0.5 * z * (1 + Math.tanh(C * (z + A * z * z * z))); }

    public double derivative(double z, double y) {
        double t = Math.tanh(C * (z + A * z * z * z));
        return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * C * (1 + 3 * A * z * z);
    }

    public String formula(String z, String zValue) { return "gelu_tanh(" + z + ") = ½" + z + "(1 + tanh(√(2/π)(" + z + " + 0.044715·" + z + "³)))"; }
    public String derivativeFormula(String z) { return "½(1 + t) + ½" + z + "(1 − t²)·√(2/π)(1 + 0.134145·" + z + "²), t = tanh(√(2/π)(" + z + " + 0.044715·" + z + "³))"; }
    public String symbolic() { return "x/2*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x**3)))"; }
}
