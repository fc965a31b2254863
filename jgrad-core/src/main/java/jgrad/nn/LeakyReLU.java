package jgrad.nn;

import jgrad.tensor.Tensor;

/** Activation: z for z > 0, slope·z otherwise, so negative units keep a small gradient. */
public final class LeakyReLU extends Module {
    private final double slope;

    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double slope) {
        this.slope = slope;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.leakyRelu(slope);
    }

    public double slope() {
        return slope;
    }

    @Override
    public String toString() {
        return "LeakyReLU(" + slope + ")";
    }
}
