package jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jgrad.function.Activations;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The layer grammar: what it builds, how it prints, and where its errors point. */
class LayerSpecTest {
    @Test
    void buildsEveryKindOfLayerAndTheOutputLayer() {
        Rng.manualSeed(0);
        Sequential net = Sequential.parse("relu(64)|dropout(0.2)|batchnorm|tanh(32, l2=1e-4)|softmax|linear(8)", 5, 3);
        assertEquals("Sequential(Linear(5, 64), ReLU(), Dropout(0.2), BatchNorm1d(64), Linear(64, 32), Tanh(), Softmax(), Linear(32, 8), Linear(8, 3))",
                net.toString());
        assertEquals(1e-4, ((Linear) net.layers().get(4)).l2());
        assertEquals(3, net.forward(Tensor.zeros(4, 5)).dim(1));
    }

    @Test
    void canonicalFormReadsBackAndSizesMatchTheOldFlags() {
        LayerSpec spec = LayerSpec.parse(" gelu(16, l1=0.001) | dropout | elu(4) ");
        assertEquals("gelu(16, l1=0.001)|dropout(0.5)|elu(4)", spec.toString());
        assertEquals(spec, LayerSpec.parse(spec.toString()));
        assertArrayEquals(new int[] {16, 4}, spec.hidden());
        assertEquals(LayerSpec.of(new int[] {64, 32}, Activations.RELU), LayerSpec.parse("relu(64)|relu(32)"));
        assertEquals("none", LayerSpec.parse("none").toString());
    }

    @Test
    void theSameSeedBuildsTheSameNetwork() {
        LayerSpec spec = LayerSpec.parse("silu(8)|dropout(0.3)|relu(4)");
        Tensor x = Tensor.ones(3, 2);
        assertArrayEquals(spec.build(2, 1, 7, false).forward(x).toDoubleArray(), spec.build(2, 1, 7, false).forward(x).toDoubleArray(), 0.0);
    }

    @Test
    void errorsSayWhatAndWhichColumn() {
        assertEquals("unknown layer 'rleu' at column 1", message("rleu(64)|tanh(32)"));
        assertEquals("unknown layer 'tahn' at column 11", message("relu(64)| tahn(32)"));
        assertEquals("relu needs a number of units, e.g. relu(64), at column 1", message("relu"));
        assertEquals("'x' is not a positive number of units at column 6", message("relu(x)"));
        assertEquals("dropout takes one probability in [0, 1), got '1.5' at column 17", message("relu(4)|dropout(1.5)"));
        assertEquals("empty entry at column 9", message("relu(4)||tanh(2)"));
        assertEquals("missing ')' after 'relu(4' at column 1", message("relu(4"));
        assertEquals("'l3=1' is not an option of relu (l1=λ or l2=λ, λ >= 0) at column 6", message("relu(4, l3=1)"));
        assertEquals("batchnorm takes no arguments at column 11", message("batchnorm(3)"));
    }

    private static String message(String spec) {
        LayerSpecException e = assertThrows(LayerSpecException.class, () -> LayerSpec.parse(spec));
        assertTrue(e.column() >= 1);
        return e.getMessage();
    }
}
