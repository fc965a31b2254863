package jgrad.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import jgrad.nn.Loss;
import jgrad.nn.Layer;
import jgrad.optim.SGD;
import jgrad.tensor.Tensor;
import jgrad.train.EpochStats;
import jgrad.train.History;
import jgrad.train.Trainer;
import jgrad.train.TrainingListener;

/**
 * Full-batch gradient descent through the public {@link Trainer}, recording every epoch as the
 * reference does: loss and gradients before the update, parameters after it.
 */
final class Trace {
    final List<Map<String, Object>> records = new ArrayList<>();
    /** The epoch at which the loss threshold stopped the run (parameters not updated), or null. */
    Map<String, Object> stop;
    History history;

    /**
     * @param beforeUpdate adds the loss and gradient fields to the record (gradients are in {@code grad()})
     * @param afterUpdate adds the parameter fields
     */
    static Trace run(Layer model, Loss loss, Tensor x, Tensor y, double lr, int epochs, double stopBelow, String counter,
            BiConsumer<Map<String, Object>, Double> beforeUpdate, java.util.function.Consumer<Map<String, Object>> afterUpdate) {
        Trace t = new Trace();
        AtomicReference<Map<String, Object>> current = new AtomicReference<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void afterBackward(int epoch, int batch, Tensor l) {
                current.set(new LinkedHashMap<>());
                current.get().put(counter, epoch);
                beforeUpdate.accept(current.get(), l.item());
            }

            @Override
            public boolean afterEpoch(EpochStats stats) {
                afterUpdate.accept(current.get());
                t.records.add(current.get());
                return true;
            }
        };
        t.history = Trainer.builder(model, loss, new SGD(model.parameters(), lr)).epochs(epochs).batchSize(0)
                .stopWhenLossBelow(stopBelow).listener(recorder).build().fit(x, y);
        if (t.history.stoppedBy() == History.StopReason.LOSS_BELOW_THRESHOLD) {
            t.stop = new LinkedHashMap<>();
            t.stop.put(counter, t.history.last().epoch());
            t.stop.put("loss", t.history.last().loss());
            afterUpdate.accept(t.stop);
        }
        return t;
    }

    static double grad(Tensor p, int i) {
        return p.grad().getFlat(i);
    }

    static double[] column(List<Map<String, Object>> records, String key) {
        double[] out = new double[records.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) records.get(i).get(key)).doubleValue();
        return out;
    }
}
