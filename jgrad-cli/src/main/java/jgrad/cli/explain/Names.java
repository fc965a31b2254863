package jgrad.cli.explain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The symbols of an explanation, in seed 000's notation: x, z1, a1, ŷ, w1, b1 when each layer
 * has one neuron, and indexed z1[2], w2[1,3] (from input 1 to neuron 3) when layers are wider.
 */
record Names(int[] widths) {

    /** widths[0] = inputs, widths[l] = neurons in layer l; the last layer is the output. */
    int layers() {
        return widths.length - 1;
    }

    String input(int i) {
        return widths[0] == 1 ? "x" : "x" + (i + 1);
    }

    String z(int l, int j) {
        return "z" + l + index(l, j);
    }

    /** The activation of neuron j of layer l; layer 0 is the input. */
    String a(int l, int j) {
        if (l == 0) return input(j);
        if (l == layers()) return widths[l] == 1 ? "ŷ" : "ŷ[" + (j + 1) + "]";
        return "a" + l + index(l, j);
    }

    String w(int l, int i, int j) {
        return widths[l - 1] == 1 && widths[l] == 1 ? "w" + l : "w" + l + "[" + (i + 1) + "," + (j + 1) + "]";
    }

    String b(int l, int j) {
        return "b" + l + index(l, j);
    }

    private String index(int l, int j) {
        return widths[l] == 1 ? "" : "[" + (j + 1) + "]";
    }

    static String d(String of, String by) {
        return "d" + of + "/d" + by;
    }

    /** Six significant digits, no exponent for everyday sizes: 0.562177, -0.0025375, 12.5. */
    static String num(double v) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return String.valueOf(v);
        String s = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toString();
        return s.contains("E") ? String.format("%.5e", v) : s;
    }

    /** A factor inside a product: negative numbers in brackets. */
    static String factor(double v) {
        return v < 0 ? "(" + num(v) + ")" : num(v);
    }
}
