package jgrad.cli.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** onnxruntime, the reference runtime, running an exported file on rows of doubles (as float32 or float64). */
final class Ort implements AutoCloseable {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    final OrtSession session;

    /** With onnxruntime's default graph optimisations (all of them), as a user's session has. */
    Ort(byte[] model) throws OrtException {
        this(model, OrtSession.SessionOptions.OptLevel.ALL_OPT);
    }

    /** {@code NO_OPT} runs the graph exactly as written: no operator fused or rewritten. */
    Ort(byte[] model, OrtSession.SessionOptions.OptLevel level) throws OrtException {
        try (var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1); // the machine is shared; one thread is as exact as many
            options.setOptimizationLevel(level);
            session = ENV.createSession(model, options);
        }
    }

    /** Every output by name, as Java arrays: float[][]/double[][] values, long[] labels. */
    Map<String, Object> run(double[][] x, boolean float32) throws OrtException {
        Object rows = x;
        if (float32) {
            float[][] f = new float[x.length][];
            for (int i = 0; i < x.length; i++) {
                f[i] = new float[x[i].length];
                for (int j = 0; j < x[i].length; j++) f[i][j] = (float) x[i][j];
            }
            rows = f;
        }
        try (OnnxTensor input = OnnxTensor.createTensor(ENV, rows); OrtSession.Result r = session.run(Map.of("input", input))) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, OnnxValue> e : r) out.put(e.getKey(), e.getValue().getValue());
            return out;
        }
    }

    TensorInfo input() throws OrtException {
        return (TensorInfo) session.getInputInfo().get("input").getInfo();
    }

    Map<String, String> metadata() throws OrtException {
        return session.getMetadata().getCustomMetadata();
    }

    /** A float[][] or double[][] as doubles. */
    static double[][] doubles(Object array) {
        if (array instanceof double[][] d) return d;
        float[][] f = (float[][]) array;
        double[][] d = new double[f.length][];
        for (int i = 0; i < f.length; i++) {
            d[i] = new double[f[i].length];
            for (int j = 0; j < f[i].length; j++) d[i][j] = f[i][j];
        }
        return d;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
