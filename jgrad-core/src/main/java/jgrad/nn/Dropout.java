package jgrad.nn;

import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;

/**
 * Inverted dropout: in training mode each value is zeroed with probability p and the survivors are scaled
 * by 1/(1 − p), so evaluation mode (which passes everything through) needs no rescaling. The mask comes
 * from the layer's own seeded generator: the same seed drops the same units, run after run.
 */
public final class Dropout extends Layer {
    private final double p;
    private final long seed;
    private Rng rng;

    /** Seeded from the global {@link Rng} ({@code Rng.manualSeed} makes it reproducible), as layers' weights are. */
    public Dropout(double p) {
        this(p, Rng.global().nextLong());
    }

    public Dropout(double p, long seed) {
        if (!(p >= 0 && p < 1)) throw new IllegalArgumentException("Dropout(" + p + "): p must be in [0, 1)");
        this.p = p;
        this.seed = seed;
        this.rng = new Rng(seed);
    }

    public double p() {
        return p;
    }

    /** Where the mask sequence is, so that a resumed run draws the masks an uninterrupted one would. */
    public long rngState() {
        return rng.state();
    }

    public void restoreRng(long state) {
        rng = new Rng(state);
    }

    /** Restarts the mask sequence from the seed (a rerun of training draws the same masks). */
    public void reset() {
        rng = new Rng(seed);
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0) return x;
        Tensor mask = Tensor.zeros(x.dtype(), x.shape());
        double keep = 1 / (1 - p);
        for (int i = 0; i < mask.size(); i++) if (rng.nextDouble() >= p) mask.setFlat(i, keep);
        return x.mul(mask);
    }

    @Override
    public String toString() {
        return "Dropout(" + p + ")";
    }
}
