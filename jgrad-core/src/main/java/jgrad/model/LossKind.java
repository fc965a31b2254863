package jgrad.model;

import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.Loss;
import jgrad.nn.MSELoss;

/** What an MLP's output means to its loss, and the engine's loss it trains with. */
public enum LossKind {
    /** logits; the loss applies softmax (numerically stable log-softmax) itself */
    CROSS_ENTROPY(new CrossEntropyLoss()),
    /** mean squared error of the outputs (after softmax for classes) */
    MSE(new MSELoss());

    private final Loss engine;

    LossKind(Loss engine) {
        this.engine = engine;
    }

    /** The engine's loss: its value and gradient, defined once. */
    public Loss engine() {
        return engine;
    }

    /** Its name in the CLI and the model file: the loss's own. */
    public String label() {
        return engine.name();
    }

    /** The kind called {@code label}, or null. */
    public static LossKind parse(String label) {
        for (LossKind k : values()) if (k.label().equals(label)) return k;
        return null;
    }
}
