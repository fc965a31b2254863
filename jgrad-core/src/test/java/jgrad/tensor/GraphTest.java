package jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import jgrad.autograd.Graph;
import org.junit.jupiter.api.Test;

class GraphTest {
    @Test
    void drawsEveryNodeWithItsValueAndGradientAndEveryEdge() {
        Tensor w = Tensor.scalar(0.3).requiresGrad(true), b = Tensor.scalar(0.1).requiresGrad(true);
        Tensor loss = w.mul(0.5).add(b).sigmoid();
        loss.backward();
        String dot = Graph.toDot(loss, Map.of(w, "w", b, "b"));
        assertTrue(dot.startsWith("digraph jgrad {"));
        assertTrue(dot.contains("{sigmoid | data 0.5622 | grad 1.0000}"), dot);
        assertTrue(dot.contains("{w | data 0.3000 | grad 0.1231}"), dot);
        assertTrue(dot.contains("{b | data 0.1000 | grad 0.2461}"), dot);
        assertEquals(5, dot.split("->", -1).length - 1, dot); // w, 0.5 → mul → add ← b; add → sigmoid
    }
}
