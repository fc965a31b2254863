package jgrad.cli.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * One CSV column in primitive arrays: every cell as a number, and, while the column has few distinct
 * values or any text, every cell as a code into its list of distinct texts. A column of a million
 * different numbers so costs 8 bytes a cell, not a string per cell. A missing cell and a text cell are
 * NaNs with their own bit patterns among the numbers, so telling them apart costs nothing.
 */
public final class Column {
    /** Distinct texts kept for an all-number column (enough for any category list worth one-hot encoding). */
    static final int CODE_LIMIT = 1024;
    /** How many cells of each kind (missing, text) are remembered for messages. */
    static final int SAMPLES = 5;

    static final double MISSING = Double.longBitsToDouble(0x7ff8_0000_0000_0a5aL);
    static final double TEXT = Double.longBitsToDouble(0x7ff8_0000_0000_7e47L);

    private final String name;
    private double[] numbers;
    private int[] codes;
    private String[] raw;
    private final HashMap<String, Integer> index = new HashMap<>();
    /** Codes of number cells by their value, so that a number needs no string to find its code. */
    private final HashMap<Double, Integer> numberIndex = new HashMap<>();
    private final List<String> levels = new ArrayList<>();
    private int size, missing, text;
    private final int[] missingRows = new int[SAMPLES], textRows = new int[SAMPLES];
    private final String[] textCells = new String[SAMPLES];

    Column(String name, int capacity, boolean keepRaw) {
        this.name = name;
        numbers = new double[capacity];
        codes = new int[capacity];
        raw = keepRaw ? new String[capacity] : null;
    }

    /** Adds a cell; {@code text} is only read during the call. Plain numbers cost no allocation. */
    void add(CharSequence chars, Numbers.Decimal decimal) {
        double v = raw == null ? Numbers.fast(chars, decimal.mark) : Double.NaN;
        if (Double.isNaN(v)) {
            String cell = chars.toString();
            add(cell, Numbers.parse(cell, decimal));
            return;
        }
        if (size == numbers.length) grow();
        numbers[size] = v;
        if (codes != null) {
            Integer code = numberIndex.get(v);
            if (code == null) {
                String cell = chars.toString();
                code = index.get(cell);
                if (code == null) {
                    code = levels.size();
                    levels.add(cell);
                    index.put(cell, code);
                }
                numberIndex.put(v, code);
            }
            codes[size] = code;
            if (levels.size() > CODE_LIMIT && text == 0) dropCodes();
        }
        size++;
    }

    void add(String cell, double value) {
        if (size == numbers.length) grow();
        boolean absent = Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(MISSING);
        boolean isText = Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(TEXT);
        if (absent && missing < SAMPLES) missingRows[missing] = size;
        if (isText && text < SAMPLES) {
            textRows[text] = size;
            textCells[text] = cell;
        }
        if (absent) missing++;
        if (isText) text++;
        numbers[size] = value;
        if (raw != null) raw[size] = cell;
        if (codes != null) {
            if (absent) {
                codes[size] = -1;
            } else {
                Integer code = index.get(cell);
                if (code == null) {
                    code = levels.size();
                    levels.add(cell);
                    index.put(cell, code);
                }
                codes[size] = code;
                if (levels.size() > CODE_LIMIT && text == 0) dropCodes();
            }
        }
        size++;
    }

    private void grow() {
        int capacity = Math.max(16, numbers.length + (numbers.length >> 1));
        numbers = Arrays.copyOf(numbers, capacity);
        if (codes != null) codes = Arrays.copyOf(codes, capacity);
        if (raw != null) raw = Arrays.copyOf(raw, capacity);
    }

    /** Many different numbers and no text: a numeric column, whose codes would only cost memory. */
    private void dropCodes() {
        codes = null;
        index.clear();
        numberIndex.clear();
        levels.clear();
    }

    /** Trims the arrays to the rows read. */
    void finish() {
        if (numbers.length - size > size / 16) {
            numbers = Arrays.copyOf(numbers, size);
            if (codes != null) codes = Arrays.copyOf(codes, size);
            if (raw != null) raw = Arrays.copyOf(raw, size);
        }
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    public boolean isMissing(int row) {
        return Double.doubleToRawLongBits(numbers[row]) == Double.doubleToRawLongBits(MISSING);
    }

    public boolean isNumber(int row) {
        return !Double.isNaN(numbers[row]);
    }

    /** The cell as a number (NaN when missing or text). */
    public double number(int row) {
        return numbers[row];
    }

    /** Counts of missing and of non-number cells. */
    public int missing() {
        return missing;
    }

    public int text() {
        return text;
    }

    public int numbers() {
        return size - missing - text;
    }

    /** The first few rows with a missing cell, or with text. */
    public int[] missingSamples() {
        return Arrays.copyOf(missingRows, Math.min(missing, SAMPLES));
    }

    public int[] textSamples() {
        return Arrays.copyOf(textRows, Math.min(text, SAMPLES));
    }

    /** The text of the i-th of {@link #textSamples()}. */
    public String textSample(int i) {
        return textCells[i];
    }

    /** Whether every cell's text is known (few distinct values, or any text at all). */
    public boolean hasCodes() {
        return codes != null;
    }

    /** Code of the row's text in {@link #levels()}, -1 when missing. */
    public int code(int row) {
        return codes[row];
    }

    public List<String> levels() {
        return levels;
    }

    /** The cell's text: as read when kept or coded, else the number in its shortest form (null when missing). */
    public String text(int row) {
        if (raw != null) return raw[row];
        if (isMissing(row)) return null;
        if (codes != null) return levels.get(codes[row]);
        return Numbers.format(numbers[row]);
    }
}
