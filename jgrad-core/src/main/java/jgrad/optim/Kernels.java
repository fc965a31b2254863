package jgrad.optim;

import jgrad.kernel.UpdateD;
import jgrad.kernel.UpdateF;
import jgrad.tensor.Tensor;

/** The one place where the optimisers pick the float64 or float32 update kernel, from the parameter's dtype. */
final class Kernels {
    private Kernels() {}

    static void sgd(Tensor p, Tensor g, double lr, double wd) {
        if (p.data64() != null) UpdateD.sgd(p.data64(), g.data64(), p.size(), lr, wd);
        else UpdateF.sgd(p.data32(), g.data32(), p.size(), lr, wd);
    }

    static void momentum(Tensor p, Tensor g, Tensor v, double lr, double wd, double mu, double dampening, boolean nesterov, boolean first) {
        if (p.data64() != null) UpdateD.momentum(p.data64(), g.data64(), v.data64(), p.size(), lr, wd, mu, dampening, nesterov, first);
        else UpdateF.momentum(p.data32(), g.data32(), v.data32(), p.size(), lr, wd, mu, dampening, nesterov, first);
    }

    static void adam(Tensor p, Tensor g, Tensor m, Tensor v, double lr, double wd, boolean decoupled,
                     double beta1, double beta2, double eps, long t) {
        if (p.data64() != null) {
            UpdateD.adam(p.data64(), g.data64(), m.data64(), v.data64(), p.size(), lr, wd, decoupled, beta1, beta2, eps, t);
        } else {
            UpdateF.adam(p.data32(), g.data32(), m.data32(), v.data32(), p.size(), lr, wd, decoupled, beta1, beta2, eps, t);
        }
    }

    /** {@code b} (the momentum buffer) is null without momentum. */
    static void rmsprop(Tensor p, Tensor g, Tensor s, Tensor b, double lr, double wd, double alpha, double eps, double mu) {
        if (p.data64() != null) {
            UpdateD.rmsprop(p.data64(), g.data64(), s.data64(), b == null ? null : b.data64(), p.size(), lr, wd, alpha, eps, mu);
        } else {
            UpdateF.rmsprop(p.data32(), g.data32(), s.data32(), b == null ? null : b.data32(), p.size(), lr, wd, alpha, eps, mu);
        }
    }
}
