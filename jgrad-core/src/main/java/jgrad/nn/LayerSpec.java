package jgrad.nn;

import java.util.ArrayList;
import java.util.List;
import jgrad.function.Activation;
import jgrad.function.Activations;

/**
 * The layer grammar that the API ({@link Sequential#parse}) and the CLI ({@code --layers}) share: hidden layers
 * separated by {@code |}, e.g. {@code relu(64)|dropout(0.2)|batchnorm|tanh(32)}. The output layer is added by
 * {@link #build}, which knows the number of outputs.
 * <ul>
 *   <li>{@code ACT(N)}: a dense layer of N units followed by the activation ACT, any name of {@link Activations}
 *       ({@code relu}, {@code silu}, {@code gelu}...), or {@code linear(N)} for none; options {@code l1=} and
 *       {@code l2=} add a penalty on its weights: {@code relu(64, l2=1e-4)};
 *   <li>{@code dropout(P)} (P defaults to 0.5), {@code batchnorm}, {@code softmax}.
 * </ul>
 */
public record LayerSpec(List<Item> items) {
    public LayerSpec {
        items = List.copyOf(items);
    }

    /** One piece of the spec, with the column it started at. */
    public sealed interface Item {
        int column();
    }

    public record Dense(int units, Activation activation, double l1, double l2, int column) implements Item {}

    public record DropoutItem(double p, int column) implements Item {}

    public record BatchNormItem(int column) implements Item {}

    public record SoftmaxItem(int column) implements Item {}

    /** Today's {@code --layers 64,32 --activation relu}: dense layers of one activation. */
    public static LayerSpec of(int[] hidden, Activation activation) {
        List<Item> items = new ArrayList<>();
        for (int h : hidden) items.add(new Dense(h, activation, 0, 0, 0));
        return new LayerSpec(items);
    }

    /** Parses a spec; {@code ""} or {@code none} has no hidden layers. */
    public static LayerSpec parse(String spec) {
        List<Item> items = new ArrayList<>();
        if (spec.isBlank() || spec.strip().equals("none")) return new LayerSpec(items);
        for (SpecToken t : SpecToken.split(spec)) {
            items.add(switch (t.name()) {
                case "dropout" -> {
                    double p = t.args().isEmpty() ? 0.5 : t.number(0);
                    if (t.args().size() > 1 || !(p >= 0 && p < 1)) throw t.argumentError("dropout takes one probability in [0, 1), got '" + String.join(",", t.args()) + "'");
                    yield new DropoutItem(p, t.column());
                }
                case "batchnorm" -> noArgs(new BatchNormItem(t.column()), t);
                case "softmax" -> noArgs(new SoftmaxItem(t.column()), t);
                default -> dense(t);
            });
        }
        return new LayerSpec(items);
    }

    private static Item dense(SpecToken t) {
        String name = t.name();
        Activation f = name.equals("linear") ? Activations.IDENTITY : Activations.byName(name);
        if (f == null || name.isEmpty()) throw t.error("unknown layer '" + name + "'");
        if (t.args().isEmpty()) throw t.error(name + " needs a number of units, e.g. " + name + "(64),");
        double units = t.number(0);
        if (!(units >= 1 && units == Math.rint(units) && units <= 1 << 24)) throw t.argumentError("'" + t.args().getFirst() + "' is not a positive number of units");
        double l1 = 0, l2 = 0;
        for (String option : t.args().subList(1, t.args().size())) {
            String[] kv = option.split("=", 2);
            String key = kv[0].strip();
            double v = kv.length == 2 ? new SpecToken("", List.of(kv[1].strip()), 0, 0).number(0) : Double.NaN;
            if (!(v >= 0) || Double.isInfinite(v) || !(key.equals("l1") || key.equals("l2"))) {
                throw t.argumentError("'" + option + "' is not an option of " + name + " (l1=λ or l2=λ, λ >= 0)");
            }
            if (key.equals("l1")) l1 = v;
            else l2 = v;
        }
        return new Dense((int) units, f, l1, l2, t.column());
    }

    private static Item noArgs(Item item, SpecToken t) {
        if (!t.args().isEmpty()) throw t.argumentError(t.name() + " takes no arguments");
        return item;
    }

    /** The distinct activations of the dense layers, in order of first use (one when the old --activation form made it). */
    public List<Activation> activations() {
        return items.stream().filter(Dense.class::isInstance).map(i -> ((Dense) i).activation()).distinct().toList();
    }

    /** The network as arrows, {@code 64 -> 128 relu -> batchnorm -> dropout(0.2) -> 10}: the layers between the given inputs and outputs. */
    public String arrows(int inputs, int outputs) {
        StringBuilder b = new StringBuilder().append(inputs);
        for (Item item : items) {
            b.append(" -> ").append(switch (item) {
                case Dense d -> d.units() + " " + (d.activation() == Activations.IDENTITY ? "linear" : d.activation().name());
                case DropoutItem d -> "dropout(" + d.p() + ")";
                case BatchNormItem n -> "batchnorm";
                case SoftmaxItem x -> "softmax";
            });
        }
        return b.append(" -> ").append(outputs).toString();
    }

    /** The hidden layers' widths, in order (dense layers only). */
    public int[] hidden() {
        return items.stream().filter(Dense.class::isInstance).mapToInt(i -> ((Dense) i).units()).toArray();
    }

    /**
     * The network: the spec's layers, then a dense output layer of {@code outputs} units (followed by softmax
     * when {@code softmaxOutput}). Dense layer k is initialised from {@code seed + k}: He for ReLU, which keeps
     * the signal's spread, Glorot (Xavier) for the others; dropout layer k draws its masks from its own seed.
     */
    public Sequential build(int inputs, int outputs, long seed, boolean softmaxOutput) {
        Sequential net = new Sequential();
        int width = inputs, dense = 0, dropouts = 0;
        for (Item item : items) {
            switch (item) {
                case Dense d -> {
                    net.add(new Linear(width, d.units()).init(d.activation() == Activations.RELU ? Init.heUniform() : Init.xavierUniform(), seed + dense++)
                            .penalties(d.l1(), d.l2()));
                    if (d.activation() != Activations.IDENTITY) net.add(ActivationLayer.of(d.activation().name()));
                    width = d.units();
                }
                case DropoutItem d -> net.add(new Dropout(d.p(), seed * 31 + 1_000_003 + dropouts++));
                case BatchNormItem b -> net.add(new BatchNorm1d(width));
                case SoftmaxItem s -> net.add(new Softmax());
            }
        }
        net.add(new Linear(width, outputs).init(Init.xavierUniform(), seed + dense));
        if (softmaxOutput) net.add(new Softmax());
        return net;
    }

    /** Two specs are equal when they build the same layers, wherever their pieces started. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LayerSpec other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** The spec in its canonical form, which {@link #parse} reads back. */
    @Override
    public String toString() {
        if (items.isEmpty()) return "none";
        List<String> parts = new ArrayList<>();
        for (Item item : items) {
            parts.add(switch (item) {
                case Dense d -> (d.activation() == Activations.IDENTITY ? "linear" : d.activation().name()) + "(" + d.units()
                        + (d.l1() > 0 ? ", l1=" + d.l1() : "") + (d.l2() > 0 ? ", l2=" + d.l2() : "") + ")";
                case DropoutItem d -> "dropout(" + d.p() + ")";
                case BatchNormItem b -> "batchnorm";
                case SoftmaxItem s -> "softmax";
            });
        }
        return String.join("|", parts);
    }
}
