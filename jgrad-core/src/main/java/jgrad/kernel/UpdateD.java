// GENERATED from UpdateF.java by jgrad-core/gen-float64.sh: edit that file and rerun the script.
package jgrad.kernel;

/**
 * The optimisers' update rules, once, on flat float64 arrays, in place and allocation-free: SGD with
 * weight decay, momentum and Nesterov, Adam and AdamW, RMSprop, as PyTorch defines them. {@code jgrad.optim}
 * calls them for tensors and {@code jgrad.optimize} for formulas. Hyperparameters come as double and are
 * rounded to the arrays' type once per call, as PyTorch rounds its Python floats. The bulk of each array
 * runs on the Vector API ({@link UpdateSimdD}) when it is there, the loops below do the rest: the same
 * operations in the same order and no fma on both paths, so SIMD or not gives the same bits.
 */
public final class UpdateD {
    /** Arrays shorter than this take the scalar loop: a few vectors do not pay for the Vector API's setup (a 2-3-1 network's 13 weights). */
    static final int SIMD_MIN = 64;

    private UpdateD() {}

    /** p ← p − lr·(g + wd·p): plain SGD, with coupled (L2) weight decay when wd ≠ 0. */
    public static void sgd(double[] p, double[] g, int n, double lr, double wd) {
        if (wd == 0) {
            FusedD.axpy(-lr, g, p, n); // p + (−lr)·g rounds as p − lr·g; split over threads when large
            return;
        }
        sgd(p, g, n, lr, wd, Simd.ENABLED && n >= SIMD_MIN);
    }

    static void sgd(double[] p, double[] g, int n, double lr, double wd, boolean simd) {
        double rate = lr, decay = wd;
        int i = simd ? UpdateSimdD.sgd(p, g, n, rate, decay) : 0;
        for (; i < n; i++) p[i] = p[i] - rate * (g[i] + decay * p[i]);
    }

    /**
     * SGD with momentum μ (PyTorch's rule): d = g + wd·p; v ← d on the first step, else μ·v + (1 − dampening)·d;
     * p ← p − lr·(nesterov ? d + μ·v : v).
     */
    public static void momentum(double[] p, double[] g, double[] v, int n, double lr, double wd, double mu, double dampening,
                                boolean nesterov, boolean first) {
        momentum(p, g, v, n, lr, wd, mu, dampening, nesterov, first, Simd.ENABLED && n >= SIMD_MIN);
    }

    static void momentum(double[] p, double[] g, double[] v, int n, double lr, double wd, double mu, double dampening,
                         boolean nesterov, boolean first, boolean simd) {
        double rate = lr, decay = wd, m = mu, keep = (1 - dampening);
        int i = simd ? UpdateSimdD.momentum(p, g, v, n, rate, decay, m, keep, nesterov, first) : 0;
        for (; i < n; i++) {
            double d = decay == 0 ? g[i] : g[i] + decay * p[i];
            v[i] = first ? d : m * v[i] + keep * d;
            p[i] = p[i] - rate * (nesterov ? d + m * v[i] : v[i]);
        }
    }

    /**
     * Adam at step t (1-based): m ← β1·m + (1 − β1)·d, v ← β2·v + (1 − β2)·d², p ← p − lr·m̂/(√v̂ + ε) with
     * m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t). Coupled decay (Adam) uses d = g + wd·p; decoupled (AdamW) uses
     * d = g and first shrinks p ← p − lr·wd·p.
     */
    public static void adam(double[] p, double[] g, double[] m, double[] v, int n, double lr, double wd, boolean decoupled,
                            double beta1, double beta2, double eps, long t) {
        adam(p, g, m, v, n, lr, wd, decoupled, beta1, beta2, eps, t, Simd.ENABLED && n >= SIMD_MIN);
    }

    static void adam(double[] p, double[] g, double[] m, double[] v, int n, double lr, double wd, boolean decoupled,
                     double beta1, double beta2, double eps, long t, boolean simd) {
        double rate = lr, decay = decoupled ? 0.0 : wd, shrink = decoupled ? (lr * wd) : 0.0;
        double b1 = beta1, a1 = (1 - beta1), b2 = beta2, a2 = (1 - beta2), e = eps;
        double c1 = (1 - Math.pow(beta1, t)), c2 = (1 - Math.pow(beta2, t));
        int i = simd ? UpdateSimdD.adam(p, g, m, v, n, rate, decay, decoupled, shrink, b1, a1, b2, a2, e, c1, c2) : 0;
        for (; i < n; i++) {
            double w = p[i], d = g[i];
            if (decoupled) w = w - shrink * w;
            else if (decay != 0) d = d + decay * w;
            m[i] = b1 * m[i] + a1 * d;
            v[i] = b2 * v[i] + a2 * d * d;
            p[i] = w - rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + e);
        }
    }

    /**
     * RMSprop (PyTorch's rule): d = g + wd·p; s ← α·s + (1 − α)·d²; step = d/(√s + ε), or with momentum μ
     * b ← μ·b + step and step = b; p ← p − lr·step. {@code b} may be null when μ = 0.
     */
    public static void rmsprop(double[] p, double[] g, double[] s, double[] b, int n, double lr, double wd, double alpha,
                               double eps, double mu) {
        rmsprop(p, g, s, b, n, lr, wd, alpha, eps, mu, Simd.ENABLED && n >= SIMD_MIN);
    }

    static void rmsprop(double[] p, double[] g, double[] s, double[] b, int n, double lr, double wd, double alpha,
                        double eps, double mu, boolean simd) {
        double rate = lr, decay = wd, al = alpha, a1 = (1 - alpha), e = eps, m = mu;
        int i = simd ? UpdateSimdD.rmsprop(p, g, s, b, n, rate, decay, al, a1, e, m) : 0;
        for (; i < n; i++) {
            double d = decay == 0 ? g[i] : g[i] + decay * p[i];
            s[i] = al * s[i] + a1 * d * d;
            double step = d / (Math.sqrt(s[i]) + e);
            if (m != 0) step = b[i] = m * b[i] + step;
            p[i] = p[i] - rate * step;
        }
    }
}
