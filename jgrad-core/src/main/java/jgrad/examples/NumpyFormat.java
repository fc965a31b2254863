package jgrad.examples;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How NumPy prints small arrays (8 decimals, trailing zeros padded as spaces), for the seeds' outputs. */
final class NumpyFormat {
    private NumpyFormat() {}

    /** A column vector as {@code np.matrix} prints it: {@code [[-4.9627121 ]\n [ 2.53334478]]}. */
    static String column(double... v) {
        String[] cells = cells(v, 8);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < cells.length; i++) sb.append(i == 0 ? "[" : " [").append(cells[i]).append(i == cells.length - 1 ? "]]" : "]\n");
        return sb.toString();
    }

    /**
     * NumPy's default float style: the values rounded to {@code decimals}, trailing zeros dropped but
     * padded so the decimal points align, and a space for the sign when any value is negative.
     */
    static String[] cells(double[] v, int decimals) {
        String[] s = new String[v.length];
        int frac = 1;
        boolean anyNegative = false;
        for (int i = 0; i < v.length; i++) {
            BigDecimal b = new BigDecimal(v[i]).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
            s[i] = b.scale() <= 0 ? b.setScale(0).toPlainString() + "." : b.toPlainString();
            frac = Math.max(frac, s[i].length() - s[i].indexOf('.') - 1);
            anyNegative |= v[i] < 0;
        }
        for (int i = 0; i < v.length; i++) {
            int pad = frac - (s[i].length() - s[i].indexOf('.') - 1);
            String sign = anyNegative && v[i] >= 0 ? " " : "";
            s[i] = sign + s[i] + " ".repeat(pad);
        }
        return s;
    }
}
