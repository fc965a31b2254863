package jgrad.nn;

import jgrad.tensor.Tensor;

/** Activation: max(0, z); derivative 1 for z > 0, else 0. */
public final class ReLU extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }

    @Override
    public String toString() {
        return "ReLU()";
    }
}
