package jgrad.autograd;

/**
 * Switches gradient recording on and off for the current thread.
 *
 * <pre>{@code
 * try (var ignored = Autograd.noGrad()) {
 *     Tensor prediction = model.forward(x);   // no graph is built
 * }
 * }</pre>
 */
public final class Autograd {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private Autograd() {}

    /** Whether operations on this thread record the graph for {@code backward()}. */
    public static boolean isGradEnabled() {
        return ENABLED.get()[0];
    }

    /** Turns recording off until the returned scope is closed; scopes nest. */
    public static Scope noGrad() {
        boolean[] flag = ENABLED.get();
        boolean previous = flag[0];
        flag[0] = false;
        return () -> flag[0] = previous;
    }

    /** A no-grad region; closing it restores the previous mode. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
