package jgrad.nn;

import jgrad.function.Activations;

/** Activation: tanh(z); tanh' = 1 − tanh². */
public final class Tanh extends ActivationLayer {
    public Tanh() {
        super(Activations.TANH);
    }
}
