package jgrad.cli.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import jgrad.cli.UserException;
import jgrad.cli.data.Datasets;
import jgrad.cli.model.Model;
import jgrad.cli.model.Network;
import jgrad.cli.model.Predictor;
import jgrad.cli.model.SavedLayer;
import jgrad.function.Activation;
import jgrad.function.Activations;
import jgrad.nn.ActivationLayer;
import jgrad.nn.Sequential;
import jgrad.tensor.DType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every activation the exporter writes, run in onnxruntime against jgrad's engine with that activation in
 * place of the trained one (same weights): the registered ones through {@code predict} itself, and the
 * lowerings for activations defined here (ELU, softplus, both GELUs, a leaky ReLU) through the engine's
 * {@link ActivationLayer}.
 */
public class OnnxActivationsTest {
    @TempDir static Path dir;
    static Model iris, prices;

    @BeforeAll
    static void train() throws Exception {
        iris = OnnxExportTest.train(dir, "iris", "--layers", "8,5", "--activation", "tanh", "--epochs", "20");
        prices = OnnxExportTest.train(dir, OnnxExportTest.regressionCsv(dir).toString(), "--layers", "6", "--activation", "tanh", "--epochs", "20");
    }

    /** An activation defined only by its forward rule (enough for inference). */
    public record Fn(String name, DoubleUnaryOperator f) implements Activation {
        public double apply(double z) { return f.applyAsDouble(z); }
        public double derivative(double z, double y) { throw new UnsupportedOperationException(); }
        public String formula(String z, String zValue) { return name + "(" + z + ")"; }
        public String derivativeFormula(String z) { return name + "'(" + z + ")"; }
        public String symbolic() { return null; }
    }

    /** erf from its series e^−x²·Σ 2ⁿx²ⁿ⁺¹/(1·3···(2n+1)), all terms positive (no cancellation), to ~1e-16. */
    static double erf(double x) {
        if (Math.abs(x) > 6) return Math.signum(x);
        double term = x, sum = x;
        for (int n = 1; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
            term *= 2 * x * x / (2 * n + 1);
            sum += term;
        }
        return 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
    }

    static final List<Activation> DEFINED_HERE = List.of(
            Activations.leakyRelu(0.1),
            new Fn("leaky_relu", z -> z > 0 ? z : 0.01 * z),
            new Fn("elu", z -> z > 0 ? z : Math.expm1(z)),
            new Fn("elu", z -> z > 0 ? z : 0.5 * Math.expm1(z)),
            new Fn("softplus", z -> z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))),
            new Fn("gelu", z -> 0.5 * z * (1 + erf(z / Math.sqrt(2)))),
            new Fn("gelu_tanh", z -> 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)))));

    /** {@code m} with every activation replaced by {@code f}, in {@code dtype}. */
    public static Model with(Model m, Activation f, DType dtype) {
        List<SavedLayer> layers = m.layers().stream().map(l -> l instanceof SavedLayer.Activation ? new SavedLayer.Activation(f) : l).toList();
        return new Model(m.schema(), m.scaler(), layers, m.loss(), dtype, m.training());
    }

    /** jgrad's predictions with the engine's own layer for any activation (Network knows only the registered ones). */
    static jgrad.model.Mlp.Predictions engine(Model m, double[][] encoded) {
        Sequential net = new Sequential();
        for (SavedLayer l : m.layers()) {
            if (l instanceof SavedLayer.Activation a) net.add(new ActivationLayer(a.function()));
            else net.add(Network.toModule(List.of(l), DType.FLOAT64).layers().getFirst());
        }
        return new Predictor(m, net.to(m.dtype())).predict(encoded);
    }

    @Test
    void everyRegisteredActivationExportsAndAgreesWithPredict() throws Exception {
        double[][] x = iris.schema().encode(Datasets.open("iris")), y = prices.schema().encode(Datasets.open(dir.resolve("prices.csv").toString()));
        for (Activation f : Activations.all()) {
            for (DType dtype : DType.values()) {
                Model classes = with(iris, f, dtype), values = with(prices, f, dtype);
                OnnxExportTest.assertAgrees(classes, x, Predictor.of(classes).predict(x));
                OnnxExportTest.assertAgrees(values, y, Predictor.of(values).predict(y));
            }
        }
    }

    @Test
    void activationsDefinedHereAgreeWithTheEngineInBothPrecisions() throws Exception {
        double[][] x = iris.schema().encode(Datasets.open("iris")), y = prices.schema().encode(Datasets.open(dir.resolve("prices.csv").toString()));
        for (Activation f : DEFINED_HERE) {
            for (DType dtype : DType.values()) {
                Model classes = with(iris, f, dtype), values = with(prices, f, dtype);
                OnnxExportTest.assertAgrees(classes, x, engine(classes, x));
                OnnxExportTest.assertAgrees(values, y, engine(values, y));
            }
        }
    }

    @Test
    void theGraphAsWrittenAgreesToo() throws Exception {
        // onnxruntime rewrote x*Sigmoid(x) into a float32-only operator once; without rewriting, every form must still hold
        double[][] x = iris.schema().encode(Datasets.open("iris"));
        List<Activation> all = new java.util.ArrayList<>(Activations.all());
        all.addAll(DEFINED_HERE);
        for (Activation f : all) {
            for (DType dtype : DType.values()) {
                Model classes = with(iris, f, dtype);
                OnnxExportTest.assertAgrees(classes, x, engine(classes, x), ai.onnxruntime.OrtSession.SessionOptions.OptLevel.NO_OPT);
            }
        }
    }

    @Test
    void anActivationWithoutAnOnnxFormIsAOneLineErrorAndNoFile() {
        Path onnx = dir.resolve("cube.onnx");
        var e = assertThrows(UserException.class, () -> OnnxExport.write(with(iris, new Fn("cube", z -> z * z * z), DType.FLOAT64), onnx));
        assertEquals("layer 2 (cube): activation 'cube' cannot be exported to ONNX yet (supported: " + OnnxActivations.SUPPORTED + ")", e.getMessage());
        assertFalse(java.nio.file.Files.exists(onnx));
    }

    @Test
    void aKnownNameWithAnotherFormulaIsRefusedRatherThanExportedWrong() {
        // the sigmoid approximation of GELU is neither ONNX form
        var gelu = new Fn("gelu", z -> z / (1 + Math.exp(-1.702 * z)));
        var e = assertThrows(UserException.class, () -> OnnxExport.toBytes(with(iris, gelu, DType.FLOAT32)));
        assertEquals("layer 2 (gelu): activation 'gelu' does not compute what 0.5*x*(1 + Erf(x/sqrt(2))) or "
                + "0.5*x*(1 + Tanh(sqrt(2/pi)*(x + 0.044715*x^3))) computes; not exported", e.getMessage());
        var notLeaky = new Fn("leaky_relu", z -> z > 0 ? z : -0.01 * z * z);
        assertThrows(UserException.class, () -> OnnxExport.toBytes(with(iris, notLeaky, DType.FLOAT64)));
    }
}
