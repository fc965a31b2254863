package jgrad.tensor;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import jgrad.function.Activation;

/**
 * Element-wise operations. Each line pairs a forward rule with its local derivative; the chain
 * rule (multiply by the output gradient) and broadcasting are handled once, here and in
 * {@link Tensor#backward}.
 */
final class Ops {
    private Ops() {}

    // ---- binary: forward, then d(out)/d(a) and d(out)/d(b) as tensors
    static Tensor add(Tensor a, Tensor b) {
        return Tensor.record(zip("add", a, b, Double::sum), "add", g -> new Tensor[] {g, g}, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        return Tensor.record(zip("mul", a, b, (x, y) -> x * y), "mul", g -> new Tensor[] {g.mul(b), g.mul(a)}, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        return Tensor.record(zip("div", a, b, (x, y) -> x / y), "div",
                g -> new Tensor[] {g.div(b), g.mul(a).div(b.mul(b)).neg()}, a, b);
    }

    // ---- unary: forward f(x), local derivative f'(x) given x and y = f(x)
    static Tensor neg(Tensor x) {
        return unary("neg", x, v -> -v, (v, y) -> -1);
    }

    static Tensor pow(Tensor x, double p) {
        return unary("pow", x, v -> Math.pow(v, p), (v, y) -> p * Math.pow(v, p - 1));
    }

    static Tensor exp(Tensor x) {
        return unary("exp", x, Math::exp, (v, y) -> y);
    }

    static Tensor log(Tensor x) {
        return unary("log", x, Math::log, (v, y) -> 1 / v);
    }

    static Tensor sqrt(Tensor x) {
        return unary("sqrt", x, Math::sqrt, (v, y) -> 0.5 / y);
    }

    static Tensor abs(Tensor x) {
        return unary("abs", x, Math::abs, (v, y) -> Math.signum(v));
    }

    /** An activation: its forward rule and local derivative come from its one definition. */
    static Tensor activate(Tensor x, Activation f) {
        return unary(f.name(), x, f::apply, f::derivative);
    }

    // ---- machinery

    private static Tensor unary(String op, Tensor x, DoubleUnaryOperator f, DoubleBinaryOperator derivative) {
        Tensor out = map(x, f);
        return Tensor.record(out, op, g -> new Tensor[] {g.mul(zip(op, x, out, derivative))}, x);
    }

    static Tensor map(Tensor x, DoubleUnaryOperator f) {
        Tensor out = new Tensor(x.dtype(), x.shape());
        double[] xd = x.data64(), od = out.data64();
        if (xd != null) {
            for (int i = 0; i < xd.length; i++) od[i] = f.applyAsDouble(xd[i]);
        } else {
            float[] xf = x.data32(), of = out.data32();
            for (int i = 0; i < xf.length; i++) of[i] = (float) f.applyAsDouble(xf[i]);
        }
        return out;
    }

    /** Applies {@code f} element by element after broadcasting; float32 only if both inputs are. */
    static Tensor zip(String op, Tensor a, Tensor b, DoubleBinaryOperator f) {
        int[] shape = Shape.broadcast(op, a.shape(), b.shape());
        Tensor out = new Tensor(DType.promote(a.dtype(), b.dtype()), shape);
        int n = out.size();
        if (a.size() == n && b.size() == n) {
            for (int i = 0; i < n; i++) out.setFlat(i, f.applyAsDouble(a.getFlat(i), b.getFlat(i)));
        } else if (b.size() == 1) {
            double bv = b.getFlat(0);
            for (int i = 0; i < n; i++) out.setFlat(i, f.applyAsDouble(a.getFlat(i), bv));
        } else if (a.size() == 1) {
            double av = a.getFlat(0);
            for (int i = 0; i < n; i++) out.setFlat(i, f.applyAsDouble(av, b.getFlat(i)));
        } else {
            broadcastZip(a, b, out, f);
        }
        return out;
    }

    /** General case: walk the output's multi-index, moving through a and b by their broadcast strides. */
    private static void broadcastZip(Tensor a, Tensor b, Tensor out, DoubleBinaryOperator f) {
        int[] shape = out.shape();
        int[] sa = Shape.broadcastStrides(a.shape(), shape), sb = Shape.broadcastStrides(b.shape(), shape);
        int rank = shape.length;
        int[] idx = new int[rank];
        int ia = 0, ib = 0;
        for (int i = 0, n = out.size(); i < n; i++) {
            out.setFlat(i, f.applyAsDouble(a.getFlat(ia), b.getFlat(ib)));
            for (int axis = rank - 1; axis >= 0; axis--) {
                if (++idx[axis] < shape[axis]) {
                    ia += sa[axis];
                    ib += sb[axis];
                    break;
                }
                ia -= sa[axis] * (shape[axis] - 1);
                ib -= sb[axis] * (shape[axis] - 1);
                idx[axis] = 0;
            }
        }
    }
}
