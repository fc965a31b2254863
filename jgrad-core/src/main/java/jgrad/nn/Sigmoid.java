package jgrad.nn;

import jgrad.tensor.Tensor;

/** Activation: σ(z) = 1/(1+e^(−z)); σ' = σ(1−σ). */
public final class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.sigmoid();
    }

    @Override
    public String toString() {
        return "Sigmoid()";
    }
}
