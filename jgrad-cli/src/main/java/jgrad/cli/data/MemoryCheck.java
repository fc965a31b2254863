package jgrad.cli.data;

import jgrad.cli.Memory;
import jgrad.cli.UserException;

/**
 * Refuses, before reading it, a file that cannot fit: a table costs 8 bytes a cell as it is read, and about
 * as much again for the network's inputs and their tensor, so a file that needs more than the JVM may use
 * fails at once with the figure, instead of after minutes with an {@link OutOfMemoryError}.
 */
final class MemoryCheck {
    private MemoryCheck() {}

    /**
     * Bytes per cell while training: the column (8) and the encoded inputs, which the tensors share (8), with 8 to
     * spare for a float32 copy and the collector's headroom.
     */
    static final int BYTES_PER_CELL = 24;

    static void beforeLoading(String source, long rows, int columns) {
        long need = rows * columns * BYTES_PER_CELL + rows * 32;
        long free = Memory.available() - (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
        if (need > free) {
            throw new UserException(source + ": about " + String.format(java.util.Locale.ROOT, "%,d", rows) + " rows x " + columns
                    + " columns need about " + Memory.bytes(need) + " of memory, but this JVM may use " + Memory.bytes(Memory.available())
                    + "; give it more with " + Memory.suggestion(need + (256L << 20)));
        }
    }
}
