package jgrad.cli.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jgrad.tensor.DType;
import org.junit.jupiter.api.Test;

/** The wire format against the encodings of the protobuf documentation, and an exported file read back by a separate reader. */
class ProtobufTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void encodesAsTheProtobufDocumentationSays() {
        assertArrayEquals(hex("08 96 01"), new Protobuf().varint(1, 150).toByteArray());
        assertArrayEquals(hex("12 07 74 65 73 74 69 6e 67"), new Protobuf().string(2, "testing").toByteArray());
        assertArrayEquals(hex("1a 03 08 96 01"), new Protobuf().message(3, new Protobuf().varint(1, 150)).toByteArray());
        assertArrayEquals(hex("08 ff ff ff ff ff ff ff ff ff 01"), new Protobuf().varint(1, -1).toByteArray());
        assertArrayEquals(hex("a0 01 01"), new Protobuf().varint(20, 1).toByteArray(), "a field number above 15 takes a two-byte tag");
    }

    /** One field as a reader sees it: number, and a varint value or the bytes of a length-delimited one. */
    record Field(int number, long value, byte[] bytes) {}

    static List<Field> read(byte[] b) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < b.length) {
            long tag = varint(b, at);
            int number = (int) (tag >>> 3), type = (int) (tag & 7);
            switch (type) {
                case 0 -> fields.add(new Field(number, varint(b, at), null));
                case 2 -> {
                    int n = (int) varint(b, at);
                    fields.add(new Field(number, n, java.util.Arrays.copyOfRange(b, at[0], at[0] + n)));
                    at[0] += n;
                }
                default -> throw new AssertionError("wire type " + type);
            }
        }
        return fields;
    }

    private static long varint(byte[] b, int[] at) {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b[at[0]++] & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            if (x < 0x80) return v;
        }
    }

    static Field first(List<Field> fields, int number) {
        return fields.stream().filter(f -> f.number() == number).findFirst().orElseThrow(() -> new AssertionError("no field " + number));
    }

    @Test
    void aGraphReadsBackFieldByField() {
        OnnxGraph g = new OnnxGraph(DType.FLOAT64);
        g.node("Add", "y", List.of("x", g.constant("b", new double[] {0.1, -2}, 2)));
        byte[] file = g.model("g", "doc", OnnxExport.IR_VERSION, OnnxExport.OPSET, "v", List.of(new OnnxGraph.Value("x", OnnxGraph.DOUBLE, "N", 2L)),
                List.of(new OnnxGraph.Value("y", OnnxGraph.DOUBLE, "N", 2L)), java.util.Map.of("k", "v"));
        List<Field> model = read(file);
        assertEquals(8, first(model, 1).value(), "IR version");
        assertEquals(13, first(read(first(model, 8).bytes()), 2).value(), "opset");
        List<Field> graph = read(first(model, 7).bytes());
        List<Field> node = read(first(graph, 1).bytes());
        assertEquals(List.of("x", "b"), node.stream().filter(f -> f.number() == 1).map(f -> new String(f.bytes())).toList());
        assertEquals("Add", new String(first(node, 4).bytes()));
        List<Field> tensor = read(first(graph, 5).bytes());
        assertEquals(2, first(tensor, 1).value());
        assertEquals(OnnxGraph.DOUBLE, first(tensor, 2).value());
        var raw = java.nio.ByteBuffer.wrap(first(tensor, 9).bytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(0.1, raw.getDouble());
        assertEquals(-2, raw.getDouble());
        List<Field> dims = read(first(read(first(read(first(read(first(graph, 11).bytes()), 2).bytes()), 1).bytes()), 2).bytes());
        assertEquals("N", new String(first(read(dims.get(0).bytes()), 2).bytes()), "batch axis is the symbol N");
        assertEquals(2, first(read(dims.get(1).bytes()), 1).value());
    }
}
