package jgrad.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The autograd engine, whole: how an operation is recorded, how {@code backward()} orders the graph
 * and applies the chain rule, how gradients accumulate, and the no-grad mode. Each operation's own
 * forward value and backward rule sit side by side in {@link Ops}, {@link Reduce} and {@link Structure}.
 *
 * <pre>{@code
 * try (var ignored = Autograd.noGrad()) {
 *     Tensor prediction = model.forward(x);   // no graph is built
 * }
 * }</pre>
 */
public final class Autograd {
    private Autograd() {}

    /** Gradients of an operation's inputs from the gradient of its output (null: that input gets none). */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(Tensor outputGrad);
    }

    // ------------------------------------------------------------------ no-grad mode

    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

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

    // ------------------------------------------------------------------ recording

    /**
     * Records {@code out} as the result of {@code op} on {@code inputs} with the given backward rule,
     * when gradients are on and some input needs one. Custom operations call this too.
     */
    public static Tensor record(Tensor out, String op, Backward rule, Tensor... inputs) {
        if (!isGradEnabled()) return out;
        boolean needed = false;
        for (Tensor t : inputs) needed |= t != null && t.requiresGrad;
        if (!needed) return out;
        out.requiresGrad = true;
        out.op = op;
        out.parents = Arrays.asList(inputs);
        out.backwardRule = rule;
        return out;
    }

    // ------------------------------------------------------------------ backward

    /**
     * Backpropagates {@code outputGrad} from {@code root} in reverse topological order. Leaf gradients
     * accumulate across calls (zero them between steps), as in PyTorch. Intermediate results' gradients
     * start from zero on every call and stay readable afterwards through {@code grad()}: {@code explain}
     * prints them.
     */
    static void backward(Tensor root, Tensor outputGrad) {
        List<Tensor> order = topologicalOrder(root);
        for (Tensor t : order) if (t.backwardRule != null) t.grad = null;
        accumulate(root, outputGrad);
        try (var ignored = noGrad()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                if (t.backwardRule == null || t.grad == null) continue;
                Tensor[] grads = t.backwardRule.apply(t.grad);
                for (int p = 0; p < t.parents.size(); p++) {
                    Tensor parent = t.parents.get(p);
                    if (parent != null && parent.requiresGrad && grads[p] != null) accumulate(parent, grads[p]);
                }
            }
        }
    }

    /** Iterative depth-first sort, parents before children: deep graphs must not overflow the stack. */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        ArrayDeque<Integer> nextChild = new ArrayDeque<>();
        stack.push(root);
        nextChild.push(0);
        seen.add(root);
        while (!stack.isEmpty()) {
            Tensor t = stack.peek();
            int i = nextChild.pop();
            if (i < t.parents.size()) {
                nextChild.push(i + 1);
                Tensor p = t.parents.get(i);
                if (p != null && p.requiresGrad && seen.add(p)) {
                    stack.push(p);
                    nextChild.push(0);
                }
            } else {
                order.add(stack.pop());
            }
        }
        return order;
    }

    /** Adds {@code g} to {@code t}'s gradient, summing away broadcast dimensions first (the one place that does). */
    private static void accumulate(Tensor t, Tensor g) {
        Tensor reduced = Reduce.sumTo(g, t.shape());
        if (t.grad == null) t.grad = new Tensor(t.dtype(), t.shape());
        Tensor grad = t.grad;
        for (int i = 0; i < grad.size(); i++) grad.setFlat(i, grad.getFlat(i) + reduced.getFlat(i));
    }
}
