package jgrad.function;

/** y = max(z, 0); y' = 1 for z > 0, else 0 (equal to [y > 0], so y alone gives it). */
record Relu() implements Activation {
    public String name() { return "relu"; }
    public double apply(double z) { return Math.max(z, 0.0); }
    public double derivative(double z, double y) { return y > 0 ? 1 : 0; }
    public boolean derivativeNeedsInput() { return false; }
    public String formula(String z, String zValue) { return "relu(" + z + ") = max(0, " + zValue + ")"; }
    public String derivativeFormula(String z) { return "(" + z + " > 0 ? 1 : 0)"; }
    public String symbolic() { return "Max(0, x)"; }

    public void apply(double[] y, int off, int len) {
        for (int i = off; i < off + len; i++) y[i] = Math.max(y[i], 0.0);
    }

    public void apply(float[] y, int off, int len) {
        for (int i = off; i < off + len; i++) y[i] = Math.max(y[i], 0f);
    }

    // y >= 0, so signum(y) is the 0/1 mask: branch-free (half the signs are random: a branch would
    // mispredict) and vectorised by C2
    public void backward(double[] z, double[] y, double[] g, int len) {
        for (int i = 0; i < len; i++) g[i] *= Math.signum(y[i]);
    }

    public void backward(float[] z, float[] y, float[] g, int len) {
        for (int i = 0; i < len; i++) g[i] *= Math.signum(y[i]);
    }
}
