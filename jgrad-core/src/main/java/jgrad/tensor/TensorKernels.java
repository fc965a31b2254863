package jgrad.tensor;

import jgrad.function.Activation;
import jgrad.kernel.FusedD;
import jgrad.kernel.FusedF;
import jgrad.kernel.MatMul;
import jgrad.kernel.UpdateD;
import jgrad.kernel.UpdateF;

/**
 * The kernels on tensors' storage: the one place that picks the float64 or float32 kernel for a
 * tensor's dtype. Every tensor argument of a call shares one dtype; offsets and sizes count elements.
 * The autograd operations, the fused training path and the optimisers call these.
 */
public final class TensorKernels {
    private TensorKernels() {}

    /** C[m×n] = A·B with A starting at element aOff (accumulate: C += A·B). */
    public static void ab(Tensor a, int aOff, Tensor b, Tensor c, int m, int k, int n, boolean accumulate) {
        if (a.data64() != null) MatMul.ab(a.data64(), aOff, b.data64(), c.data64(), m, k, n, accumulate);
        else MatMul.ab(a.data32(), aOff, b.data32(), c.data32(), m, k, n, accumulate);
    }

    /** C[m×n] = Aᵀ·B with A stored as [k×m] from element aOff, B as [k×n]. */
    public static void atb(Tensor a, int aOff, Tensor b, Tensor c, int m, int k, int n, boolean accumulate) {
        if (a.data64() != null) MatMul.atb(a.data64(), aOff, b.data64(), c.data64(), m, k, n, accumulate);
        else MatMul.atb(a.data32(), aOff, b.data32(), c.data32(), m, k, n, accumulate);
    }

    /** C[m×n] = Aᵀ·B as {@link #atb} (not accumulated) and sums[j] = Σ_r B[r][j] in row order: weight and bias gradients. */
    public static void atbColumnSums(Tensor a, int aOff, Tensor b, Tensor c, Tensor sums, int m, int k, int n) {
        if (a.data64() != null) MatMul.atbColumnSums(a.data64(), aOff, b.data64(), c.data64(), sums.data64(), m, k, n);
        else MatMul.atbColumnSums(a.data32(), aOff, b.data32(), c.data32(), sums.data32(), m, k, n);
    }

    /** C[m×n] = A·Bᵀ with A stored as [m×k], B as [n×k]. */
    public static void abt(Tensor a, Tensor b, Tensor c, int m, int k, int n, boolean accumulate) {
        if (a.data64() != null) MatMul.abt(a.data64(), b.data64(), c.data64(), m, k, n, accumulate);
        else MatMul.abt(a.data32(), b.data32(), c.data32(), m, k, n, accumulate);
    }

    /** c = act(a·w + bias): a dense layer's forward pass in one call (bias may be null). */
    public static void linear(Tensor a, int aOff, Tensor w, Tensor bias, Activation act, Tensor c, int m, int k, int n) {
        if (a.data64() != null) {
            MatMul.abBiasActivate(a.data64(), aOff, w.data64(), bias == null ? null : bias.data64(), act, c.data64(), m, k, n);
        } else {
            MatMul.abBiasActivate(a.data32(), aOff, w.data32(), bias == null ? null : bias.data32(), act, c.data32(), m, k, n);
        }
    }

    /** Row-wise softmax of the first rows×cols elements, in place. */
    public static void softmax(Tensor z, int rows, int cols) {
        if (z.data64() != null) FusedD.softmax(z.data64(), rows, cols);
        else FusedF.softmax(z.data32(), rows, cols);
    }

    /** y[0..len) = act(z[0..len)), z kept. */
    public static void activate(Tensor z, Tensor y, int len, Activation act) {
        copy(z, 0, y, 0, len);
        if (y.data64() != null) act.apply(y.data64(), 0, len);
        else act.apply(y.data32(), 0, len);
    }

    /** g *= act'(z) over len elements, from z (null when the activation does not need it) and y = act(z). */
    public static void activationBackward(Tensor z, Tensor y, Tensor g, int len, Activation act) {
        if (y.data64() != null) act.backward(z == null ? null : z.data64(), y.data64(), g.data64(), len);
        else act.backward(z == null ? null : z.data32(), y.data32(), g.data32(), len);
    }

    /** out[j] = Σ_r g[r][j] over rows×cols, in row order: a bias gradient. */
    public static void columnSums(Tensor g, int rows, int cols, Tensor out) {
        if (g.data64() != null) FusedD.columnSums(g.data64(), rows, cols, out.data64(), false);
        else FusedF.columnSums(g.data32(), rows, cols, out.data32(), false);
    }

    /** y += alpha·x over every element (in place SGD is {@code axpy(-lr, grad, w)}). */
    public static void axpy(double alpha, Tensor x, Tensor y) {
        if (y.data64() != null) FusedD.axpy(alpha, x.data64(), y.data64(), y.size());
        else FusedF.axpy((float) alpha, x.data32(), y.data32(), y.size());
    }

    /** count elements from src[srcOff] to dst[dstOff]. */
    public static void copy(Tensor src, int srcOff, Tensor dst, int dstOff, int count) {
        if (src.data64() != null) System.arraycopy(src.data64(), srcOff, dst.data64(), dstOff, count);
        else System.arraycopy(src.data32(), srcOff, dst.data32(), dstOff, count);
    }

    // ---- the optimisers' update rules (kernel.UpdateF and its generated float64 twin), one call per parameter

    public static void sgd(Tensor p, Tensor g, double lr, double wd) {
        if (p.data64() != null) UpdateD.sgd(p.data64(), g.data64(), p.size(), lr, wd);
        else UpdateF.sgd(p.data32(), g.data32(), p.size(), lr, wd);
    }

    public static void momentum(Tensor p, Tensor g, Tensor v, double lr, double wd, double mu, double dampening, boolean nesterov, boolean first) {
        if (p.data64() != null) UpdateD.momentum(p.data64(), g.data64(), v.data64(), p.size(), lr, wd, mu, dampening, nesterov, first);
        else UpdateF.momentum(p.data32(), g.data32(), v.data32(), p.size(), lr, wd, mu, dampening, nesterov, first);
    }

    public static void adam(Tensor p, Tensor g, Tensor m, Tensor v, double lr, double wd, boolean decoupled,
                     double beta1, double beta2, double eps, long t) {
        if (p.data64() != null) {
            UpdateD.adam(p.data64(), g.data64(), m.data64(), v.data64(), p.size(), lr, wd, decoupled, beta1, beta2, eps, t);
        } else {
            UpdateF.adam(p.data32(), g.data32(), m.data32(), v.data32(), p.size(), lr, wd, decoupled, beta1, beta2, eps, t);
        }
    }

    /** {@code b} (the momentum buffer) is null without momentum. */
    public static void rmsprop(Tensor p, Tensor g, Tensor s, Tensor b, double lr, double wd, double alpha, double eps, double mu) {
        if (p.data64() != null) {
            UpdateD.rmsprop(p.data64(), g.data64(), s.data64(), b == null ? null : b.data64(), p.size(), lr, wd, alpha, eps, mu);
        } else {
            UpdateF.rmsprop(p.data32(), g.data32(), s.data32(), b == null ? null : b.data32(), p.size(), lr, wd, alpha, eps, mu);
        }
    }
}
