package jgrad.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SymbolicBenchTest {
    @Test
    void gradientChecksumMatchesTheSymPyPeer() {
        Map<String, Object> r = SymbolicBench.run(3, true);
        @SuppressWarnings("unchecked")
        List<Double> sums = (List<Double>) r.get("grad_sum");
        // shared/bench/SPEC.md, W4: sums of both gradient components over the 10^6 points
        assertEquals(-11992714.091310278, sums.get(0), 1e-6 * 11992714.091310278);
        assertEquals(5335532.401979135, sums.get(1), 1e-6 * 5335532.401979135);
        assertEquals("w4", r.get("workload"));
        assertEquals(3, r.get("diff_simplify_iters"));
        assertEquals("3*x**2*y**2 + x*exp(-x**2)*cos(x*y)", r.get("dfdy")); // SymPy's simplified form, too
        assertTrue((double) r.get("eval_points_per_s") > 0);
    }

    @Test
    void uniformIsTheSharedSplitMix64Stream() {
        // values printed by shared/bench/common/synth.py: uniform_f64(31, 3)[0] and [2]
        assertEquals(0.8412107507534753, SymbolicBench.uniform(31, 0));
        assertEquals(0.5048502777109178, SymbolicBench.uniform(31, 2));
    }
}
