package jgrad.readme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jgrad.nn.Linear;
import jgrad.nn.MSELoss;
import jgrad.nn.Sequential;
import jgrad.nn.Tanh;
import jgrad.optim.Adam;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;
import jgrad.train.EpochStats;
import jgrad.train.History;
import jgrad.train.Trainer;
import jgrad.train.TrainingListener;
import jgrad.train.TrainingLoop;
import org.junit.jupiter.api.Test;

/** The README's listener and optimiser-state example is this test's code, verbatim between the markers. */
class TrainingReadmeTest {
    @Test
    void aListenerOfOnesOwnAndTheOptimiserState() {
        var printed = new ByteArrayOutputStream();
        var stdout = System.out;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            // README:begin
            Rng.manualSeed(0);
            var x = Tensor.of(new double[][] {{-2}, {-1}, {0}, {1}, {2}, {3}});
            var y = x.mul(x);                                              // learn y = x²
            var model = new Sequential(new Linear(1, 16), new Tanh(), new Linear(16, 1));
            var optimizer = new Adam(model.parameters(), 0.05).weightDecay(1e-4);
            TrainingListener report = new TrainingListener() {
                @Override
                public void afterEpoch(TrainingLoop loop, EpochStats stats) {
                    if (stats.epoch() % 50 == 0) System.out.printf("epoch %d: loss %.5f%n", stats.epoch(), stats.loss());
                    if (loop.optimizer().steps() == 3000) loop.stop(History.StopReason.LISTENER); // a budget of updates
                }
            };
            History h = Trainer.builder(model, new MSELoss(), optimizer).epochs(10_000).batchSize(2).seed(0)
                    .stopWhenLossBelow(1e-4).listener(report).build().fit(x, y);
            System.out.println(h.stoppedBy() + " at epoch " + h.last().epoch());

            Map<String, double[]> state = optimizer.state();               // "0.exp_avg", "0.exp_avg_sq", ...
            var resumed = new Adam(model.parameters(), 0.05).weightDecay(1e-4);
            resumed.loadState(state, optimizer.steps());                   // goes on where optimizer stopped
            // README:end
            List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(h.stoppedBy() + " at epoch " + h.last().epoch(), lines.get(lines.size() - 1));
            assertEquals(h.last().epoch() / 50, lines.size() - 1, "one line per 50 epochs");
            assertEquals(List.of("0.exp_avg", "0.exp_avg_sq", "1.exp_avg", "1.exp_avg_sq", "2.exp_avg", "2.exp_avg_sq",
                    "3.exp_avg", "3.exp_avg_sq"), List.copyOf(state.keySet()));
            assertEquals(optimizer.steps(), resumed.steps());
            state.forEach((k, v) -> assertArrayEquals(v, resumed.state().get(k), 0.0, k));
        } finally {
            System.setOut(stdout);
        }
    }

    @Test
    void readmeShowsThisExample() throws Exception {
        String source = Files.readString(Path.of("src/test/java/jgrad/readme/TrainingReadmeTest.java"));
        String body = source.substring(source.indexOf("// README:begin\n") + 16, source.indexOf("            // README:end"));
        String unindented = body.lines().map(l -> l.length() >= 12 ? l.substring(12) : l.strip())
                .reduce("", (a, b) -> a + b + "\n");
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains(unindented), "README.md must contain the example of TrainingReadmeTest verbatim:\n" + unindented);
    }
}
