package jgrad.cli.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one run shows to its pages: the latest state (overwritten, never queued) and the epochs so
 * far (bounded). The trainer publishes without waiting for anyone; each page's stream takes the
 * newest state when it is ready for it, so a slow page sees fewer frames and holds no backlog.
 */
final class Channel {
    /** The most epochs a run keeps for its curves: runs stop at this many (see {@link Session#MAX_EPOCHS}). */
    static final int MAX_EPOCHS = 20_000;

    /** One frame for a page: the state, the epochs after {@code from}, and whether the curves start over (a reset). */
    record Frame(long version, int generation, Map<String, Object> state, List<Map<String, Object>> epochs, int from) {}

    private final List<Map<String, Object>> epochs = new ArrayList<>();
    private Map<String, Object> state = Map.of();
    private long version;
    private int generation;
    private int subscribers;
    private long idleSince = System.nanoTime();
    private boolean closed;

    synchronized void publish(Map<String, Object> newState) {
        state = newState;
        version++;
        notifyAll();
    }

    synchronized void epoch(Map<String, Object> e) {
        if (epochs.size() < MAX_EPOCHS) epochs.add(e);
        version++;
        notifyAll();
    }

    /** A reset: the curves start over. */
    synchronized void restart() {
        epochs.clear();
        generation++;
        version++;
        notifyAll();
    }

    synchronized Map<String, Object> state() {
        return state;
    }

    /**
     * Waits up to {@code timeoutMillis} for something newer than {@code seenVersion}; null on timeout
     * or when closed. Epochs are those after {@code cursor}, or all of them for a page of an older generation.
     */
    synchronized Frame next(long seenVersion, int seenGeneration, int cursor, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (version == seenVersion && !closed) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) return null;
            wait(left);
        }
        if (closed) return null;
        int from = seenGeneration == generation ? Math.min(cursor, epochs.size()) : 0;
        return new Frame(version, generation, state, List.copyOf(epochs.subList(from, epochs.size())), from);
    }

    synchronized void subscribe() {
        subscribers++;
    }

    synchronized void unsubscribe() {
        if (--subscribers == 0) idleSince = System.nanoTime();
    }

    /** How long no page has been watching (0 while one is). */
    synchronized long idleMillis() {
        return subscribers > 0 ? 0 : (System.nanoTime() - idleSince) / 1_000_000;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean closed() {
        return closed;
    }
}
