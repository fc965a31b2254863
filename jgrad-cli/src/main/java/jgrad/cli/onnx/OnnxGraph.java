package jgrad.cli.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jgrad.tensor.DType;

/**
 * An ONNX graph being built: nodes in execution order and the constant tensors (initializers) they
 * read, every number in the model's own precision. {@link #model} wraps it in a {@code ModelProto}.
 * Field numbers are those of {@code onnx/onnx.proto}.
 */
final class OnnxGraph {
    /** {@code TensorProto.DataType} values. */
    static final int FLOAT = 1, INT64 = 7, DOUBLE = 11;

    /**
     * An integer attribute of a node ({@code axis}). Numbers the model computes with are constants in the model's
     * precision instead, never float attributes (float32 in ONNX, so they would round a float64 model's values).
     */
    record Attr(String name, long value) {}

    /** A graph input or output: its element type and dimensions, each a {@code Long} size or a {@code String} symbol ("N"). */
    record Value(String name, int elemType, Object... dims) {}

    private final int elemType;
    private final List<Protobuf> nodes = new ArrayList<>(), initializers = new ArrayList<>();

    OnnxGraph(DType dtype) {
        this.elemType = dtype == DType.FLOAT32 ? FLOAT : DOUBLE;
    }

    /** The element type of the model's tensors: FLOAT or DOUBLE. */
    int elemType() {
        return elemType;
    }

    /** A constant named {@code name} of the given shape (no dims: a scalar), stored little-endian in raw_data. */
    String constant(String name, double[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * (elemType == FLOAT ? 4 : 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (elemType == FLOAT) raw.putFloat((float) v); else raw.putDouble(v);
        }
        Protobuf t = new Protobuf();
        for (long d : dims) t.varint(1, d);
        t.varint(2, elemType).string(8, name).bytes(9, raw.array());
        initializers.add(t);
        return name;
    }

    /** A scalar constant. */
    String scalar(String name, double value) {
        return constant(name, new double[] {value});
    }

    /** Adds the node {@code op(inputs)}, named after and writing to {@code output}; returns {@code output}. */
    String node(String op, String output, List<String> inputs, Attr... attrs) {
        Protobuf n = new Protobuf();
        inputs.forEach(i -> n.string(1, i));
        n.string(2, output).string(3, output).string(4, op);
        for (Attr a : attrs) n.message(5, attribute(a));
        nodes.add(n);
        return output;
    }

    /** name, i, and type INT (2). */
    private static Protobuf attribute(Attr a) {
        return new Protobuf().string(1, a.name()).varint(3, a.value()).varint(20, 2);
    }

    private static Protobuf valueInfo(Value v) {
        Protobuf shape = new Protobuf();
        for (Object d : v.dims()) {
            shape.message(1, d instanceof Long size ? new Protobuf().varint(1, size) : new Protobuf().string(2, (String) d));
        }
        Protobuf tensor = new Protobuf().varint(1, v.elemType()).message(2, shape);
        return new Protobuf().string(1, v.name()).message(2, new Protobuf().message(1, tensor));
    }

    /** The whole file: a {@code ModelProto} with this graph, its inputs and outputs, and string metadata. */
    byte[] model(String graphName, String doc, int irVersion, int opset, String producerVersion,
                 List<Value> inputs, List<Value> outputs, Map<String, String> metadata) {
        Protobuf graph = new Protobuf();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, graphName);
        initializers.forEach(t -> graph.message(5, t));
        graph.string(10, doc);
        inputs.forEach(v -> graph.message(11, valueInfo(v)));
        outputs.forEach(v -> graph.message(12, valueInfo(v)));
        Protobuf model = new Protobuf().varint(1, irVersion).string(2, "jgrad").string(3, producerVersion)
                .string(6, doc).message(7, graph).message(8, new Protobuf().string(1, "").varint(2, opset));
        metadata.forEach((k, v) -> model.message(14, new Protobuf().string(1, k).string(2, v)));
        return model.toByteArray();
    }
}
