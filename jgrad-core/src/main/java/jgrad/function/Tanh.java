package jgrad.function;

/** y = tanh z, y' = 1 − y². */
record Tanh() implements Activation {
    public String name() { return "tanh"; }
    public double apply(double z) { return Math.tanh(z); }
    public double derivative(double z, double y) { return 1 - y * y; }
    public boolean derivativeNeedsInput() { return false; }
    public String formula(String z, String zValue) { return "tanh(" + z + ")"; }
    public String derivativeFormula(String z) { return "1 − tanh²(" + z + ")"; }
    public String symbolic() { return "tanh(x)"; }

    // the array rules are written out so that C2 compiles each loop for this function alone
    public void apply(double[] y, int off, int len) {
        for (int i = off; i < off + len; i++) y[i] = Math.tanh(y[i]);
    }

    // float32 arrays: a rational approximation a few ulps from Math.tanh, SIMD and scalar alike (TanhF32)
    public void apply(float[] y, int off, int len) {
        TanhF32.apply(y, off, len);
    }

    public void backward(double[] z, double[] y, double[] g, int len) {
        for (int i = 0; i < len; i++) g[i] *= 1 - y[i] * y[i];
    }

    public void backward(float[] z, float[] y, float[] g, int len) {
        for (int i = 0; i < len; i++) g[i] *= 1f - y[i] * y[i];
    }
}
