package jgrad.optimize;

/** Which rule ended a run; {@link #key()} is the name used in JSON and on the command line. */
public enum StopReason {
    /** Every gradient component below the tolerance in absolute value. */
    GRADIENT("gradient"),
    /** The step (largest coordinate change) at most the precision, as seed 002's while loop. */
    STEP("precision"),
    /** The function value below the threshold. */
    VALUE("value"),
    /** The iteration budget was used up. */
    MAX_ITERATIONS("iterations"),
    /** The point or value became infinite or NaN, or f grew far above its start ({@link GradientDescent#DIVERGENCE_FACTOR}). */
    DIVERGED("diverged");

    private final String key;

    StopReason(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
