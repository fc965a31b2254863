package jgrad.nn;

import jgrad.function.Activations;

/** Activation: max(0, z); derivative 1 for z > 0, else 0. */
public final class ReLU extends ActivationLayer {
    public ReLU() {
        super(Activations.RELU);
    }
}
