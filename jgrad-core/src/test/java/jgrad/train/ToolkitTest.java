package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.LayerSpecException;
import jgrad.nn.Linear;
import jgrad.nn.Loss;
import jgrad.nn.MSELoss;
import jgrad.nn.Sequential;
import jgrad.optim.SGD;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Learning-rate schedules, gradient clipping, weight penalties and class weights. */
class ToolkitTest {
    static double[] rates(String spec, int epochs) {
        Schedule s = Schedule.parse(spec);
        double[] r = new double[epochs];
        for (int e = 1; e <= epochs; e++) r[e - 1] = s.rate(1.0, e, epochs);
        return r;
    }

    @Test
    void schedulesFollowPyTorchsFormulas() {
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.25}, rates("step(2, 0.5)", 5), 1e-15);
        assertArrayEquals(new double[] {1, 0.9, 0.81}, rates("exponential(0.9)", 3), 1e-15);
        assertArrayEquals(new double[] {1, 0.75, 0.25, 0}, rates("cosine", 4), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1, 1, 0.5, 0}, rates("warmup(4)|cosine", 7), 1e-15);
        assertArrayEquals(new double[] {1, 1, 1}, rates("constant", 3), 0);
    }

    @Test
    void plateauLowersTheRateWhenTheLossStopsImprovingAndTheListenerSetsIt() {
        Rng.manualSeed(1);
        Sequential m = new Sequential(new Linear(1, 1));
        SGD sgd = new SGD(m.parameters(), 0.1);
        TrainingListener l = Schedule.parse("plateau(0.5, 2)").listener(sgd, 10);
        double[] losses = {1, 0.9, 0.95, 0.97, 0.99, 0.98};
        List<Double> seen = new ArrayList<>();
        for (int e = 1; e <= losses.length; e++) {
            seen.add(sgd.learningRate());
            l.afterEpoch(new EpochStats(e, losses[e - 1], Double.NaN, 0));
        }
        assertEquals(List.of(0.1, 0.1, 0.1, 0.1, 0.05, 0.05), seen);
    }

    @Test
    void scheduleErrorsPointAtTheColumn() {
        assertEquals("unknown schedule 'cosin' (constant, warmup, step, exponential, cosine, plateau) at column 11", msg("warmup(5)|cosin"));
        assertEquals("warmup needs a number of epochs, e.g. warmup(5) at column 8", msg("warmup(0)"));
    }

    private static String msg(String spec) {
        return assertThrows(LayerSpecException.class, () -> Schedule.parse(spec)).getMessage();
    }

    @Test
    void clippingByNormScalesAndByValueClamps() {
        Tensor a = Tensor.of(3.0, 0).requiresGrad(true), b = Tensor.of(4.0).requiresGrad(true);
        a.mul(a.detach()).sum().add(b.mul(b.detach()).sum()).mul(0.5).backward(); // grads (3, 0) and (4): norm 5
        GradientClipping byNorm = GradientClipping.byNorm(List.of(a, b), 1.0);
        byNorm.afterBackward(1, 0, null);
        assertEquals(1.0, byNorm.norm(), 1e-6);
        assertArrayEquals(new double[] {0.6, 0}, a.grad().toDoubleArray(), 1e-6);
        GradientClipping.byValue(List.of(a, b), 0.5).afterBackward(1, 0, null);
        assertArrayEquals(new double[] {0.5, 0}, a.grad().toDoubleArray(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.byNorm(List.of(a), 0));
    }

    @Test
    void penaltiesAddTheirGradientToTheWeightsOnly() {
        Rng.manualSeed(2);
        Linear l = new Linear(2, 2).penalties(0.1, 0.01);
        Sequential m = new Sequential(l);
        Tensor x = Tensor.of(new double[][] {{1, 2}}), y = Tensor.of(new double[][] {{0, 1}});
        new MSELoss().apply(m.forward(x), y).backward();
        double[] plain = l.weight().grad().toDoubleArray(), bias = l.bias().grad().toDoubleArray();
        Penalties p = new Penalties(m);
        p.afterBackward(1, 0, null);
        for (int i = 0; i < plain.length; i++) {
            double w = l.weight().getFlat(i);
            assertEquals(plain[i] + 0.1 * Math.signum(w) + 0.02 * w, l.weight().grad().getFlat(i), 1e-15);
        }
        assertArrayEquals(bias, l.bias().grad().toDoubleArray(), 0.0, "no penalty on the bias");
        double expect = 0;
        for (int i = 0; i < plain.length; i++) expect += 0.1 * Math.abs(l.weight().getFlat(i)) + 0.01 * Math.pow(l.weight().getFlat(i), 2);
        assertEquals(expect, p.value(), 1e-15);
    }

    @Test
    void weightedCrossEntropyMatchesPyTorch() throws Exception {
        JsonNode o;
        try (InputStream in = getClass().getResourceAsStream("/oracle/torch-oracle.json")) {
            o = new ObjectMapper().readTree(in).get("weighted_cross_entropy");
        }
        double[][] z = new double[o.get("logits").size()][];
        for (int i = 0; i < z.length; i++) {
            z[i] = new double[3];
            for (int j = 0; j < 3; j++) z[i][j] = o.get("logits").get(i).get(j).asDouble();
        }
        double[] labels = new double[z.length], weights = new double[3];
        for (int i = 0; i < z.length; i++) labels[i] = o.get("labels").get(i).asDouble();
        for (int j = 0; j < 3; j++) weights[j] = o.get("weights").get(j).asDouble();
        Tensor logits = Tensor.of(z).requiresGrad(true);
        Tensor loss = new CrossEntropyLoss(Loss.Reduction.MEAN, weights).apply(logits, Tensor.of(labels));
        loss.backward();
        assertEquals(o.get("loss").asDouble(), loss.item(), 1e-12);
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < 3; j++) assertEquals(o.get("grad").get(i).get(j).asDouble(), logits.grad().getFlat(i * 3 + j), 1e-12);
        }
        assertArrayEquals(new double[] {7 / 6.0, 7 / 6.0, 7 / 9.0}, CrossEntropyLoss.balanced(new int[] {0, 2, 1, 1, 0, 2, 2}, 3), 1e-15);
    }
}
