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
    /** Written now: version 2 adds gap fillers, pooled "other" categories, missing indicators and the checksum. */
    public static final int VERSION = 2;
    /** Read: every version this jgrad knows. */
    static final java.util.Set<Integer> READS = java.util.Set.of(1, 2);

    /** Objects one field per line, arrays on one line: a weight matrix stays readable instead of one number per line. */
    static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS).build()
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // exactly one document, each key once, and no "1" or 1.5 read as the integer 1
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    /** The file's JSON shape, field by field as documented. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Doc(String format, Integer version, String task, String dtype, String loss, String scaling,
               List<FeatureDoc> features, TargetDoc target, List<LayerDoc> layers, Map<String, Object> training, StateDoc state, String checksum) {
        Doc withChecksum(String sum) {
            return new Doc(format, version, task, dtype, loss, scaling, features, target, layers, training, state, sum);
        }
    }

    /** The training state for --resume (see {@link Model.State}). */
    record StateDoc(Integer epochs, String optimizer, Long steps, Map<String, double[]> buffers, long[] dropout) {}

    /** {@code fill} is a number for a numeric feature, a category for a categorical one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FeatureDoc(String name, String kind, Double offset, Double scale, List<String> categories, Boolean other, Object fill, Boolean indicator) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TargetDoc(String name, String kind, List<String> classes, Double offset, Double scale) {}

    /** A layer: linear (in, out, weight, bias), an activation or softmax (type only), dropout (p), batchnorm (γ, β, running statistics). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LayerDoc(String type, Integer in, Integer out, double[][] weight, double[] bias, Double p,
                    double[] gamma, double[] beta, double[] mean, double[] variance, Double eps, Double momentum) {
        static LayerDoc of(String type) {
            return new LayerDoc(type, null, null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** Writes {@code model} to {@code path} through a temporary file, so an interrupted save leaves the old file (or none). */
    public static void write(Model model, Path path) {
        Doc doc = toDoc(model);
        byte[] bytes = bytes(doc.withChecksum(checksum(doc)));
        AtomicFile.write(path, out -> out.write(bytes));
    }

    private static byte[] bytes(Doc doc) {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SHA-256 of the document without its checksum, as this writer prints it: every number, name and shape.
     * Computed from the parsed document, so re-indenting the file keeps it valid, while a changed digit does not.
     */
    static String checksum(Doc doc) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(bytes(doc.withChecksum(null)));
            return "sha256:" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
                case Feature.Numeric n -> new FeatureDoc(n.name(), "numeric", m.scaler().offset()[at], m.scaler().scale()[at], null, null,
                        n.fillable() ? n.fill() : null, n.indicator() ? true : null);
                case Feature.Categorical c -> new FeatureDoc(c.name(), "categorical", null, null, c.categories(), c.other() ? true : null,
                        c.fill(), c.indicator() ? true : null);
            });
            at += f.width();
        }
        TargetDoc target = switch (m.schema().target()) {
            case Target.Classes c -> new TargetDoc(c.name(), "classes", c.classes(), null, null);
            case Target.Values v -> new TargetDoc(v.name(), "number", null, v.offset(), v.scale());
        };
        List<LayerDoc> layers = m.layers().stream().map(l -> switch (l) {
            case SavedLayer.Dense d -> new LayerDoc("linear", d.in(), d.out(), d.weight(), d.bias(), null, null, null, null, null, null, null);
            case SavedLayer.Dropout d -> new LayerDoc("dropout", null, null, null, null, d.p(), null, null, null, null, null, null);
            case SavedLayer.BatchNorm b -> new LayerDoc("batchnorm", null, null, null, null, null, b.weight(), b.bias(), b.runningMean(), b.runningVar(),
                    b.eps(), b.momentum());
            default -> LayerDoc.of(SavedLayer.label(l));
        }).toList();
        return new Doc(FORMAT, VERSION, m.schema().classification() ? "classification" : "regression",
                m.dtype().name().toLowerCase(java.util.Locale.ROOT), m.loss().label(), m.scaler().method().name().toLowerCase(java.util.Locale.ROOT),
                features, target, layers, new LinkedHashMap<>(m.training()),
                m.state() == null ? null : new StateDoc(m.state().epochs(), m.state().optimizer(), m.state().steps(), new java.util.TreeMap<>(m.state().buffers()),
                        m.state().dropout()), null);
    }

    /** A model file that parses as JSON but does not describe a usable model. */
    private static final class BadModel extends RuntimeException {
        BadModel(String message) {
            super(message);
        }
    }

    private static double finite(double v, String what) {
        if (!Double.isFinite(v)) throw new BadModel(what + " is " + v + "; it must be a finite number");
        return v;
    }

    private static double positive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) throw new BadModel(what + " has scale " + v + "; it must be positive and finite");
        return v;
    }

    private static void unique(List<String> values, String where, String what) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String v : values) {
            if (v == null) throw new BadModel(where + " has a null " + what);
            if (!seen.add(v)) throw new BadModel(where + " has the " + what + " '" + jgrad.cli.Text.cell(v) + "' twice");
        }
    }

    private static <T> T need(T value, String what) {
        if (value == null) throw new BadModel("model file has no " + what);
        return value;
    }

    private static Model fromDoc(Doc d) {
        if (!FORMAT.equals(d.format())) throw new BadModel("not a jgrad model file (format is " + (d.format() == null ? "missing" : "'" + d.format() + "'") + ", expected '" + FORMAT + "')");
        if (d.version() == null || !READS.contains(d.version())) {
            throw new BadModel("model file version " + d.version() + " is not supported; this jgrad reads versions 1 and " + VERSION + " (retrain, or use the jgrad that wrote it)");
        }
        if (d.version() >= 2) {
            if (d.checksum() == null) throw new BadModel("model file has no checksum (version " + d.version() + " files always have one): damaged?");
            if (!d.checksum().equals(checksum(d))) {
                throw new BadModel("checksum does not match the content: the file was changed or damaged after it was saved (a number edited, a bit flipped); retrain, or restore it from a copy");
            }
        } else if (d.checksum() != null) {
            throw new BadModel("unknown field 'checksum' in a version 1 file");
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
        java.util.Set<String> names = new java.util.HashSet<>();
        for (FeatureDoc f : need(d.features(), "features")) {
            String name = need(f.name(), "feature name");
            if (!names.add(name)) throw new BadModel("feature '" + name + "' appears twice");
            boolean indicator = Boolean.TRUE.equals(f.indicator());
            switch (need(f.kind(), "kind for feature '" + name + "'")) {
                case "numeric" -> {
                    if (f.fill() != null && !(f.fill() instanceof Number)) throw new BadModel("feature '" + name + "' has a fill value that is not a number");
                    double fill = f.fill() == null ? Double.NaN : finite(((Number) f.fill()).doubleValue(), "fill value of feature '" + name + "'");
                    features.add(new Feature.Numeric(name, fill, indicator));
                    offset.add(finite(need(f.offset(), "offset for feature '" + name + "'"), "offset of feature '" + name + "'"));
                    scale.add(positive(need(f.scale(), "scale for feature '" + name + "'"), "feature '" + name + "'"));
                    if (indicator) { offset.add(0.0); scale.add(1.0); }
                }
                case "categorical" -> {
                    List<String> cats = need(f.categories(), "categories for feature '" + name + "'");
                    if (cats.isEmpty()) throw new BadModel("feature '" + name + "' has no categories");
                    unique(cats, "feature '" + name + "'", "category");
                    if (f.fill() != null && !cats.contains(f.fill())) throw new BadModel("feature '" + name + "' has a fill value that is not one of its categories");
                    var c = new Feature.Categorical(name, cats, Boolean.TRUE.equals(f.other()), (String) f.fill(), indicator);
                    features.add(c);
                    for (int k = 0; k < c.width(); k++) { offset.add(0.0); scale.add(1.0); }
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
                unique(classes, "the target", "class");
                yield new Target.Classes(need(t.name(), "target name"), classes);
            }
            case "number" -> new Target.Values(need(t.name(), "target name"), finite(need(t.offset(), "target offset"), "target offset"),
                    positive(need(t.scale(), "target scale"), "the target"));
            default -> throw new BadModel("unknown target kind '" + t.kind() + "' (classes or number)");
        };
        Schema schema = new Schema(features, target);
        List<SavedLayer> layers = layers(need(d.layers(), "layers"), schema);
        Scaler scaler = new Scaler(method, offset.stream().mapToDouble(Double::doubleValue).toArray(), scale.stream().mapToDouble(Double::doubleValue).toArray());
        return new Model(schema, scaler, layers, loss, dtype, d.training() == null ? Map.of() : d.training(), state(d.state(), layers));
    }

    /** The training state, if any: a known optimiser, a count of epochs and steps, finite buffers, one generator per dropout layer. */
    private static Model.State state(StateDoc s, List<SavedLayer> layers) {
        if (s == null) return null;
        int epochs = need(s.epochs(), "'epochs' in the training state");
        long steps = need(s.steps(), "'steps' in the training state");
        String optimizer = need(s.optimizer(), "'optimizer' in the training state");
        if (epochs < 1 || steps < 0) throw new BadModel("training state has " + epochs + " epochs and " + steps + " steps");
        if (java.util.Arrays.stream(jgrad.model.Mlp.OptimizerKind.values()).noneMatch(k -> k.name().toLowerCase(java.util.Locale.ROOT).equals(optimizer))) {
            throw new BadModel("training state names an unknown optimiser '" + optimizer + "'");
        }
        Map<String, double[]> buffers = need(s.buffers(), "'buffers' in the training state");
        buffers.forEach((name, v) -> {
            if (v == null) throw new BadModel("training state buffer '" + name + "' is null");
            for (double x : v) finite(x, "training state buffer '" + name + "'");
        });
        long[] dropout = need(s.dropout(), "'dropout' in the training state");
        long dropouts = layers.stream().filter(SavedLayer.Dropout.class::isInstance).count();
        if (dropout.length != dropouts) throw new BadModel("training state has " + dropout.length + " dropout generators for " + dropouts + " dropout layers");
        return new Model.State(epochs, optimizer, steps, buffers, dropout);
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
                for (double v : b) if (!Double.isFinite(v)) throw new BadModel(where + " (linear) has a non-finite bias " + v);
                layers.add(new SavedLayer.Dense(w, b));
                width = out;
            } else if ("dropout".equals(l.type())) {
                double p = need(l.p(), "'p' in " + where);
                if (!(p >= 0 && p < 1)) throw new BadModel(where + " (dropout) has p = " + p + ", expected a probability in [0, 1)");
                layers.add(new SavedLayer.Dropout(p));
            } else if ("batchnorm".equals(l.type())) {
                layers.add(batchNorm(l, where, width));
            } else {
                SavedLayer f = SavedLayer.function(l.type());
                if (f == null) throw new BadModel(where + " has unknown type '" + l.type() + "' (linear, " + Network.activationNames() + ", softmax, dropout, batchnorm)");
                layers.add(f);
            }
        }
        if (layers.stream().noneMatch(SavedLayer.Dense.class::isInstance)) throw new BadModel("model file has no linear layer");
        return checkedWidth(layers, width, schema);
    }

    /** A batchnorm layer's numbers: one of each per feature, finite, the variance not negative, eps positive. */
    private static SavedLayer.BatchNorm batchNorm(LayerDoc l, String where, int width) {
        String what = where + " (batchnorm)";
        double[][] arrays = {need(l.gamma(), "'gamma' in " + where), need(l.beta(), "'beta' in " + where),
                need(l.mean(), "'mean' in " + where), need(l.variance(), "'variance' in " + where)};
        for (double[] a : arrays) {
            if (a.length != width) throw new BadModel(what + " has " + a.length + " values per statistic, expected " + width + " features");
            for (double v : a) if (!Double.isFinite(v)) throw new BadModel(what + " has a non-finite value " + v);
        }
        for (double v : arrays[3]) if (v < 0) throw new BadModel(what + " has a negative running variance " + v);
        double eps = need(l.eps(), "'eps' in " + where), momentum = need(l.momentum(), "'momentum' in " + where);
        if (!(eps > 0) || Double.isInfinite(eps) || !(momentum >= 0 && momentum <= 1)) {
            throw new BadModel(what + " has eps = " + eps + " and momentum = " + momentum + ", expected eps > 0 and momentum in [0, 1]");
        }
        return new SavedLayer.BatchNorm(arrays[0], arrays[1], arrays[2], arrays[3], eps, momentum);
    }

    private static List<SavedLayer> checkedWidth(List<SavedLayer> layers, int width, Schema schema) {
        if (width != schema.outputs()) throw new BadModel("the network has " + width + " outputs but the target needs " + schema.outputs());
        return layers;
    }
}
