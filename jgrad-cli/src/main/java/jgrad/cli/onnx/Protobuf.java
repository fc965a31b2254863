package jgrad.cli.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The part of the protocol-buffer wire format an ONNX file needs, written by hand so that the CLI
 * carries no protobuf library: a message is a run of fields, each a tag ({@code field << 3 | wire type})
 * then a varint, or a length and that many bytes (strings, raw tensor data, nested messages).
 * Fields are written in the order they are added; a repeated field is the same field written again
 * (proto2's unpacked form, which every reader accepts).
 */
final class Protobuf {
    private static final int VARINT = 0, LENGTH_DELIMITED = 2;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An int32, int64 or enum field (a negative value takes ten bytes, as protobuf writes it). */
    Protobuf varint(int field, long value) {
        tag(field, VARINT);
        raw(value);
        return this;
    }

    Protobuf bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    Protobuf string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Protobuf message(int field, Protobuf value) {
        return bytes(field, value.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        raw((long) field << 3 | wireType);
    }

    /** Seven bits per byte, low bits first, the top bit set on every byte but the last. */
    private void raw(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }
}
