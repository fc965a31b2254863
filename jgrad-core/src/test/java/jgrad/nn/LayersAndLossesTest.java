package jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jgrad.autograd.GradCheck;
import jgrad.tensor.DType;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LayersAndLossesTest {
    private static final Tensor LOGITS = Tensor.of(new double[][] {{0.2, -1.3, 2.0}, {1.5, 0.1, -0.4}});

    @Test
    void linearComputesXTimesWPlusBAndNamesItsParameters() {
        Linear l = new Linear(2, 3).init(Init.values(1, 2, 3, 4, 5, 6), Init.values(10, 20, 30), 0);
        assertArrayEquals(new double[] {10 + 1 + 8, 20 + 2 + 10, 30 + 3 + 12}, l.forward(Tensor.of(1, 2)).toDoubleArray());
        Sequential s = new Sequential(l, new ReLU(), new Linear(3, 1, false));
        assertEquals(List.of("0.weight", "0.bias", "2.weight"), List.copyOf(s.namedParameters().keySet()));
        assertEquals(6 + 3 + 3, s.parameterCount());
    }

    @Test
    void linearRejectsTheWrongInputWidthNamingTheSizes() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Linear(4, 2).forward(Tensor.zeros(3, 5)));
        assertEquals("Linear(4, 2): input of shape [3, 5] should be [n, 4] or [4]", e.getMessage());
    }

    @Test
    void initialisationIsSeeded() {
        Tensor a = new Linear(5, 4).init(Init.heNormal(), 7).weight();
        Tensor b = new Linear(5, 4).init(Init.heNormal(), 7).weight();
        Tensor c = new Linear(5, 4).init(Init.heNormal(), 8).weight();
        assertArrayEquals(a.toDoubleArray(), b.toDoubleArray());
        assertTrue(a.getFlat(0) != c.getFlat(0));
        double bound = Math.sqrt(6.0 / (5 + 4));
        for (double v : new Linear(5, 4).init(Init.xavierUniform(), 1).weight().toDoubleArray()) assertTrue(Math.abs(v) <= bound);
    }

    @Test
    void lossesMatchTheirFormulas() {
        Tensor p = Tensor.of(0.2, 0.9), y = Tensor.of(0.0, 1.0);
        assertEquals(0.5 * (0.04 + 0.01) / 2, new HalfSquaredError().apply(p, y).item(), 1e-15);
        assertEquals(0.5 * (0.04 + 0.01), new HalfSquaredError(Loss.Reduction.SUM).apply(p, y).item(), 1e-15);
        assertEquals((0.04 + 0.01) / 2, new MSELoss().apply(p, y).item(), 1e-15);
        assertEquals(-(Math.log(0.8) + Math.log(0.9)) / 2, new BCELoss().apply(p, y).item(), 1e-15);
        Tensor z = Tensor.of(-1.3862943611198906, 2.1972245773362196); // logits of 0.2 and 0.9
        assertEquals(new BCELoss().apply(p, y).item(), new BCEWithLogitsLoss().apply(z, y).item(), 1e-12);
    }

    @Test
    void crossEntropyTakesClassIndicesOrProbabilities() {
        double expected = 0;
        double[][] l = LOGITS.toArray2D();
        int[] cls = {2, 0};
        for (int i = 0; i < 2; i++) {
            double s = 0;
            for (double v : l[i]) s += Math.exp(v);
            expected += -(l[i][cls[i]] - Math.log(s)) / 2;
        }
        assertEquals(expected, new CrossEntropyLoss().apply(LOGITS, Tensor.of(2, 0)).item(), 1e-14);
        Tensor oneHot = Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}});
        assertEquals(expected, new CrossEntropyLoss().apply(LOGITS, oneHot).item(), 1e-14);
        var e = assertThrows(IllegalArgumentException.class, () -> new CrossEntropyLoss().apply(LOGITS, Tensor.of(3, 0)));
        assertTrue(e.getMessage().contains("not a class in 0..2"), e.getMessage());
    }

    @Test
    void lossGradientsAgreeWithFiniteDifferences() {
        Tensor y = Tensor.of(0.0, 1.0, 1.0);
        for (Loss loss : List.of(new HalfSquaredError(), new MSELoss(), new BCEWithLogitsLoss(), new BCELoss())) {
            Tensor p = Tensor.of(0.3, 0.6, 0.8);
            GradCheck.Result r = GradCheck.check(in -> loss.apply(in[0], y), p);
            assertTrue(r.passed(1e-6), loss + ": " + r.where());
        }
        GradCheck.Result r = GradCheck.check(in -> new CrossEntropyLoss().apply(in[0], Tensor.of(2, 0)), LOGITS.copy());
        assertTrue(r.passed(1e-6), r.where());
        // the fused logits loss is exact at z = 0, where max/abs have kinks
        Tensor z = Tensor.of(0.0).requiresGrad(true);
        new BCEWithLogitsLoss().apply(z, Tensor.of(1.0)).backward();
        assertEquals(-0.5, z.grad().item(), 1e-15);
    }

    @Test
    void mismatchedTargetShapesAreRefusedInsteadOfBroadcast() {
        var e = assertThrows(IllegalArgumentException.class, () -> new MSELoss().apply(Tensor.zeros(4, 1), Tensor.zeros(3)));
        assertEquals("MSELoss: prediction shape [4, 1] and target shape [3] do not match", e.getMessage());
    }

    @Test
    void float32ModelsTrainInFloat32() {
        Rng.manualSeed(3);
        Sequential m = new Sequential(new Linear(2, 4), new Tanh(), new Linear(4, 1)).to(DType.FLOAT32);
        Tensor out = m.forward(Tensor.of(new double[][] {{1, 2}}).to(DType.FLOAT32));
        assertEquals(DType.FLOAT32, out.dtype());
        new MSELoss().apply(out, Tensor.zeros(DType.FLOAT32, 1, 1)).backward();
        assertEquals(DType.FLOAT32, m.parameters().get(0).grad().dtype());
    }

    @Test
    void predictFollowsTheModelWhenItsTypeChangesAfterAFirstPrediction() {
        Rng.manualSeed(4);
        Sequential m = new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2));
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {-1, 0.5, 2}});
        double[] before = m.predict(x).toDoubleArray(); // plans the fused inference path in float64
        m.to(DType.FLOAT32);
        Tensor out = m.predict(x.to(DType.FLOAT32));
        assertEquals(DType.FLOAT32, out.dtype());
        assertArrayEquals(before, out.toDoubleArray(), 1e-5);
    }

    @Test
    void predictingManyRowsGoesBlockByBlockWithEveryRowAsAlone() {
        Sequential net = new Sequential(new Linear(3, 5), new Tanh(), new Linear(5, 2));
        int n = 4 * Layer.PREDICT_BLOCK + 1_000;
        Rng rng = new Rng(5);
        double[] x = new double[n * 3];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        Tensor all = net.predict(Tensor.fromArray(x, n, 3));
        assertArrayEquals(new int[] {n, 2}, all.shape());
        for (int row : new int[] {0, 1, Layer.PREDICT_BLOCK - 1, Layer.PREDICT_BLOCK, 3 * Layer.PREDICT_BLOCK + 7, n - 1}) {
            Tensor one = net.predict(Tensor.fromArray(java.util.Arrays.copyOfRange(x, row * 3, row * 3 + 3), 1, 3));
            for (int j = 0; j < 2; j++) assertEquals(one.get(0, j), all.get(row, j), 1e-12, "row " + row);
        }
    }
}
