package jgrad.cli.model;

import jgrad.model.LossKind;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.cli.AtomicFile;
import jgrad.cli.UserException;
import jgrad.cli.data.Feature;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.data.Scaler;
import jgrad.tensor.DType;

/**
 * Reads and writes the model file described in {@code docs/model-format.md}: versioned JSON,
 * written atomically, checked for shape consistency on load. Doubles are written in their
 * shortest exact form, so a float64 model reads back bit for bit.
 */
public final class ModelFile {
    private ModelFile() {}

    public static final String FORMAT = "jgrad-model";
    public static final int VERSION = 1;

    /** Objects one field per line, arrays on one line: a weight matrix stays readable instead of one number per line. */
    static final ObjectMapper JSON = new ObjectMapper()
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    /** The file's JSON shape, field by field as documented. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Doc(String format, Integer version, String task, String dtype, String loss, String scaling,
               List<FeatureDoc> features, TargetDoc target, List<LayerDoc> layers, Map<String, Object> training) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FeatureDoc(String name, String kind, Double offset, Double scale, List<String> categories) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TargetDoc(String name, String kind, List<String> classes, Double offset, Double scale) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LayerDoc(String type, Integer in, Integer out, double[][] weight, double[] bias) {}

    /** Writes {@code model} to {@code path} through a temporary file, so an interrupted save leaves the old file (or none). */
    public static void write(Model model, Path path) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(toDoc(model));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        AtomicFile.write(path, out -> out.write(bytes));
    }

    /** Jackson's exception in the model file's own terms, without its internals. */
    private static String problem(JsonProcessingException e) {
        if (e.getOriginalMessage().startsWith("Unexpected end-of-input")) return "the file ends too early: truncated?";
        return switch (e) {
            case com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u -> "unknown field '" + u.getPropertyName() + "'";
            case com.fasterxml.jackson.databind.exc.MismatchedInputException m when !m.getPath().isEmpty() ->
                    "field '" + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                            .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[") + "' has the wrong type";
            case com.fasterxml.jackson.core.JsonParseException parse -> "not valid JSON";
            default -> e.getOriginalMessage().lines().findFirst().orElse("unreadable");
        };
    }

    public static Model read(Path path) {
        Doc doc;
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length == 0) throw new UserException(path + ": empty model file");
            doc = JSON.readValue(bytes, Doc.class);
        } catch (NoSuchFileException e) {
            throw new UserException(path + ": no such model file");
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new UserException(path + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": corrupt model file (" + problem(e) + ")");
        } catch (IOException e) {
            throw new UserException(path + ": cannot read (" + e.getMessage() + ")");
        }
        if (doc == null) throw new UserException(path + ": corrupt model file (null)");
        try {
            return fromDoc(doc);
        } catch (BadModel e) {
            throw new UserException(path + ": " + e.getMessage());
        }
    }

    private static Doc toDoc(Model m) {
        List<FeatureDoc> features = new ArrayList<>();
        int at = 0;
        for (Feature f : m.schema().features()) {
            features.add(switch (f) {
                case Feature.Numeric n -> new FeatureDoc(n.name(), "numeric", m.scaler().offset()[at], m.scaler().scale()[at], null);
                case Feature.Categorical c -> new FeatureDoc(c.name(), "categorical", null, null, c.categories());
            });
            at += f.width();
        }
        TargetDoc target = switch (m.schema().target()) {
            case Target.Classes c -> new TargetDoc(c.name(), "classes", c.classes(), null, null);
            case Target.Values v -> new TargetDoc(v.name(), "number", null, v.offset(), v.scale());
        };
        List<LayerDoc> layers = m.layers().stream().map(l -> l instanceof SavedLayer.Dense d
                ? new LayerDoc("linear", d.in(), d.out(), d.weight(), d.bias())
                : new LayerDoc(SavedLayer.label(l), null, null, null, null)).toList();
        return new Doc(FORMAT, VERSION, m.schema().classification() ? "classification" : "regression",
                m.dtype().name().toLowerCase(java.util.Locale.ROOT), m.loss().label(), m.scaler().method().name().toLowerCase(java.util.Locale.ROOT),
                features, target, layers, new LinkedHashMap<>(m.training()));
    }

    /** A model file that parses as JSON but does not describe a usable model. */
    private static final class BadModel extends RuntimeException {
        BadModel(String message) {
            super(message);
        }
    }

    private static <T> T need(T value, String what) {
        if (value == null) throw new BadModel("model file has no " + what);
        return value;
    }

    private static Model fromDoc(Doc d) {
        if (!FORMAT.equals(d.format())) throw new BadModel("not a jgrad model file (format is " + (d.format() == null ? "missing" : "'" + d.format() + "'") + ", expected '" + FORMAT + "')");
        if (!Integer.valueOf(VERSION).equals(d.version())) {
            throw new BadModel("model file version " + d.version() + " is not supported; this jgrad reads version " + VERSION + " (retrain, or use the jgrad that wrote it)");
        }
        DType dtype = switch (need(d.dtype(), "dtype")) {
            case "float64" -> DType.FLOAT64;
            case "float32" -> DType.FLOAT32;
            default -> throw new BadModel("unknown dtype '" + d.dtype() + "' (float64 or float32)");
        };
        LossKind loss = LossKind.parse(need(d.loss(), "loss"));
        if (loss == null) throw new BadModel("unknown loss '" + d.loss() + "' (cross-entropy or mse)");
        Scaler.Method method;
        try {
            method = Scaler.Method.valueOf(need(d.scaling(), "scaling").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadModel("unknown scaling '" + d.scaling() + "' (standard, minmax or none)");
        }
        List<Feature> features = new ArrayList<>();
        List<Double> offset = new ArrayList<>(), scale = new ArrayList<>();
        for (FeatureDoc f : need(d.features(), "features")) {
            String name = need(f.name(), "feature name");
            switch (need(f.kind(), "kind for feature '" + name + "'")) {
                case "numeric" -> {
                    features.add(new Feature.Numeric(name));
                    offset.add(need(f.offset(), "offset for feature '" + name + "'"));
                    double s = need(f.scale(), "scale for feature '" + name + "'");
                    if (!(s > 0) || !Double.isFinite(s)) throw new BadModel("feature '" + name + "' has scale " + s + "; it must be positive");
                    scale.add(s);
                }
                case "categorical" -> {
                    List<String> cats = need(f.categories(), "categories for feature '" + name + "'");
                    if (cats.isEmpty()) throw new BadModel("feature '" + name + "' has no categories");
                    features.add(new Feature.Categorical(name, cats));
                    cats.forEach(c -> { offset.add(0.0); scale.add(1.0); });
                }
                default -> throw new BadModel("feature '" + name + "' has unknown kind '" + f.kind() + "' (numeric or categorical)");
            }
        }
        if (features.isEmpty()) throw new BadModel("model file has no features");
        TargetDoc t = need(d.target(), "target");
        Target target = switch (need(t.kind(), "target kind")) {
            case "classes" -> {
                List<String> classes = need(t.classes(), "target classes");
                if (classes.size() < 2) throw new BadModel("target has " + classes.size() + " classes; a classifier has at least two");
                yield new Target.Classes(need(t.name(), "target name"), classes);
            }
            case "number" -> new Target.Values(need(t.name(), "target name"), need(t.offset(), "target offset"), need(t.scale(), "target scale"));
            default -> throw new BadModel("unknown target kind '" + t.kind() + "' (classes or number)");
        };
        Schema schema = new Schema(features, target);
        List<SavedLayer> layers = layers(need(d.layers(), "layers"), schema);
        Scaler scaler = new Scaler(method, offset.stream().mapToDouble(Double::doubleValue).toArray(), scale.stream().mapToDouble(Double::doubleValue).toArray());
        return new Model(schema, scaler, layers, loss, dtype, d.training() == null ? Map.of() : d.training());
    }

    /** Checks that each dense layer's shape fits the one before it, the inputs and the outputs. */
    private static List<SavedLayer> layers(List<LayerDoc> docs, Schema schema) {
        List<SavedLayer> layers = new ArrayList<>();
        int width = schema.inputs();
        for (int k = 0; k < docs.size(); k++) {
            LayerDoc l = docs.get(k);
            String where = "layer " + (k + 1);
            if ("linear".equals(l.type())) {
                double[][] w = need(l.weight(), "weight in " + where);
                double[] b = need(l.bias(), "bias in " + where);
                int in = need(l.in(), "'in' in " + where), out = need(l.out(), "'out' in " + where);
                if (in != width) throw new BadModel(where + " (linear) takes " + in + " inputs but receives " + width);
                if (w.length != in) throw new BadModel(where + " (linear) has " + w.length + " weight rows, expected in = " + in);
                for (double[] row : w) {
                    if (row == null || row.length != out) throw new BadModel(where + " (linear) has a weight row of length " + (row == null ? 0 : row.length) + ", expected out = " + out);
                    for (double v : row) if (!Double.isFinite(v)) throw new BadModel(where + " (linear) has a non-finite weight " + v);
                }
                if (b.length != out) throw new BadModel(where + " (linear) has " + b.length + " biases, expected out = " + out);
                layers.add(new SavedLayer.Dense(w, b));
                width = out;
            } else {
                SavedLayer f = SavedLayer.function(l.type());
                if (f == null) throw new BadModel(where + " has unknown type '" + l.type() + "' (linear, " + Network.activationNames() + ", softmax)");
                layers.add(f);
            }
        }
        if (layers.stream().noneMatch(SavedLayer.Dense.class::isInstance)) throw new BadModel("model file has no linear layer");
        if (width != schema.outputs()) throw new BadModel("the network has " + width + " outputs but the target needs " + schema.outputs());
        return layers;
    }
}
