package jgrad.examples;

import static jgrad.examples.SeedFormat.repr;

import java.util.LinkedHashMap;
import java.util.Map;
import jgrad.nn.Init;
import jgrad.nn.Linear;
import jgrad.nn.MSELoss;
import jgrad.nn.Sequential;
import jgrad.nn.Sigmoid;
import jgrad.tensor.Tensor;

/** Seed 001, part 1 of the gradient-descent series: predicted = σ(w·x), error (predicted − target)². */
final class SeriesExample {
    private SeriesExample() {}

    static SeedExample example() {
        return new Example("seed001-sigmoid-1in-1out", "1 input, 1 sigmoid output, squared error, w = 0.5, 10000 iterations (seed 001)",
                SeriesExample::run);
    }

    private static ExampleRun run() {
        Linear l = new Linear(1, 1, false).init(Init.values(0.5), 0);
        var model = new Sequential(l, new Sigmoid());
        Tensor x = Tensor.of(new double[][] {{0.1}}), target = Tensor.of(new double[][] {{0.3}});
        StringBuilder text = new StringBuilder("Initial W :  " + repr(l.weight().item()) + "\n");
        Trace t = Trace.run(model, new MSELoss(), x, target, 0.01, 10000, Double.NEGATIVE_INFINITY, "iteration", (r, err) -> {
            double predicted = model.predict(x).item();
            r.put("w", l.weight().item());
            r.put("predicted", predicted);
            r.put("err", err);
            r.put("grad", l.weight().grad().item());
            text.append(repr(predicted)).append('\n');
        }, r -> r.put("w_new", l.weight().item()));
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("final", Map.of("w", l.weight().item()));
        return new ExampleRun("seed001-sigmoid-1in-1out", t.records, text.toString(),
                "The seed prints no numbers, and its code cannot run as printed: the header 'def update_w(w, grad, learning_rate):'"
                        + " and the call 'w = update_w(w, grad, learning_rate)' are lost. It also evaluates the sigmoid's derivative at"
                        + " the prediction, activation_sop_deriv(predicted), instead of at the sum of products y = w*x. jgrad's autograd"
                        + " applies the chain rule at the right point; from w = 0.5, 10000 iterations at rate 0.01 move the prediction"
                        + " only from 0.5125 to 0.4875, not to the target 0.3 the text suggests.",
                extras);
    }
}
