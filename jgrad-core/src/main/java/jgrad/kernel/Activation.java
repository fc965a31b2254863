package jgrad.kernel;

/** Element-wise activations the fused kernels know; each derivative is written in terms of the output y. */
public enum Activation {
    /** y = z, y' = 1. */
    IDENTITY,
    /** y = max(z, 0), y' = [y > 0] (equal to [z > 0]). */
    RELU,
    /** y = 1 / (1 + e^-z), y' = y (1 - y). */
    SIGMOID,
    /** y = tanh z, y' = 1 - y². */
    TANH
}
