package jgrad.cli;

import java.util.Locale;

/**
 * What jgrad is doing that may need much memory, so that running out of it can be reported in one
 * line that says what was being done, how much memory the JVM may use, and how to give it more.
 */
public final class Memory {
    private Memory() {}

    /** The environment variable whose JVM options the {@code ./jgrad} launcher passes on ({@code -Xmx8g}). */
    public static final String OPTIONS_VARIABLE = "JGRAD_JAVA_OPTS";

    private static volatile String activity = "running";

    /** Names the current step ("loading big.csv"); returns the previous one, to restore. */
    public static String doing(String what) {
        String before = activity;
        activity = what;
        return before;
    }

    /** The most heap the JVM will use (-Xmx). */
    public static long available() {
        return Runtime.getRuntime().maxMemory();
    }

    public static String outOfMemory() {
        return "out of memory while " + activity + " (this JVM may use " + bytes(available()) + "; give it more with "
                + suggestion(2 * available()) + ")";
    }

    /** {@code JGRAD_JAVA_OPTS=-Xmx8g}, rounded up to whole gigabytes. */
    public static String suggestion(long bytes) {
        long gb = Math.max(1, (bytes + (1L << 30) - 1) >> 30);
        return OPTIONS_VARIABLE + "=-Xmx" + gb + "g";
    }

    public static String bytes(long n) {
        if (n >= 1L << 30) return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
        return String.format(Locale.ROOT, "%d MB", Math.max(1, n >> 20));
    }

    /** Tables with this many cells are worth a full collection once they are dropped. */
    static final long BIG_TABLE = 4_000_000;

    /**
     * Called once a big table has been encoded and dropped: it sits in the old generation, which only a full
     * collection empties, so collect now, once, rather than let the heap grow past the table and the tensors built next.
     */
    public static void tableDropped(long cells) {
        if (cells >= BIG_TABLE) System.gc();
    }
}
