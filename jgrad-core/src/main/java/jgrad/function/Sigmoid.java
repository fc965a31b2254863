package jgrad.function;

/** σ(z) = 1/(1 + e^−z), exactly as the seeds write it (large negative z gives 0, never NaN); σ' = σ(1 − σ). */
record Sigmoid() implements Activation {
    public String name() { return "sigmoid"; }
    public double apply(double z) { return 1.0 / (1.0 + Math.exp(-z)); }
    public double derivative(double z, double y) { return y * (1 - y); }
    public boolean derivativeNeedsInput() { return false; }
    public String formula(String z, String zValue) { return "σ(" + z + ") = 1/(1 + e^−" + z + ")"; }
    public String derivativeFormula(String z) { return "σ(" + z + ")(1 − σ(" + z + "))"; }
    public String symbolic() { return "1/(1 + exp(-x))"; }

    // the array rules are written out so that C2 compiles each loop for this function alone
    public void apply(double[] y, int off, int len) {
        for (int i = off; i < off + len; i++) y[i] = 1.0 / (1.0 + Math.exp(-y[i]));
    }

    public void apply(float[] y, int off, int len) {
        for (int i = off; i < off + len; i++) y[i] = (float) (1.0 / (1.0 + Math.exp(-y[i])));
    }

    public void backward(double[] z, double[] y, double[] g, int len) {
        for (int i = 0; i < len; i++) g[i] *= y[i] * (1 - y[i]);
    }

    public void backward(float[] z, float[] y, float[] g, int len) {
        for (int i = 0; i < len; i++) g[i] *= y[i] * (1f - y[i]); // in float, as a float32 network computes it
    }
}
