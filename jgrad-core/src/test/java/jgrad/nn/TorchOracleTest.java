package jgrad.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import jgrad.autograd.GradCheck;
import jgrad.function.Activation;
import jgrad.function.Activations;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Activations and batch norm against PyTorch 2.13 in float64 (values and gradients to 1e-10), from
 * {@code oracle/torch-oracle.json}, which {@code oracle/torch_oracle.py} wrote; and against finite differences.
 */
class TorchOracleTest {
    static final JsonNode ORACLE;

    static {
        try (InputStream in = TorchOracleTest.class.getResourceAsStream("/oracle/torch-oracle.json")) {
            ORACLE = new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static double[] array(JsonNode n) {
        double[] v = new double[n.size()];
        for (int i = 0; i < v.length; i++) v[i] = n.get(i).asDouble();
        return v;
    }

    static Tensor matrix(JsonNode n) {
        double[][] rows = new double[n.size()][];
        for (int i = 0; i < rows.length; i++) rows[i] = array(n.get(i));
        return Tensor.of(rows);
    }

    static void assertClose(double[] expect, double[] actual, String what) {
        assertEquals(expect.length, actual.length, what);
        for (int i = 0; i < expect.length; i++) assertEquals(expect[i], actual[i], 1e-10 * Math.max(1, Math.abs(expect[i])), what + " [" + i + "]");
    }

    @Test
    void everyActivationMatchesPyTorch() {
        double[] z = array(ORACLE.get("z"));
        Tensor w = Tensor.of(array(ORACLE.get("w")));
        ORACLE.get("activations").fields().forEachRemaining(e -> {
            Activation f = Activations.byName(e.getKey());
            Tensor x = Tensor.of(z).requiresGrad(true);
            Tensor y = x.apply(f);
            y.mul(w).sum().backward();
            assertClose(array(e.getValue().get("y")), y.toDoubleArray(), e.getKey());
            assertClose(array(e.getValue().get("grad")), x.grad().toDoubleArray(), e.getKey() + "'");
        });
    }

    @Test
    void batchNormTrainingAndEvaluationMatchPyTorch() {
        JsonNode o = ORACLE.get("batchnorm");
        BatchNorm1d bn = new BatchNorm1d(3);
        bn.weight().copyFrom(Tensor.of(array(o.get("weight"))));
        bn.bias().copyFrom(Tensor.of(array(o.get("bias"))));
        Tensor x = matrix(o.get("x")).requiresGrad(true);
        Tensor y = bn.forward(x);
        y.mul(matrix(o.get("upstream"))).sum().backward();
        assertClose(flat(o.get("y")), y.toDoubleArray(), "y");
        assertClose(flat(o.get("dx")), x.grad().toDoubleArray(), "dL/dx");
        assertClose(array(o.get("dweight")), bn.weight().grad().toDoubleArray(), "dL/dγ");
        assertClose(array(o.get("dbias")), bn.bias().grad().toDoubleArray(), "dL/dβ");
        assertClose(array(o.get("running_mean")), bn.runningMean().toDoubleArray(), "running mean");
        assertClose(array(o.get("running_var")), bn.runningVar().toDoubleArray(), "running variance (unbiased)");
        bn.eval();
        assertClose(flat(o.get("eval_y")), bn.forward(x).toDoubleArray(), "evaluation mode");
    }

    @Test
    void batchNormGradientsMatchFiniteDifferences() {
        BatchNorm1d bn = new BatchNorm1d(4);
        Tensor x = matrix(ORACLE.get("batchnorm").get("x")).matmul(Tensor.of(new double[][] {{1, 0.5, -1, 2}, {0.3, 1, 0, -1}, {2, -0.2, 1, 0.5}}));
        GradCheck.Result r = GradCheck.check(in -> bn.forward(in[0]).mul(in[1]).add(in[2]), x, Tensor.of(1.5, -0.5, 2, 1), Tensor.of(0.1, 0.2, -0.3, 0));
        assertEquals(true, r.passed(1e-6), r.toString());
    }

    static double[] flat(JsonNode rows) {
        return matrix(rows).toDoubleArray();
    }
}
