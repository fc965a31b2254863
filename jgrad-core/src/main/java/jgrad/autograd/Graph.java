package jgrad.autograd;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import jgrad.tensor.Tensor;

/**
 * Draws the computation graph behind a tensor in Graphviz's DOT language, with each node's value
 * and gradient: paste the output into {@code dot -Tpng} to see the chain rule's path.
 *
 * <pre>{@code
 * Tensor loss = ...; loss.backward();
 * System.out.println(Graph.toDot(loss, Map.of(w, "w", b, "b")));
 * }</pre>
 */
public final class Graph {
    private Graph() {}

    public static String toDot(Tensor root) {
        return toDot(root, Map.of());
    }

    /** @param names labels for leaves (parameters, inputs); other leaves are shown by value */
    public static String toDot(Tensor root, Map<Tensor, String> names) {
        Map<Tensor, String> labels = new IdentityHashMap<>();
        names.forEach(labels::put);
        Map<Tensor, Integer> ids = new IdentityHashMap<>();
        StringBuilder dot = new StringBuilder("digraph jgrad {\n  rankdir=LR;\n  node [shape=record, fontname=\"monospace\"];\n");
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> todo = new ArrayDeque<>();
        todo.push(root);
        seen.add(root);
        while (!todo.isEmpty()) {
            Tensor t = todo.pop();
            int id = ids.computeIfAbsent(t, k -> ids.size());
            String name = labels.getOrDefault(t, t.op().isEmpty() ? "" : t.op());
            dot.append("  n").append(id).append(" [label=\"{").append(escape(name)).append(" | data ").append(brief(t))
                    .append(" | grad ").append(t.grad() == null ? "-" : brief(t.grad())).append("}\"];\n");
            for (Tensor p : t.parents()) {
                if (p == null) continue;
                int pid = ids.computeIfAbsent(p, k -> ids.size());
                dot.append("  n").append(pid).append(" -> n").append(id).append(";\n");
                if (seen.add(p)) todo.push(p);
            }
        }
        return dot.append("}\n").toString();
    }

    private static String brief(Tensor t) {
        if (t.size() == 1) return String.format(java.util.Locale.ROOT, "%.4f", t.getFlat(0));
        return "shape " + Arrays.toString(t.shape());
    }

    private static String escape(String s) {
        return s.replace("\"", "\\\"").replace("{", "\\{").replace("}", "\\}").replace("|", "\\|").replace("<", "\\<").replace(">", "\\>");
    }
}
