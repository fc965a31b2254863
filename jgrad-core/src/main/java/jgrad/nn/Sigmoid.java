package jgrad.nn;

import jgrad.function.Activations;

/** Activation: σ(z) = 1/(1+e^(−z)); σ' = σ(1−σ). */
public final class Sigmoid extends ActivationLayer {
    public Sigmoid() {
        super(Activations.SIGMOID);
    }
}
