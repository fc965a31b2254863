package jgrad.train;

import java.util.ArrayList;
import java.util.List;
import jgrad.nn.SpecToken;

/**
 * A learning rate for every epoch, from the optimiser's base rate: phases run one after another, as in
 * {@code warmup(5)|cosine} (five epochs of linear warm-up, then cosine annealing over the epochs left).
 * Parsed from the same {@code |} grammar as the layers ({@link #parse}); {@code plateau} reacts to the
 * validation loss (the training loss without validation rows), the others depend on the epoch alone.
 * <ul>
 *   <li>{@code constant};
 *   <li>{@code warmup(N)}: from base/N up to base over N epochs (a phase of N epochs);
 *   <li>{@code step(N, γ)}: multiplied by γ (default 0.1) every N epochs, as PyTorch's StepLR;
 *   <li>{@code exponential(γ)}: multiplied by γ every epoch;
 *   <li>{@code cosine(min)}: from base down to min (default 0) along half a cosine, over the epochs left;
 *   <li>{@code plateau(factor, patience)}: multiplied by factor (default 0.1) when the loss has not improved for
 *       patience (default 10) epochs, as ReduceLROnPlateau; it applies on top of the other phases.
 * </ul>
 */
public final class Schedule {
    /** One phase: its rate as a factor of the base rate at epoch e (1-based within the phase) of n. */
    sealed interface Phase {}

    record Constant() implements Phase {}

    record Warmup(int epochs) implements Phase {}

    record Step(int every, double gamma) implements Phase {}

    record Exponential(double gamma) implements Phase {}

    record Cosine(double minRate) implements Phase {}

    record Plateau(double factor, int patience) implements Phase {}

    private final List<Phase> phases;
    private final List<Phase> timed; // the phases that take turns: plateau scales whichever runs
    private final String spec;
    private double plateauFactor = 1, best = Double.POSITIVE_INFINITY;
    private int sinceBest;

    private Schedule(List<Phase> phases, String spec) {
        this.phases = List.copyOf(phases);
        this.timed = phases.stream().filter(p -> !(p instanceof Plateau)).toList();
        this.spec = spec;
    }

    public static Schedule constant() {
        return new Schedule(List.of(new Constant()), "constant");
    }

    /** Parses a schedule spec; errors say the column, as {@code unknown schedule 'cosin' at column 11}. */
    public static Schedule parse(String spec) {
        List<Phase> phases = new ArrayList<>();
        for (SpecToken t : SpecToken.split(spec)) {
            phases.add(switch (t.name()) {
                case "constant" -> new Constant();
                case "warmup" -> new Warmup(positiveInt(t, 0, "warmup needs a number of epochs, e.g. warmup(5)"));
                case "step" -> new Step(positiveInt(t, 0, "step needs a number of epochs, e.g. step(10, 0.5)"), factor(t, 1, 0.1));
                case "exponential" -> new Exponential(factor(t, 0, Double.NaN));
                case "cosine" -> {
                    double min = t.args().isEmpty() ? 0 : t.number(0);
                    if (!(min >= 0) || Double.isInfinite(min)) throw t.argumentError("cosine takes a minimum rate >= 0, got '" + String.join(",", t.args()) + "'");
                    yield new Cosine(min);
                }
                case "plateau" -> new Plateau(factor(t, 0, 0.1), t.args().size() < 2 ? 10 : positiveInt(t, 1, "plateau's patience must be a positive number of epochs"));
                default -> throw t.error("unknown schedule '" + t.name() + "' (constant, warmup, step, exponential, cosine, plateau)");
            });
        }
        return new Schedule(phases, spec.strip());
    }

    private static int positiveInt(SpecToken t, int i, String message) {
        double v = t.number(i);
        if (!(v >= 1 && v == Math.rint(v))) throw t.argumentError(message);
        return (int) v;
    }

    private static double factor(SpecToken t, int i, double fallback) {
        double v = i < t.args().size() ? t.number(i) : fallback;
        if (!(v > 0 && v < 1)) throw t.argumentError(t.name() + " needs a factor in (0, 1), got '" + (i < t.args().size() ? t.args().get(i) : "nothing") + "'");
        return v;
    }

    /** The rate for {@code epoch} (1-based) of {@code epochs}, from the base rate. */
    public double rate(double base, int epoch, int epochs) {
        int start = 1;
        for (int i = 0; i < timed.size(); i++) {
            Phase p = timed.get(i);
            int length = p instanceof Warmup w && i < timed.size() - 1 ? w.epochs() : Integer.MAX_VALUE;
            if (epoch < start + (long) length) return base * plateauFactor * factor(p, epoch - start + 1, epochs - start + 1, base);
            start += length;
        }
        return base * plateauFactor;
    }

    private static double factor(Phase p, int e, int n, double base) {
        return switch (p) {
            case Constant c -> 1;
            case Plateau pl -> 1; // never timed: see rate
            case Warmup w -> Math.min(1, e / (double) w.epochs());
            case Step s -> Math.pow(s.gamma(), (e - 1) / s.every());
            case Exponential x -> Math.pow(x.gamma(), e - 1);
            case Cosine c -> {
                double min = c.minRate() / base, t = n <= 1 ? 0 : (e - 1) / (double) (n - 1);
                yield min + (1 - min) * 0.5 * (1 + Math.cos(Math.PI * t));
            }
        };
    }

    /** Tells the plateau phase (if any) how the epoch went: it lowers the rate when the loss stops improving. */
    public void observe(double loss) {
        for (Phase p : phases) {
            if (!(p instanceof Plateau pl)) continue;
            if (loss < best) {
                best = loss;
                sinceBest = 0;
            } else if (++sinceBest >= pl.patience()) {
                plateauFactor *= pl.factor();
                sinceBest = 0;
            }
        }
    }

    /** A listener that sets the optimiser's rate for each epoch of a {@code epochs}-epoch run. */
    public TrainingListener listener(jgrad.optim.Optimizer optimizer, int epochs) {
        return listener(optimizer, 0, epochs);
    }

    /** The same for a run resumed after {@code done} of {@code epochs} epochs: the rates continue where it stopped. */
    public TrainingListener listener(jgrad.optim.Optimizer optimizer, int done, int epochs) {
        plateauFactor = 1; // a new run starts from the base rate
        best = Double.POSITIVE_INFINITY;
        sinceBest = 0;
        double base = optimizer.learningRate();
        optimizer.setLearningRate(rate(base, done + 1, epochs));
        return new TrainingListener() {
            @Override
            public boolean afterEpoch(EpochStats stats) {
                observe(Double.isNaN(stats.validationLoss()) ? stats.loss() : stats.validationLoss());
                optimizer.setLearningRate(rate(base, stats.epoch() + 1, epochs));
                return true;
            }
        };
    }

    @Override
    public String toString() {
        return spec;
    }
}
