package jgrad.nn;

import jgrad.tensor.Tensor;

/** Activation: identity, ŷ = z. */
public final class Identity extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x;
    }

    @Override
    public String toString() {
        return "Identity()";
    }
}
