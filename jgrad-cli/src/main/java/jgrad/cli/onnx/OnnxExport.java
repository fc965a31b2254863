package jgrad.cli.onnx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.cli.AtomicFile;
import jgrad.cli.UserException;
import jgrad.cli.data.Feature;
import jgrad.cli.data.Target;
import jgrad.cli.model.Model;
import jgrad.cli.model.SavedLayer;
import jgrad.data.Scaler;
import jgrad.model.LossKind;
import jgrad.tensor.DType;

/**
 * A saved model as an ONNX file that onnxruntime (Python, C++, C#, Java...) runs without jgrad:
 * the input scaling, the network and the output step of {@code jgrad predict}, in the model's own
 * precision (FLOAT for float32 models, DOUBLE for float64).
 *
 * <ul>
 *   <li>Input {@code input}: [N, inputs], N any batch size. With only numeric columns these are the raw
 *       columns in the model's order; a categorical column is one-hot encoded by the caller, one input per
 *       category in the model's order (the metadata {@code inputs} lists every input's name, {@code color=red}).</li>
 *   <li>Scaling is {@code Sub} then {@code Div} by the saved offset and scale, the operations {@code predict}
 *       performs. Folding it into the first layer (W/s, b − (o/s)·W) would save two nodes but change the
 *       rounding, and with offsets far from zero (years, prices) cancel digits away.</li>
 *   <li>Each dense layer is one {@code Gemm} (weights [in, out] as jgrad stores them); activations as
 *       {@link OnnxActivations} writes them.</li>
 *   <li>Outputs: for classes {@code probabilities} [N, classes] (a cross-entropy model's logits through
 *       {@code Softmax}) and {@code label} [N], the class index as int64 (ties to the first, as {@code predict});
 *       for numbers {@code value} [N, 1] in the target's own unit.</li>
 * </ul>
 */
public final class OnnxExport {
    private OnnxExport() {}

    /** ONNX 1.10's IR version; onnxruntime 1.10 and later read it. */
    public static final int IR_VERSION = 8;
    /** Every operator used is in opset 13, which every current runtime supports. */
    public static final int OPSET = 13;

    /** Writes {@code model} as ONNX to {@code path} through a temporary file; a model it cannot export writes nothing. */
    public static void write(Model model, Path path) {
        byte[] bytes = toBytes(model);
        AtomicFile.write(path, out -> out.write(bytes));
    }

