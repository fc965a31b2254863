package jgrad.cli;

import jgrad.model.Mlp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.data.Scaler;
import picocli.CommandLine.Mixin;

/**
 * The flags of {@code jgrad train}, with its checks and its summary line, for other front ends
 * ({@code jgrad spark train}): a picocli mixin of {@link TrainCommand} itself, so both commands always
 * take the same flags with the same defaults and errors. (In jgrad-spark, in this package because
 * {@code TrainCommand} is not public.)
 */
public final class TrainFlags {
    @Mixin
    TrainCommand train = new TrainCommand();

    /** The hyperparameters, checked as {@code jgrad train} checks them; the loss still "auto" (null). */
    public Mlp.Settings settings() {
        return train.settings();
    }

    /** The settings with the loss resolved for this schema (cross-entropy for classes, MSE for numbers). */
    public Mlp.Settings resolve(Mlp.Settings s, Schema schema) {
        return TrainCommand.resolveLoss(s, schema);
    }

    public double[] fractions() {
        return train.fractions();
    }

    public Scaler.Method scale() {
        return Flags.choice("--scale", train.scale, Scaler.Method.class);
    }

    public Target.Task task() {
        return Flags.choice("--task", train.task, Target.Task.class);
    }

    public String data() {
        return train.data;
    }

    public String target() {
        return train.target;
    }

    public Set<String> categorical() {
        return Set.of(Flags.list("--categorical", train.categorical, "column names", s -> s, String[]::new));
    }

    /** The columns of --features, or null for all but the target. */
    public Set<String> features() {
        if (train.features == null) return null;
        Set<String> only = new LinkedHashSet<>(List.of(Flags.list("--features", train.features, "column names", s -> s, String[]::new)));
        if (only.isEmpty()) throw Flags.bad("--features", train.features, "one or more column names");
        return only;
    }

    public long seed() {
        return train.seed;
    }

    public Path out() {
        return train.out;
    }

    public Path plot() {
        return train.plot;
    }

    public boolean quiet() {
        return train.quiet;
    }

    public boolean json() {
        return train.json;
    }

    /** Checks --out before any work, as {@code jgrad train} does. */
    public void checkOutputs() {
        if (train.out != null) AtomicFile.checkWritable(train.out, "--out");
    }

    /** The training note saved in the model file. */
    public Map<String, Object> note(Mlp.Settings s) {
        return train.trainingNote(s);
    }

    /** {@code jgrad train}'s "network" line. */
    public String networkLine(Schema schema, Mlp.Settings s) {
        return TrainCommand.networkLine(schema, s);
    }

    public void summary(PrintWriter o, Mlp.Result r, double samplesPerSecond) {
        TrainCommand.summary(o, r, samplesPerSecond);
    }
}
