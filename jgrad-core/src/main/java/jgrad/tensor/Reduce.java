package jgrad.tensor;

/** Reductions along an axis; a tensor is viewed as [outer, len, inner] around that axis. */
final class Reduce {
    private Reduce() {}

    static Tensor sum(Tensor x, int axis, boolean keepDim) {
        int[] shape = x.shape();
        int a = Shape.axis("sum", axis, shape.length);
        int outer = Shape.outer(shape, a), len = shape[a], inner = Shape.inner(shape, a);
        Tensor out = new Tensor(x.dtype(), reducedShape(shape, a, keepDim));
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double s = 0;
                for (int k = 0; k < len; k++) s += x.getFlat((o * len + k) * inner + i);
                out.setFlat(o * inner + i, s);
            }
        }
        // every input element contributed once: its gradient is the output gradient, broadcast back
        return Tensor.record(out, "sum", g -> new Tensor[] {expand(g.reshape(reducedShape(shape, a, true)), shape)}, x);
    }

    /** Sums {@code g} down to {@code shape}: the inverse of broadcasting, used by every backward rule. */
    static Tensor sumTo(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (java.util.Arrays.equals(gs, shape)) return g;
        if (Shape.size(shape) == g.size()) return g.reshape(shape);
        Tensor r = g;
        int lead = gs.length - shape.length;
        for (int i = 0; i < lead; i++) r = sum(r, 0, false);
        for (int i = 0; i < shape.length; i++) if (shape[i] == 1 && r.shape()[i] != 1) r = sum(r, i, true);
        return r.reshape(shape);
    }

    static Tensor softmax(Tensor x, int axis) {
        int a = Shape.axis("softmax", axis, x.rank());
        Tensor out = normalise(x, a, false);
        // ds_i = s_i (g_i - Σ_j g_j s_j)
        return Tensor.record(out, "softmax", g -> new Tensor[] {out.mul(g.sub(g.mul(out).sum(a, true)))}, x);
    }

    static Tensor logSoftmax(Tensor x, int axis) {
        int a = Shape.axis("log_softmax", axis, x.rank());
        Tensor out = normalise(x, a, true);
        // d/dx_i = g_i - softmax_i Σ_j g_j
        return Tensor.record(out, "log_softmax", g -> new Tensor[] {g.sub(out.exp().mul(g.sum(a, true)))}, x);
    }

    /** Softmax or log-softmax; subtracting the maximum first keeps exp from overflowing. */
    private static Tensor normalise(Tensor x, int a, boolean log) {
        int[] shape = x.shape();
        int outer = Shape.outer(shape, a), len = shape[a], inner = Shape.inner(shape, a);
        Tensor out = new Tensor(x.dtype(), shape);
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * len * inner + i;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < len; k++) max = Math.max(max, x.getFlat(base + k * inner));
                double sum = 0;
                for (int k = 0; k < len; k++) sum += Math.exp(x.getFlat(base + k * inner) - max);
                double logSum = Math.log(sum);
                for (int k = 0; k < len; k++) {
                    double z = x.getFlat(base + k * inner) - max;
                    out.setFlat(base + k * inner, log ? z - logSum : Math.exp(z) / sum);
                }
            }
        }
        return out;
    }

    static int[] argmax(Tensor x, int axis) {
        int[] shape = x.shape();
        int a = Shape.axis("argmax", axis, shape.length);
        int outer = Shape.outer(shape, a), len = shape[a], inner = Shape.inner(shape, a);
        int[] out = new int[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int best = 0;
                for (int k = 1; k < len; k++) {
                    if (x.getFlat((o * len + k) * inner + i) > x.getFlat((o * len + best) * inner + i)) best = k;
                }
                out[o * inner + i] = best;
            }
        }
        return out;
    }

    private static int[] reducedShape(int[] shape, int axis, boolean keepDim) {
        int[] out = new int[keepDim ? shape.length : shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i == axis) {
                if (keepDim) out[j++] = 1;
            } else {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    /** Broadcasts {@code g} up to {@code shape} (the backward of a sum). */
    private static Tensor expand(Tensor g, int[] shape) {
        return Ops.zip("expand", Tensor.zeros(g.dtype(), shape), g, (zero, v) -> v);
    }
}