    /** The ONNX file's bytes; throws a one-line {@link UserException} for a layer with no ONNX form. */
    public static byte[] toBytes(Model model) {
        OnnxGraph g = new OnnxGraph(model.dtype());
        long inputs = model.schema().inputs();
        String x = scaled(g, model.scaler(), inputs);
        List<SavedLayer> layers = model.layers();
        long width = inputs;
        for (int k = 0; k < layers.size(); k++) {
            SavedLayer layer = layers.get(k);
            String name = "layer" + (k + 1) + "_" + SavedLayer.label(layer), where = "layer " + (k + 1) + " (" + SavedLayer.label(layer) + ")";
            x = switch (layer) {
                case SavedLayer.Dense d -> {
                    double[] w = Arrays.stream(d.weight()).flatMapToDouble(Arrays::stream).toArray();
                    String weight = g.constant(name + "_weight", w, d.in(), d.out()), bias = g.constant(name + "_bias", d.bias(), d.out());
                    width = d.out();
                    yield g.node("Gemm", name, List.of(x, weight, bias));
                }
                case SavedLayer.Activation a -> OnnxActivations.emit(g, a.function(), x, name, where);
                case SavedLayer.Softmax s -> g.node("Softmax", name, List.of(x), new OnnxGraph.Attr("axis", 1L));
                case SavedLayer.Dropout d -> x; // a saved model is in evaluation mode: dropout passes everything through
                case SavedLayer.BatchNorm b -> { // evaluation mode, operation for operation: (x − mean) / √(var + eps) · γ + β
                    int f = b.features();
                    String spread = g.node("Sqrt", name + "_sd", List.of(g.node("Add", name + "_var_eps",
                            List.of(g.constant(name + "_var", b.runningVar(), f), g.scalar(name + "_eps", b.eps())))));
                    String centred = g.node("Sub", name + "_centred", List.of(x, g.constant(name + "_mean", b.runningMean(), f)));
                    String scaled = g.node("Mul", name + "_scaled", List.of(g.node("Div", name + "_normed", List.of(centred, spread)),
                            g.constant(name + "_weight", b.weight(), f)));
                    yield g.node("Add", name, List.of(scaled, g.constant(name + "_bias", b.bias(), f)));
                }
            };
        }
        List<OnnxGraph.Value> outputs;
        if (model.schema().target() instanceof Target.Values v) {
            String value = g.node("Mul", "value_scaled", List.of(x, g.scalar("target_scale", v.scale())));
            g.node("Add", "value", List.of(value, g.scalar("target_offset", v.offset())));
            outputs = List.of(new OnnxGraph.Value("value", g.elemType(), "N", 1L));
        } else {
            // a cross-entropy network ends in logits; a squared-error one already in its softmax layer
            String p = model.loss() == LossKind.CROSS_ENTROPY ? g.node("Softmax", "probabilities", List.of(x), new OnnxGraph.Attr("axis", 1L))
                    : g.node("Identity", "probabilities", List.of(x));
            g.node("ArgMax", "label", List.of(p), new OnnxGraph.Attr("axis", 1L), new OnnxGraph.Attr("keepdims", 0L));
            outputs = List.of(new OnnxGraph.Value("probabilities", g.elemType(), "N", width), new OnnxGraph.Value("label", OnnxGraph.INT64, "N"));
        }
        String doc = "jgrad model: " + String.join(", ", model.schema().inputNames()) + " -> " + model.schema().target().name();
        return g.model("jgrad", doc, IR_VERSION, OPSET, version(),
                List.of(new OnnxGraph.Value("input", g.elemType(), "N", inputs)), outputs, metadata(model));
    }

    /** (x − offset) / scale, leaving out a step that would change nothing (no scaling, or one-hot inputs only). */
    private static String scaled(OnnxGraph g, Scaler s, long inputs) {
        String x = "input";
        if (Arrays.stream(s.offset()).anyMatch(o -> o != 0)) x = g.node("Sub", "centred", List.of(x, g.constant("scaler_offset", s.offset(), inputs)));
        if (Arrays.stream(s.scale()).anyMatch(c -> c != 1)) x = g.node("Div", "scaled", List.of(x, g.constant("scaler_scale", s.scale(), inputs)));
        return x;
    }

    /** What a caller needs to feed the model and read its outputs, as JSON strings under the model's metadata. */
    private static Map<String, String> metadata(Model m) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("task", m.schema().classification() ? "classification" : "regression");
        meta.put("inputs", json(m.schema().inputNames()));
        meta.put("columns", json(m.schema().features().stream().map(f -> f instanceof Feature.Categorical ? f.name() + " (categorical)" : f.name()).toList()));
        meta.put("target", m.schema().target().name());
        if (m.schema().target() instanceof Target.Classes c) meta.put("classes", json(c.classes()));
        meta.put("dtype", m.dtype() == DType.FLOAT32 ? "float32" : "float64");
        meta.put("loss", m.loss().label());
        return meta;
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** jgrad's version, as {@code jgrad --version} prints it, for the file's producer_version. */
    private static String version() {
        var properties = new java.util.Properties();
        try (var in = OnnxExport.class.getResourceAsStream("/jgrad/cli/version.properties")) {
            if (in != null) properties.load(in);
        } catch (java.io.IOException e) {
            // the version is a courtesy to readers of the file; without it the model is still complete
        }
        return properties.getProperty("version", "unknown");
    }
}
