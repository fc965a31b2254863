package jgrad.nn;

import jgrad.function.Activations;
import jgrad.function.LeakyRelu;

/** Activation: z for z > 0, slope·z otherwise, so negative units keep a small gradient. */
public final class LeakyReLU extends ActivationLayer {
    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double slope) {
        super(Activations.leakyRelu(slope));
    }

    public double slope() {
        return ((LeakyRelu) function()).slope();
    }

    @Override
    public String toString() {
        return "LeakyReLU(" + slope() + ")";
    }
}
