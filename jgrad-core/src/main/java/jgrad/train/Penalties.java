package jgrad.train;

import java.util.ArrayList;
import java.util.List;
import jgrad.nn.Layer;
import jgrad.nn.Linear;
import jgrad.nn.Sequential;
import jgrad.tensor.Tensor;

/**
 * Adds the L1 and L2 penalties of a model's {@link Linear} layers ({@link Linear#penalties}) to their weights'
 * gradients after each backward pass: l1·sign(w) + 2·l2·w, the gradient of l1·Σ|w| + l2·Σw². The reported loss
 * stays the data loss, so that it can be compared across penalties.
 */
public final class Penalties implements TrainingListener {
    private final List<Linear> layers = new ArrayList<>();

    public Penalties(Layer model) {
        collect(model);
    }

    /** Whether any layer has a penalty (otherwise there is nothing to install). */
    public boolean any() {
        return !layers.isEmpty();
    }

    /** l1·Σ|w| + l2·Σw² over the penalised layers. */
    public double value() {
        double total = 0;
        for (Linear l : layers) {
            Tensor w = l.weight();
            for (int i = 0; i < w.size(); i++) total += l.l1() * Math.abs(w.getFlat(i)) + l.l2() * w.getFlat(i) * w.getFlat(i);
        }
        return total;
    }

    @Override
    public void afterBackward(int epoch, int batch, Tensor loss) {
        for (Linear l : layers) {
            Tensor w = l.weight(), g = w.gradStorage();
            for (int i = 0; i < w.size(); i++) g.setFlat(i, g.getFlat(i) + l.l1() * Math.signum(w.getFlat(i)) + 2 * l.l2() * w.getFlat(i));
        }
    }

    private void collect(Layer m) {
        if (m instanceof Linear l && (l.l1() > 0 || l.l2() > 0)) layers.add(l);
        if (m instanceof Sequential s) s.layers().forEach(this::collect);
    }
}
