package jgrad.nn;

/** A layer spec that does not parse; {@link #column()} is 1-based, the message ends with "at column N". */
public final class LayerSpecException extends IllegalArgumentException {
    private final int column;

    public LayerSpecException(String what, int column) {
        super(what + " at column " + column);
        this.column = column;
    }

    public int column() {
        return column;
    }
}
