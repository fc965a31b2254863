package jgrad.nn;

import jgrad.function.Activations;

/** Activation: identity, ŷ = z. */
public final class Identity extends ActivationLayer {
    public Identity() {
        super(Activations.IDENTITY);
    }
}
