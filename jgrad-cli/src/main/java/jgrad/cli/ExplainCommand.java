package jgrad.cli;

import jgrad.model.LossKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Target;
import jgrad.cli.explain.Explainer;
import jgrad.cli.model.SavedLayer;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show one forward and one backward pass of a small network, step by step.",
                "Every z and a, dL/dŷ, each local derivative and the chain-rule product that gives each dL/dw and dL/db,",
                "then one gradient descent step.",
                "Without --model: seed 000's two chained sigmoid neurons (w1 = 0.3, b1 = 0.1, w2 = 0.2, b2 = 0.2, L = ½(ŷ − y)²)."},
        footer = {"", "Examples:", "  jgrad explain", "  jgrad explain --input 2 --target 0 --lr 0.5",
                "  jgrad train --data iris --layers 3 --out small.json", "  jgrad explain --model small.json --input 5.1,3.5,1.4,0.2 --target setosa"})
final class ExplainCommand implements Callable<Integer> {
    /** A network with more parameters would print pages; explain is for learning on small ones. */
    static final int MAX_PARAMETERS = 200;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "a small model saved by 'jgrad train --out' (default: seed 000's network)")
    Path model;
    @Option(names = "--input", paramLabel = "VALUES", description = "one value per feature column, comma-separated (default: 0.5 for the built-in network)")
    String input;
    @Option(names = "--target", paramLabel = "VALUE", description = "the true class or number (default: 1 for the built-in network)")
    String target;
    @Option(names = "--lr", paramLabel = "RATE", description = "learning rate of the update shown at the end (default: ${DEFAULT-VALUE})")
    double lr = 0.1;

    @Override
    public Integer call() {
        Flags.positive(spec, "--lr", lr);
        PrintWriter out = spec.commandLine().getOut();
        if (model == null) {
            double x = number("--input", input == null ? "0.5" : input), y = number("--target", target == null ? "1" : target);
            out.printf("Network: x → z1 = w1·x + b1 → a1 = σ(z1) → z2 = w2·a1 + b2 → ŷ = σ(z2), loss L = ½(ŷ − y)²  (seed 000)%n");
            out.printf("Sample:  x = %s, y = %s%n%n", input == null ? "0.5" : input.strip(), target == null ? "1" : target.strip());
            Explainer.explain(Explainer.SEED_000, new double[] {x}, new double[] {y}, Explainer.Loss.HALF_SQUARED, lr, null, out);
            return 0;
        }
        Model m = ModelFile.read(model);
        int parameters = m.layers().stream().mapToInt(l -> l instanceof SavedLayer.Dense d ? (d.in() + 1) * d.out() : 0).sum();
        if (parameters > MAX_PARAMETERS) {
            throw new UserException(model + ": " + parameters + " parameters is too many to explain step by step (at most " + MAX_PARAMETERS
                    + "); train a small one, e.g. jgrad train --data iris --layers 3 --out small.json");
        }
        if (input == null) throw new UserException("--input: give one value per feature column of the model: " + names(m));
        if (target == null) throw new UserException("--target: give the true " + (m.schema().classification() ? "class (" + String.join(", ", ((Target.Classes) m.schema().target()).classes()) + ")" : "value"));
        // the input goes through the model's own encoding and scaling, exactly as in training
        String[] values = input.split(",", -1);
        if (values.length != m.schema().features().size()) {
            throw new UserException("--input: " + values.length + " values, but the model reads " + m.schema().features().size() + " columns: " + names(m));
        }
        CsvTable row = CsvTable.ofRows("--input", m.schema().features().stream().map(f -> f.name()).toList(), List.<String[]>of(values));
        double[] x = m.scaler().transform(m.schema().encode(row))[0];
        double[] y;
        String className = null;
        if (m.schema().target() instanceof Target.Classes c) {
            int k = c.classes().indexOf(target.strip());
            if (k < 0) throw Flags.bad("--target", target, "one of the model's classes: " + String.join(", ", c.classes()));
            y = new double[c.classes().size()];
            y[k] = 1;
            className = c.classes().get(k);
        } else {
            Target.Values t = (Target.Values) m.schema().target();
            y = new double[] {(number("--target", target) - t.offset()) / t.scale()};
        }
        out.printf("Network: %s, loss %s  (%s)%n", architecture(m), m.loss().label(), model);
        out.printf("Sample:  x = %s after %s scaling, y = %s%s%n%n", Arrays.toString(Arrays.stream(x).mapToObj(v -> String.format("%.4g", v)).toArray()),
                Flags.label(m.scaler().method()), className != null ? className : target, className == null ? " (scaled: " + String.format("%.4g", y[0]) + ")" : "");
        Explainer.Loss loss = m.loss() == LossKind.CROSS_ENTROPY ? Explainer.Loss.CROSS_ENTROPY : Explainer.Loss.MSE;
        Explainer.explain(m.layers(), x, y, loss, lr, className, out);
        return 0;
    }

    private static String names(Model m) {
        return String.join(",", m.schema().features().stream().map(f -> f.name()).toList());
    }

    private static String architecture(Model m) {
        StringBuilder s = new StringBuilder().append(m.schema().inputs());
        for (SavedLayer l : m.layers()) {
            s.append(l instanceof SavedLayer.Dense d ? " → " + d.out() : " " + SavedLayer.label(l));
        }
        return s.toString();
    }

    private static double number(String flag, String value) {
        try {
            double v = Double.parseDouble(value.strip());
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Flags.bad(flag, value, "a number");
    }
}
