package jgrad.cli.summary;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jgrad.cli.data.Feature;
import jgrad.cli.data.Target;
import jgrad.cli.model.Model;
import jgrad.cli.model.SavedLayer;
import jgrad.cli.onnx.OnnxExport;
import jgrad.cli.report.Json;
import jgrad.model.LossKind;

/**
 * What a saved model is, as Keras's {@code model.summary()} shows it: the layers with their output
 * shapes and parameter counts, then what the layers do not show (the columns and their encoding and
 * scaling, the target, the output step) and the note the model was trained and saved with.
 */
public final class ModelSummary {
    private ModelSummary() {}

    /** One layer: its type in the model file, output width, learned numbers (−1: a layer type this summary does not know) and their shapes. */
    public record Row(int index, String type, int width, long parameters, String shapes) {}

    public static List<Row> rows(Model m) {
        List<Row> rows = new ArrayList<>();
        int width = m.schema().inputs();
        for (SavedLayer layer : m.layers()) {
            Row row = switch (layer) {
                case SavedLayer.Dense d -> new Row(rows.size() + 1, "linear", d.out(), (long) d.in() * d.out() + d.out(),
                        "weight [" + d.in() + ", " + d.out() + "], bias [" + d.out() + "]");
                case SavedLayer.Activation a -> new Row(rows.size() + 1, SavedLayer.label(layer), width, 0, "");
                case SavedLayer.Softmax s -> new Row(rows.size() + 1, SavedLayer.label(layer), width, 0, "");
                case SavedLayer.Dropout d -> new Row(rows.size() + 1, "dropout(" + d.p() + ")", width, 0, "");
                case SavedLayer.BatchNorm b -> new Row(rows.size() + 1, SavedLayer.label(layer), width, 2L * b.features(),
                        "weight [" + b.features() + "], bias [" + b.features() + "]; running mean and variance [" + b.features() + "]");
            };
            width = row.width();
            rows.add(row);
        }
        return rows;
    }

    public static long parameters(Model m) {
        return rows(m).stream().mapToLong(r -> Math.max(r.parameters(), 0)).sum();
    }

    /** How the network's last values become the prediction. */
    public static String output(Model m) {
        return switch (m.schema().target()) {
            case Target.Classes c when m.loss() == LossKind.CROSS_ENTROPY -> "probabilities: softmax of the " + c.classes().size() + " logits (the loss is cross-entropy); the class is the most probable";
            case Target.Classes c -> "probabilities: the network's softmax layer; the class is the most probable";
            case Target.Values v -> "value = output × " + num(v.scale()) + " + " + num(v.offset()) + " (the target's unit)";
        };
    }

    public static void print(PrintWriter o, Model m, String source) {
        String dtype = m.dtype().name().toLowerCase(Locale.ROOT);
        o.printf("model     %s: %s, loss %s%n", source, dtype, m.loss().label());
        o.printf("task      %s%n%n", switch (m.schema().target()) {
            case Target.Classes c -> "classification: target '" + c.name() + "', " + c.classes().size() + " classes: " + String.join(", ", c.classes());
            case Target.Values v -> "regression: target '" + v.name() + "'";
        });
        Table layers = new Table("layer", "type", "output shape", ">parameters", "");
        layers.add("input", "", "[N, " + m.schema().inputs() + "]", "", "");
        for (Row r : rows(m)) layers.add(String.valueOf(r.index()), r.type(), "[N, " + r.width() + "]", count(r.parameters()), r.shapes());
        long total = parameters(m);
        boolean unknown = rows(m).stream().anyMatch(r -> r.parameters() < 0);
        layers.add("total", "", "", count(total), "(" + kib(total * (m.dtype() == jgrad.tensor.DType.FLOAT32 ? 4 : 8)) + " as " + dtype
                + (unknown ? "; not counting the layers marked ?" : "") + ")");
        layers.print(o, "");
        o.printf("output    %s%n", output(m));
        o.printf("onnx      %s%n%n", onnx(m));

        o.printf("inputs    %d columns -> %d inputs, %s scaling fitted on the training rows%n", m.schema().features().size(), m.schema().inputs(),
                m.scaler().method().name().toLowerCase(Locale.ROOT));
        Table columns = new Table("column", "kind", "encoding");
        int at = 0;
        for (Feature f : m.schema().features()) {
            columns.add(f.name(), f instanceof Feature.Numeric ? "numeric" : "categorical", switch (f) {
                case Feature.Numeric n -> "(x − " + num(m.scaler().offset()[at]) + ") / " + num(m.scaler().scale()[at]);
                case Feature.Categorical c -> "one-hot, " + c.categories().size() + " inputs: " + String.join(", ", c.categories());
            });
            at += f.width();
        }
        columns.print(o, "  ");
        if (!m.training().isEmpty()) {
            o.printf("%ntraining%n");
            Table note = new Table();
            m.training().forEach((k, v) -> note.add(k, text(v)));
            note.print(o, "  ");
        }
    }

    /** Whether {@code jgrad export} can write the model, and if not, why: the exporter's own one-line error. */
    static String onnx(Model m) {
        try {
            OnnxExport.toBytes(m);
            return "exportable (jgrad export --onnx FILE)";
        } catch (jgrad.cli.UserException e) {
            return "not exportable: " + e.getMessage();
        }
    }

    /** The same as one JSON object: every number in full. */
    public static Map<String, Object> json(Model m, String source) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("model", source);
        j.put("task", m.schema().classification() ? "classification" : "regression");
        j.put("dtype", m.dtype().name().toLowerCase(Locale.ROOT));
        j.put("loss", m.loss().label());
        j.put("inputs", m.schema().inputs());
        j.put("layers", rows(m).stream().map(r -> Json.object("type", r.type(), "output_shape", java.util.Arrays.asList(null, r.width()),
                "parameters", r.parameters() < 0 ? null : r.parameters())).toList());
        j.put("parameters", parameters(m));
        j.put("output", output(m));
        j.put("onnx", onnx(m));
        j.put("scaling", m.scaler().method().name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> features = new ArrayList<>();
        int at = 0;
        for (Feature f : m.schema().features()) {
            features.add(switch (f) {
                case Feature.Numeric n -> Json.object("name", n.name(), "kind", "numeric", "offset", m.scaler().offset()[at], "scale", m.scaler().scale()[at]);
                case Feature.Categorical c -> Json.object("name", c.name(), "kind", "categorical", "categories", c.categories());
            });
            at += f.width();
        }
        j.put("features", features);
        j.put("target", switch (m.schema().target()) {
            case Target.Classes c -> Json.object("name", c.name(), "kind", "classes", "classes", c.classes());
            case Target.Values v -> Json.object("name", v.name(), "kind", "number", "offset", v.offset(), "scale", v.scale());
        });
        j.put("training", m.training());
        return j;
    }

    private static String text(Object v) {
        return v instanceof String s ? s : v instanceof Map<?, ?> || v instanceof List<?> || v != null && v.getClass().isArray()
                ? Json.line(Json.object("", v)).replaceFirst("^\\{\"\":", "").replaceFirst("}$", "") : String.valueOf(v);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String count(long n) {
        return n < 0 ? "?" : String.format(Locale.ROOT, "%,d", n);
    }

    private static String kib(long bytes) {
        return bytes < 1024 ? bytes + " B" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
