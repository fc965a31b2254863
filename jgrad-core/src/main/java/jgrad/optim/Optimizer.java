package jgrad.optim;

import java.util.ArrayList;
import java.util.List;
import jgrad.tensor.Tensor;

/** Updates parameters in place from their gradients; one subclass per rule. */
public abstract class Optimizer {
    protected final List<Tensor> params;
    protected double lr;
    protected double weightDecay;

    protected Optimizer(List<Tensor> params, double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) throw new IllegalArgumentException("learning rate must be positive, got " + lr);
        this.params = new ArrayList<>(params);
        this.lr = lr;
    }

    /** Applies one update to every parameter that has a gradient. */
    public final void step() {
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (p.grad() != null) update(i, p, p.grad());
        }
        stepsTaken++;
    }

    private long stepsTaken;

    /** Number of {@link #step()} calls so far (Adam's bias correction needs it). */
    protected final long steps() {
        return stepsTaken;
    }

    /** Updates parameter number {@code index} from its gradient. */
    protected abstract void update(int index, Tensor param, Tensor grad);

    public final void zeroGrad() {
        for (Tensor p : params) p.zeroGrad();
    }

    public final double learningRate() {
        return lr;
    }

    public final void setLearningRate(double lr) {
        this.lr = lr;
    }

    public List<Tensor> parameters() {
        return List.copyOf(params);
    }

    /** The gradient plus the L2 penalty's, wd·p (the coupled weight decay of SGD and Adam). */
    protected final double decayed(Tensor p, Tensor g, int i) {
        return weightDecay == 0 ? g.getFlat(i) : g.getFlat(i) + weightDecay * p.getFlat(i);
    }

    /** Per-parameter state of the same shape (momentum, running averages), created on first use. */
    protected static double[] state(List<double[]> states, int index, Tensor p) {
        while (states.size() <= index) states.add(null);
        if (states.get(index) == null) states.set(index, new double[p.size()]);
        return states.get(index);
    }
}
