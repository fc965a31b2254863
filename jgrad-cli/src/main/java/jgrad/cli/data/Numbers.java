package jgrad.cli.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Set;

/**
 * Numbers as people write them in CSV files: {@code 1234.5}, {@code 1,234.5}, or with a decimal comma
 * {@code 1234,5} and {@code 1.234,5} (as Excel writes them in much of Europe). Which mark is the decimal one
 * is decided once per file ({@link #detect}) and can be forced ({@code --decimal ,}); thousands separators
 * (the other mark, an apostrophe, a space or a narrow space) are allowed in groups of three.
 */
public final class Numbers {
    private Numbers() {}

    /** The decimal mark of a file. */
    public enum Decimal {
        DOT('.'), COMMA(',');

        final char mark;

        Decimal(char mark) {
            this.mark = mark;
        }

        public String symbol() {
            return String.valueOf(mark);
        }

        /** "." or "," (also "dot", "comma"); null for auto. */
        public static Decimal parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case ".", "dot", "point" -> DOT;
                case ",", "comma" -> COMMA;
                case "auto" -> null;
                default -> throw new IllegalArgumentException(s);
            };
        }
    }

    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "none", "?", "-", "#n/a");

    public static boolean isMissing(String cell) {
        return cell.isEmpty() || cell.length() <= 4 && MISSING.contains(cell.toLowerCase(Locale.ROOT));
    }

    /**
     * The cell's value, {@link Column#MISSING} for a gap or {@link Column#TEXT} when it is not a number in
     * this decimal convention. Only plain decimal notation counts: Java's own parser would also take
     * {@code 1d}, {@code 0x1p3} and {@code Infinity}.
     */
    static double parse(String cell, Decimal decimal) {
        if (isMissing(cell)) return Column.MISSING;
        String plain = plain(cell, decimal.mark);
        if (plain == null) return Column.TEXT;
        return Double.parseDouble(plain);
    }

    private static final double[] POWERS = new double[23];

    static {
        for (int i = 0; i < POWERS.length; i++) POWERS[i] = Double.parseDouble("1e" + i);
    }

    /**
     * The common case without any allocation: digits with at most one decimal mark and at most 18 digits in all.
     * The value is then {@code m / 10^f} with {@code m < 2^63} and {@code f <= 18}; when {@code m <= 2^53} both are
     * exact doubles, and one correctly rounded division gives the correctly rounded value (Clinger's fast path),
     * bit for bit what {@link Double#parseDouble} gives. NaN when the cell needs the general path.
     */
    static double fast(CharSequence s, char decimal) {
        int n = s.length(), i = 0;
        if (n == 0 || n > 19) return Double.NaN;
        boolean negative = s.charAt(0) == '-';
        if (negative || s.charAt(0) == '+') i++;
        long m = 0;
        int digits = 0, fraction = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                if (fraction >= 0) fraction++;
            } else if (c == decimal && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 18 || m > (1L << 53)) return Double.NaN;
        double v = fraction > 0 ? m / POWERS[fraction] : m;
        return negative ? -v : v;
    }

    /** The cell rewritten as Java reads numbers (digits, '.', exponent), or null when it is not a number. */
    static String plain(String s, char decimal) {
        int n = s.length(), i = 0;
        if (n > 400) return null; // no honest number is this long; refuse before parsing a megabyte of digits
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int digits = 0, group = -1, groups = 0;
        char separator = 0;
        boolean rewrite = decimal != '.';
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (group >= 0) group++;
            } else if (c != decimal && isSeparator(c, decimal) && digits > 0 && (separator == 0 || c == separator)) {
                if (group >= 0 ? group != 3 : digits > 3) return null;
                separator = c;
                group = 0;
                groups++;
                rewrite = true;
            } else {
                break;
            }
        }
        if (group >= 0 && group != 3) return null;
        int fraction = 0;
        if (i < n && s.charAt(i) == decimal) {
            for (i++; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) fraction++;
        }
        if (digits + fraction == 0) return null;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int at = ++i;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int exponent = 0;
            for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) exponent++;
            if (exponent == 0 || at < 0) return null;
        }
        if (i != n) return null;
        if (!rewrite) return s;
        StringBuilder b = new StringBuilder(n);
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c == decimal) b.append('.');
            else if (groups == 0 || c != separator) b.append(c);
        }
        return b.toString();
    }

    private static boolean isSeparator(char c, char decimal) {
        return c == (decimal == '.' ? ',' : '.') || c == '\'' || c == ' ' || c == '\u00a0' || c == '\u202f';
    }

    /**
     * The decimal mark the cells vote for: a comma between digits that cannot be a thousands separator
     * ({@code 4,63}, {@code 13,2}) against a point that cannot be one ({@code 4.63}); null when no cell tells.
     */
    static Decimal detect(Iterable<String[]> rows) {
        long comma = 0, dot = 0;
        for (String[] row : rows) {
            for (String cell : row) {
                if (cell.length() > 40) continue;
                if (plain(cell, ',') != null && cell.indexOf(',') >= 0 && plain(cell, '.') == null) comma++;
                else if (plain(cell, '.') != null && cell.indexOf('.') >= 0 && plain(cell, ',') == null) dot++;
            }
        }
        if (comma > dot) return Decimal.COMMA;
        if (dot > 0) return Decimal.DOT;
        return null;
    }

    /** Shortest text that reads back as exactly {@code v}: {@code 3}, {@code 0.1}, {@code 1e-5} (not Java's "3.0", "1.0E-5"). */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e16) return Long.toString((long) v);
        String s = Double.toString(v);
        int e = s.indexOf('E');
        if (e < 0) return s;
        String mantissa = s.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return mantissa + "e" + s.substring(e + 1);
    }

    /** {@code v} to {@code digits} significant digits, trailing zeros dropped. */
    public static String format(double v, int digits) {
        if (!Double.isFinite(v)) return Double.toString(v);
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -7 && exponent < 16) return rounded.toPlainString();
        return format(rounded.doubleValue());
    }
}
