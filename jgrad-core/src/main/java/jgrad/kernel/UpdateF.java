package jgrad.kernel;

/**
 * The optimisers' update rules, once, on flat float32 arrays, in place and allocation-free: SGD with
 * weight decay, momentum and Nesterov, Adam and AdamW, RMSprop, as PyTorch defines them. {@code jgrad.optim}
 * calls them for tensors and {@code jgrad.optimize} for formulas. Hyperparameters come as double and are
 * rounded to the arrays' type once per call, as PyTorch rounds its Python floats. The bulk of each array
 * runs on the Vector API ({@link UpdateSimdF}) when it is there, the loops below do the rest: the same
 * operations in the same order and no fma on both paths, so SIMD or not gives the same bits.
 */
public final class UpdateF {
    /** Arrays shorter than this take the scalar loop: a few vectors do not pay for the Vector API's setup (a 2-3-1 network's 13 weights). */
    static final int SIMD_MIN = 64;

    private UpdateF() {}

    /** p ← p − lr·(g + wd·p): plain SGD, with coupled (L2) weight decay when wd ≠ 0. */
    public static void sgd(float[] p, float[] g, int n, double lr, double wd) {
        if (wd == 0) {
            FusedF.axpy(-(float) lr, g, p, n); // p + (−lr)·g rounds as p − lr·g; split over threads when large
            return;
        }
        sgd(p, g, n, lr, wd, Simd.ENABLED && n >= SIMD_MIN);
    }

    static void sgd(float[] p, float[] g, int n, double lr, double wd, boolean simd) {
        float rate = (float) lr, decay = (float) wd;
        int i = simd ? UpdateSimdF.sgd(p, g, n, rate, decay) : 0;
        for (; i < n; i++) p[i] = p[i] - rate * (g[i] + decay * p[i]);
    }

    /**
     * SGD with momentum μ (PyTorch's rule): d = g + wd·p; v ← d on the first step, else μ·v + (1 − dampening)·d;
     * p ← p − lr·(nesterov ? d + μ·v : v).
     */
    public static void momentum(float[] p, float[] g, float[] v, int n, double lr, double wd, double mu, double dampening,
                                boolean nesterov, boolean first) {
        momentum(p, g, v, n, lr, wd, mu, dampening, nesterov, first, Simd.ENABLED && n >= SIMD_MIN);
    }

    static void momentum(float[] p, float[] g, float[] v, int n, double lr, double wd, double mu, double dampening,
                         boolean nesterov, boolean first, boolean simd) {
        float rate = (float) lr, decay = (float) wd, m = (float) mu, keep = (float) (1 - dampening);
        int i = simd ? UpdateSimdF.momentum(p, g, v, n, rate, decay, m, keep, nesterov, first) : 0;
        for (; i < n; i++) {
            float d = decay == 0 ? g[i] : g[i] + decay * p[i];
            v[i] = first ? d : m * v[i] + keep * d;
            p[i] = p[i] - rate * (nesterov ? d + m * v[i] : v[i]);
        }
    }

    /**
     * Adam at step t (1-based): m ← β1·m + (1 − β1)·d, v ← β2·v + (1 − β2)·d², p ← p − lr·m̂/(√v̂ + ε) with
     * m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t). Coupled decay (Adam) uses d = g + wd·p; decoupled (AdamW) uses
     * d = g and first shrinks p ← p − lr·wd·p.
     */
    public static void adam(float[] p, float[] g, float[] m, float[] v, int n, double lr, double wd, boolean decoupled,
                            double beta1, double beta2, double eps, long t) {
        adam(p, g, m, v, n, lr, wd, decoupled, beta1, beta2, eps, t, Simd.ENABLED && n >= SIMD_MIN);
    }

    static void adam(float[] p, float[] g, float[] m, float[] v, int n, double lr, double wd, boolean decoupled,
                     double beta1, double beta2, double eps, long t, boolean simd) {
        float rate = (float) lr, decay = decoupled ? 0f : (float) wd, shrink = decoupled ? (float) (lr * wd) : 0f;
        float b1 = (float) beta1, a1 = (float) (1 - beta1), b2 = (float) beta2, a2 = (float) (1 - beta2), e = (float) eps;
        float c1 = (float) (1 - Math.pow(beta1, t)), c2 = (float) (1 - Math.pow(beta2, t));
        int i = simd ? UpdateSimdF.adam(p, g, m, v, n, rate, decay, decoupled, shrink, b1, a1, b2, a2, e, c1, c2) : 0;
        for (; i < n; i++) {
            float w = p[i], d = g[i];
            if (decoupled) w = w - shrink * w;
            else if (decay != 0) d = d + decay * w;
            m[i] = b1 * m[i] + a1 * d;
            v[i] = b2 * v[i] + a2 * d * d;
            p[i] = w - rate * (m[i] / c1) / ((float) Math.sqrt(v[i] / c2) + e);
        }
    }

    /**
     * RMSprop (PyTorch's rule): d = g + wd·p; s ← α·s + (1 − α)·d²; step = d/(√s + ε), or with momentum μ
     * b ← μ·b + step and step = b; p ← p − lr·step. {@code b} may be null when μ = 0.
     */
    public static void rmsprop(float[] p, float[] g, float[] s, float[] b, int n, double lr, double wd, double alpha,
                               double eps, double mu) {
        rmsprop(p, g, s, b, n, lr, wd, alpha, eps, mu, Simd.ENABLED && n >= SIMD_MIN);
    }

    static void rmsprop(float[] p, float[] g, float[] s, float[] b, int n, double lr, double wd, double alpha,
                        double eps, double mu, boolean simd) {
        float rate = (float) lr, decay = (float) wd, al = (float) alpha, a1 = (float) (1 - alpha), e = (float) eps, m = (float) mu;
        int i = simd ? UpdateSimdF.rmsprop(p, g, s, b, n, rate, decay, al, a1, e, m) : 0;
        for (; i < n; i++) {
            float d = decay == 0 ? g[i] : g[i] + decay * p[i];
            s[i] = al * s[i] + a1 * d * d;
            float step = d / ((float) Math.sqrt(s[i]) + e);
            if (m != 0) step = b[i] = m * b[i] + step;
            p[i] = p[i] - rate * step;
        }
    }
}
