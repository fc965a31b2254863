package jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jgrad.tensor.Autograd;
import org.junit.jupiter.api.Test;

class AutogradTest {
    @Test
    void chainRuleOfOneSigmoidNeuron() {
        // seed 000: x = 0.5, y = 1, w = 0.3, b = 0.1, L = ½(σ(wx+b) − y)²
        Tensor w = Tensor.scalar(0.3).requiresGrad(true);
        Tensor b = Tensor.scalar(0.1).requiresGrad(true);
        Tensor yHat = w.mul(0.5).add(b).sigmoid();
        Tensor loss = yHat.sub(1.0).pow(2).mul(0.5);
        loss.backward();
        double s = 1 / (1 + Math.exp(-(0.3 * 0.5 + 0.1)));
        assertEquals((s - 1) * s * (1 - s) * 0.5, w.grad().item(), 1e-15);
        assertEquals((s - 1) * s * (1 - s), b.grad().item(), 1e-15);
    }

    @Test
    void aReusedValueGetsBothGradients() {
        Tensor x = Tensor.scalar(3).requiresGrad(true);
        x.mul(x).add(x).backward(); // d/dx (x² + x) = 2x + 1
        assertEquals(7, x.grad().item());
    }

    @Test
    void secondBackwardAccumulatesIntoLeavesLikePyTorch() {
        Tensor x = Tensor.of(1, 2).requiresGrad(true);
        Tensor y = x.mul(x).sum();
        y.backward();
        y.backward();
        assertArrayEquals(new double[] {4, 8}, x.grad().toDoubleArray());
        x.zeroGrad();
        y.backward();
        assertArrayEquals(new double[] {2, 4}, x.grad().toDoubleArray());
    }

    @Test
    void deepGraphsDoNotOverflowTheStack() {
        Tensor x = Tensor.scalar(1).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) y = y.add(1e-6);
        y.backward();
        assertEquals(1.0, x.grad().item());
    }

    @Test
    void broadcastGradientsAreSummedBackToTheInputShape() {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).requiresGrad(true);
        Tensor b = Tensor.of(10, 20, 30).requiresGrad(true);
        x.add(b).sum().backward();
        assertArrayEquals(new double[] {2, 2, 2}, b.grad().toDoubleArray());
        assertArrayEquals(new int[] {3}, b.grad().shape());
    }

    @Test
    void noGradModeBuildsNoGraph() {
        Tensor w = Tensor.scalar(2).requiresGrad(true);
        Tensor y;
        try (var ignored = Autograd.noGrad()) {
            y = w.mul(3);
        }
        assertFalse(y.requiresGrad());
        assertEquals("", y.op());
        assertTrue(w.mul(3).requiresGrad());
    }

    @Test
    void leavesWithoutRequiresGradGetNoGradient() {
        Tensor x = Tensor.of(1, 2);
        Tensor w = Tensor.of(3, 4).requiresGrad(true);
        x.mul(w).sum().backward();
        assertNull(x.grad());
        assertArrayEquals(new double[] {1, 2}, w.grad().toDoubleArray());
    }

    @Test
    void shapeErrorsNameTheOperationAndBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(2, 3)));
        assertEquals("matmul: shapes [2, 3] and [2, 3] do not fit (need [m, k] and [k, n])", e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        assertEquals("add: shapes [2, 3] and [4] cannot be broadcast together", f.getMessage());
    }

    @Test
    void float32TensorsComputeInFloat32AndPromoteWithFloat64() {
        Tensor a = Tensor.fromArray(new float[] {1.5f, 2.5f}, 2);
        assertEquals(DType.FLOAT32, a.mul(a).dtype());
        assertEquals(DType.FLOAT64, a.mul(Tensor.of(1, 1)).dtype());
        Tensor w = Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        a.reshape(1, 2).matmul(w).sum().backward();
        assertEquals(DType.FLOAT32, w.grad().dtype());
        assertArrayEquals(new double[] {1.5, 1.5, 2.5, 2.5}, w.grad().toDoubleArray());
    }

    @Test
    void softmaxIsStableForHugeLogits() {
        Tensor p = Tensor.of(new double[][] {{1000, 1000, -1000}});
        assertArrayEquals(new double[] {0.5, 0.5, 0}, p.softmax(1).toDoubleArray(), 1e-15);
        assertTrue(Double.isFinite(p.logSoftmax(1).getFlat(2)));
    }
}
