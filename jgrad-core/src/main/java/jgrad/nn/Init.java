package jgrad.nn;

import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;

/**
 * How to fill a weight tensor of shape [fanIn, fanOut] (a bias is [fanOut]).
 * Each draws from the {@link Rng} it is given, so the same seed gives the same network.
 */
public sealed interface Init {
    double sample(int fanIn, int fanOut, Rng rng);

    /** Fills {@code t} element by element (explicit values are copied in order). */
    default void fill(Tensor t, int fanIn, int fanOut, Rng rng) {
        for (int i = 0; i < t.size(); i++) t.setFlat(i, sample(fanIn, fanOut, rng));
    }

    record Uniform(double low, double high) implements Init {
        public double sample(int fanIn, int fanOut, Rng rng) { return rng.uniform(low, high); }
    }

    record Normal(double mean, double std) implements Init {
        public double sample(int fanIn, int fanOut, Rng rng) { return mean + std * rng.nextGaussian(); }
    }

    /** Glorot: keeps the variance of activations and gradients alike for tanh/sigmoid layers. */
    record XavierUniform() implements Init {
        public double sample(int fanIn, int fanOut, Rng rng) {
            double a = Math.sqrt(6.0 / (fanIn + fanOut));
            return rng.uniform(-a, a);
        }
    }

    record XavierNormal() implements Init {
        public double sample(int fanIn, int fanOut, Rng rng) { return Math.sqrt(2.0 / (fanIn + fanOut)) * rng.nextGaussian(); }
    }

    /** He/Kaiming: for ReLU layers, which zero half their inputs. */
    record HeUniform() implements Init {
        public double sample(int fanIn, int fanOut, Rng rng) {
            double a = Math.sqrt(6.0 / fanIn);
            return rng.uniform(-a, a);
        }
    }

    record HeNormal() implements Init {
        public double sample(int fanIn, int fanOut, Rng rng) { return Math.sqrt(2.0 / fanIn) * rng.nextGaussian(); }
    }

    record Constant(double value) implements Init {
        public double sample(int fanIn, int fanOut, Rng rng) { return value; }
    }

    /** Explicit values, row-major, as the seeds' worked examples give them. */
    record Values(double... values) implements Init {
        public double sample(int fanIn, int fanOut, Rng rng) { throw new UnsupportedOperationException(); }

        @Override
        public void fill(Tensor t, int fanIn, int fanOut, Rng rng) {
            if (values.length != t.size()) {
                throw new IllegalArgumentException("Init.values: " + values.length + " values for a tensor of shape "
                        + java.util.Arrays.toString(t.shape()));
            }
            for (int i = 0; i < values.length; i++) t.setFlat(i, values[i]);
        }
    }

    static Init uniform(double low, double high) { return new Uniform(low, high); }
    static Init normal(double mean, double std) { return new Normal(mean, std); }
    static Init xavierUniform() { return new XavierUniform(); }
    static Init xavierNormal() { return new XavierNormal(); }
    static Init heUniform() { return new HeUniform(); }
    static Init heNormal() { return new HeNormal(); }
    static Init constant(double value) { return new Constant(value); }
    static Init values(double... values) { return new Values(values.clone()); }
}
