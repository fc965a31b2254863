package jgrad.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import jgrad.tensor.DType;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;

/**
 * A fully connected layer: {@code y = x·W + b} with W of shape [in, out] (rows = inputs, as in the
 * seeds' θ matrices) and b of shape [out]. Accepts a batch [n, in] or one sample [in].
 */
public final class Linear extends Layer {
    private final int in;
    private final int out;
    private final boolean hasBias;
    private Tensor weight;
    private Tensor bias;
    private double l1, l2;

    /** With bias, initialised like PyTorch: U(−1/√in, 1/√in) from the global {@link Rng}. */
    public Linear(int in, int out) {
        this(in, out, true);
    }

    public Linear(int in, int out, boolean bias) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear(" + in + ", " + out + "): sizes must be positive");
        }
        this.in = in;
        this.out = out;
        this.hasBias = bias;
        this.weight = Tensor.zeros(in, out).requiresGrad(true);
        this.bias = bias ? Tensor.zeros(out).requiresGrad(true) : null;
        double bound = 1 / Math.sqrt(in);
        Rng rng = Rng.global();
        synchronized (Rng.class) {
            Init.uniform(-bound, bound).fill(weight, in, out, rng);
            if (bias) Init.uniform(-bound, bound).fill(this.bias, in, out, rng);
        }
    }

    /** Re-initialises the weights with {@code init} from {@code seed}; the bias becomes 0. */
    public Linear init(Init init, long seed) {
        return init(init, Init.constant(0), seed);
    }

    public Linear init(Init weightInit, Init biasInit, long seed) {
        Rng rng = new Rng(seed);
        weightInit.fill(weight, in, out, rng);
        if (hasBias) biasInit.fill(bias, in, out, rng);
        return this;
    }

    /**
     * Penalties on the weights (not the bias) that training adds to the loss: l1·Σ|w| + l2·Σw², as Keras's
     * kernel regulariser; {@code jgrad.train.Penalties} applies them.
     */
    public Linear penalties(double l1, double l2) {
        if (!(l1 >= 0 && l2 >= 0) || Double.isInfinite(l1) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("Linear: penalties must be finite and >= 0, got l1=" + l1 + ", l2=" + l2);
        }
        this.l1 = l1;
        this.l2 = l2;
        return this;
    }

    public double l1() {
        return l1;
    }

    public double l2() {
        return l2;
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null for a layer without one. */
    public Tensor bias() {
        return bias;
    }

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    public boolean hasBias() {
        return hasBias;
    }

    @Override
    public Tensor forward(Tensor x) {
        int[] s = x.shape();
        boolean single = s.length == 1;
        if ((single ? s[0] : s.length == 2 ? s[1] : -1) != in) {
            throw new IllegalArgumentException("Linear(" + in + ", " + out + "): input of shape " + java.util.Arrays.toString(s)
                    + " should be [n, " + in + "] or [" + in + "]");
        }
        Tensor y = (single ? x.reshape(1, in) : x).matmul(weight);
        if (hasBias) y = y.add(bias);
        return single ? y.reshape(out) : y;
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("weight", weight);
        if (hasBias) p.put("bias", bias);
        return p;
    }

    @Override
    public Linear to(DType dtype) {
        weight = weight.to(dtype).requiresGrad(true);
        if (hasBias) bias = bias.to(dtype).requiresGrad(true);
        return this;
    }

    @Override
    public String toString() {
        return "Linear(" + in + ", " + out + (hasBias ? "" : ", bias=false") + ")";
    }
}
