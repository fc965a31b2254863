package jgrad.spark;

import jgrad.model.Mlp;
import java.io.Serializable;
import jgrad.kernel.UpdateD;
import jgrad.tensor.DType;

/**
 * The optimisers of {@code jgrad train} ({@code jgrad.optim.SGD}, momentum 0.9, {@code Adam}) as
 * update rules on flat arrays, with their state (velocity; Adam's m and v) as flat arrays too, so that
 * averaging mode can average it. Every expression is the engine's, in the engine's order, so an exact
 * run's updates are the engine's to the last bit (the exactness test holds them to it).
 * Part of the engine adapter: the engine's own flat-array rules replace these when it has them.
 */
final class FlatOptimizer implements Serializable {
    private static final double MOMENTUM = 0.9, BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    private final Mlp.OptimizerKind kind;
    private final double lr;
    private final double weightDecay;
    private final boolean float32;
    /** velocity (momentum), or m then v (Adam), one after the other */
    private final double[] state;
    private long steps;

    FlatOptimizer(Mlp.OptimizerKind kind, double lr, double weightDecay, DType dtype, int parameters) {
        this.kind = kind;
        this.lr = lr;
        this.weightDecay = weightDecay;
        this.float32 = dtype == DType.FLOAT32;
        this.state = new double[kind == Mlp.OptimizerKind.ADAM ? 2 * parameters : kind == Mlp.OptimizerKind.MOMENTUM ? parameters : 0];
    }

    /** A fresh optimiser of the same kind and settings (its state is {@link #load}ed after). */
    FlatOptimizer copy() {
        return new FlatOptimizer(kind, lr, weightDecay, float32 ? DType.FLOAT32 : DType.FLOAT64, state.length == 0 ? 0 : kind == Mlp.OptimizerKind.ADAM ? state.length / 2 : state.length);
    }

    double learningRate() {
        return lr;
    }

    long steps() {
        return steps;
    }

    /** The optimiser's state as one array (for averaging); {@link #load} puts such an array back. */
    double[] state() {
        return state;
    }

    void load(double[] newState, long newSteps) {
        System.arraycopy(newState, 0, state, 0, state.length);
        steps = newSteps;
    }

    /**
     * One update of {@code p} from gradient {@code g}, in place. float64 runs the engine's own update rules
     * ({@code kernel.UpdateD}, which {@code jgrad.optim} runs per parameter: element-wise, so a flat vector gets the
     * same bits); float32 parameters, which travel here as doubles, keep the rule written out with float rounding.
     */
    void step(double[] p, double[] g) {
        int n = p.length;
        if (!float32) {
            switch (kind) {
                case SGD -> UpdateD.sgd(p, g, n, lr, weightDecay);
                case MOMENTUM -> UpdateD.momentum(p, g, state, n, lr, weightDecay, MOMENTUM, 0, false, steps == 0);
                case ADAM -> {
                    if (m == null) {
                        m = new double[n];
                        v = new double[n];
                    }
                    System.arraycopy(state, 0, m, 0, n);
                    System.arraycopy(state, n, v, 0, n);
                    UpdateD.adam(p, g, m, v, n, lr, weightDecay, false, BETA1, BETA2, EPS, steps + 1);
                    System.arraycopy(m, 0, state, 0, n);
                    System.arraycopy(v, 0, state, n, n);
                }
            }
            steps++;
            return;
        }
        switch (kind) {
            case SGD -> {
                for (int i = 0; i < n; i++) p[i] = round(p[i] - lr * decayed(p, g, i));
            }
            case MOMENTUM -> {
                boolean first = steps == 0;
                for (int i = 0; i < n; i++) {
                    double gi = decayed(p, g, i);
                    state[i] = first ? gi : MOMENTUM * state[i] + gi;
                    p[i] = round(p[i] - lr * state[i]);
                }
            }
            case ADAM -> {
                long t = steps + 1;
                double c1 = 1 - Math.pow(BETA1, t), c2 = 1 - Math.pow(BETA2, t);
                for (int i = 0; i < n; i++) {
                    double gi = decayed(p, g, i);
                    state[i] = BETA1 * state[i] + (1 - BETA1) * gi;
                    state[n + i] = BETA2 * state[n + i] + (1 - BETA2) * gi * gi;
                    p[i] = round(p[i] - lr * (state[i] / c1) / (Math.sqrt(state[n + i] / c2) + EPS));
                }
            }
        }
        steps++;
    }

    private transient double[] m, v; // Adam's moments as the kernel takes them (copied from and to state)

    private double decayed(double[] p, double[] g, int i) {
        double gi = float32 ? (float) g[i] : g[i];
        return weightDecay == 0 ? gi : gi + weightDecay * p[i];
    }

    /** A float32 parameter keeps float precision, as the engine's float tensors store it. */
    private double round(double v) {
        return float32 ? (float) v : v;
    }
}
