package jgrad.cli.model;

import java.util.function.Consumer;
import jgrad.cli.data.Prepared;
import jgrad.model.Mlp;
import jgrad.model.Rows;

/** Prepared CSV rows into the core's {@link Mlp} façade: the CLI only adapts its data, the core trains. */
public final class Training {
    private Training() {}

    /** Trains on the prepared training rows, validating on the validation rows; see {@link Mlp#fit}. */
    public static Mlp.Result fit(Prepared data, Mlp.Settings s, boolean scores, Consumer<Mlp.Epoch> onEpoch) {
        return fit(data, s, scores, onEpoch, null, null);
    }

    /** Continuing {@code from} (null: a new network), with {@code onBest} for checkpoints (null: none); see {@link Mlp#fit}. */
    public static Mlp.Result fit(Prepared data, Mlp.Settings s, boolean scores, Consumer<Mlp.Epoch> onEpoch, Mlp.Resume from,
                                 Consumer<jgrad.nn.Sequential> onBest) {
        int outputs = data.schema().outputs();
        return Mlp.fit(rows(data.train(), outputs), rows(data.validation(), outputs), s, scores, onEpoch, from, onBest);
    }

    /** A prepared part as the core's rows. */
    public static Rows rows(Prepared.Part p, int outputs) {
        return p.labels() != null ? new Rows(p.x().tensor(), p.labels(), null, outputs) : new Rows(p.x().tensor(), null, p.values(), 1);
    }
}
