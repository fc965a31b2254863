package jgrad.function;

/** y = z, y' = 1: a layer with no activation. */
record Identity() implements Activation {
    public String name() { return "identity"; }
    public double apply(double z) { return z; }
    public double derivative(double z, double y) { return 1; }
    public boolean derivativeNeedsInput() { return false; }
    public String formula(String z, String zValue) { return z; }
    public String derivativeFormula(String z) { return "1 (no activation)"; }
    public String symbolic() { return "x"; }

    public void apply(double[] y, int off, int len) {}
    public void apply(float[] y, int off, int len) {}
    public void backward(double[] z, double[] y, double[] g, int len) {}
    public void backward(float[] z, float[] y, float[] g, int len) {}
}
