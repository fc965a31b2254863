package jgrad.symbolic;

/** A formula that does not parse: says what went wrong and at which column (1-based). */
public final class ParseException extends IllegalArgumentException {
    private final String formula;
    private final int column;

    ParseException(String formula, int column, String what) {
        super(what + " at column " + column);
        this.formula = formula;
        this.column = column;
    }

    public String formula() {
        return formula;
    }

    public int column() {
        return column;
    }

    /** Two lines: the formula, and a caret under the offending column. */
    public String caret(String indent) {
        return indent + formula + "\n" + indent + " ".repeat(column - 1) + "^";
    }
}
