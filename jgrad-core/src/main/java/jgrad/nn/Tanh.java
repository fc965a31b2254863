package jgrad.nn;

import jgrad.tensor.Tensor;

/** Activation: tanh(z); tanh' = 1 − tanh². */
public final class Tanh extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.tanh();
    }

    @Override
    public String toString() {
        return "Tanh()";
    }
}
