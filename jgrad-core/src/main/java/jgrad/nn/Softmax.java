package jgrad.nn;

import jgrad.tensor.Tensor;

/**
 * Activation: probabilities over the last axis. To train a classifier, prefer ending the network
 * with logits and using {@link CrossEntropyLoss}, which is stabler than log(softmax).
 */
public final class Softmax extends Layer {
    @Override
    public Tensor forward(Tensor x) {
        return x.softmax(-1);
    }

    @Override
    public String toString() {
        return "Softmax()";
    }
}
