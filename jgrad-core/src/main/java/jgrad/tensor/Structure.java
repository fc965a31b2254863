package jgrad.tensor;

/** Operations that move values around: matrix product, transpose, reshape, concat, row selection. */
final class Structure {
    private Structure() {}

    /** [m×k]·[k×n]; the backward products A·Bᵀ and Aᵀ·B run without materialising a transpose. */
    static Tensor matmul(Tensor a, Tensor b) {
        int[] sa = a.shape(), sb = b.shape();
        if (sa.length != 2 || sb.length != 2 || sa[1] != sb[0]) {
            throw new IllegalArgumentException("matmul: shapes " + Shape.str(sa) + " and " + Shape.str(sb)
                    + " do not fit (need [m, k] and [k, n])");
        }
        int m = sa[0], k = sa[1], n = sb[1];
        DType t = DType.promote(a.dtype(), b.dtype());
        Tensor x = a.to(t), y = b.to(t);
        Tensor out = new Tensor(t, new int[] {m, n});
        TensorKernels.ab(x, 0, y, out, m, k, n, false);
        return Tensor.record(out, "matmul", g -> {
            Tensor gt = g.to(t);
            Tensor ga = new Tensor(t, sa), gb = new Tensor(t, sb);
            TensorKernels.abt(gt, y, ga, m, n, k, false); // G·Bᵀ
            TensorKernels.atb(x, 0, gt, gb, k, m, n, false); // Aᵀ·G
            return new Tensor[] {ga, gb};
        }, a, b);
    }

    static Tensor transpose(Tensor x) {
        int[] s = x.shape();
        if (s.length != 2) throw new IllegalArgumentException("transpose: needs a 2-D tensor, got shape " + Shape.str(s));
        int r = s[0], c = s[1];
        Tensor out = new Tensor(x.dtype(), new int[] {c, r});
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) out.setFlat(j * r + i, x.getFlat(i * c + j));
        return Tensor.record(out, "transpose", g -> new Tensor[] {transpose(g)}, x);
    }

    /** Same values, new shape (one dimension may be -1: inferred). Shares the storage. */
    static Tensor reshape(Tensor x, int[] newShape) {
        int[] shape = newShape.clone();
        int known = 1, infer = -1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1 && infer < 0) infer = i;
            else known *= shape[i];
        }
        if (infer >= 0 && known != 0) shape[infer] = x.size() / known;
        if (Shape.size(shape) != x.size()) {
            throw new IllegalArgumentException("reshape: cannot view shape " + Shape.str(x.shape()) + " as " + Shape.str(newShape));
        }
        Tensor out = x.dtype() == DType.FLOAT64 ? Tensor.fromArray(x.data64(), shape) : Tensor.fromArray(x.data32(), shape);
        int[] old = x.shape();
        return Tensor.record(out, "reshape", g -> new Tensor[] {g.reshape(old)}, x);
    }

    static Tensor rows(Tensor x, int[] index) {
        int[] s = x.shape();
        if (s.length == 0) throw new IllegalArgumentException("rows: needs at least one dimension");
        int width = x.size() / Math.max(1, s[0]);
        int[] outShape = s.clone();
        outShape[0] = index.length;
        Tensor out = new Tensor(x.dtype(), outShape);
        for (int r = 0; r < index.length; r++) {
            if (index[r] < 0 || index[r] >= s[0]) {
                throw new IndexOutOfBoundsException("rows: index " + index[r] + " out of range for " + s[0] + " rows");
            }
            for (int c = 0; c < width; c++) out.setFlat(r * width + c, x.getFlat(index[r] * width + c));
        }
        return Tensor.record(out, "rows", g -> {
            Tensor gx = new Tensor(g.dtype(), s); // rows picked twice receive both gradients
            for (int r = 0; r < index.length; r++) {
                for (int c = 0; c < width; c++) {
                    int i = index[r] * width + c;
                    gx.setFlat(i, gx.getFlat(i) + g.getFlat(r * width + c));
                }
            }
            return new Tensor[] {gx};
        }, x);
    }

    static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("concat: nothing to concatenate");
        int[] first = parts[0].shape();
        int a = Shape.axis("concat", axis, first.length);
        int sum = 0;
        DType t = parts[0].dtype();
        for (Tensor p : parts) {
            int[] s = p.shape();
            boolean fits = s.length == first.length;
            for (int i = 0; fits && i < s.length; i++) fits = i == a || s[i] == first[i];
            if (!fits) {
                throw new IllegalArgumentException("concat: shapes " + Shape.str(first) + " and " + Shape.str(s)
                        + " differ outside axis " + a);
            }
            sum += s[a];
            t = DType.promote(t, p.dtype());
        }
        int total = sum;
        int[] outShape = first.clone();
        outShape[a] = total;
        int outer = Shape.outer(first, a), inner = Shape.inner(first, a);
        Tensor out = new Tensor(t, outShape);
        int[] offsets = new int[parts.length];
        for (int p = 0, off = 0; p < parts.length; p++) {
            offsets[p] = off;
            int len = parts[p].shape()[a];
            for (int o = 0; o < outer; o++) {
                for (int k = 0; k < len * inner; k++) {
                    out.setFlat((o * total + off) * inner + k, parts[p].getFlat(o * len * inner + k));
                }
            }
            off += len;
        }
        return Tensor.record(out, "concat", g -> {
            Tensor[] grads = new Tensor[parts.length];
            for (int p = 0; p < parts.length; p++) {
                int[] s = parts[p].shape();
                int len = s[a];
                grads[p] = new Tensor(g.dtype(), s);
                for (int o = 0; o < outer; o++) {
                    for (int k = 0; k < len * inner; k++) {
                        grads[p].setFlat(o * len * inner + k, g.getFlat((o * total + offsets[p]) * inner + k));
                    }
                }
            }
            return grads;
        }, parts);
    }
}
