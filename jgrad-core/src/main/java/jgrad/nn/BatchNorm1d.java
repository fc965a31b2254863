package jgrad.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import jgrad.tensor.Autograd;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;

/**
 * Batch normalisation over a batch of feature rows [n, features], as PyTorch's {@code BatchNorm1d}: in training
 * mode each feature is normalised with the batch's mean and (biased) variance, y = γ(x − μ)/√(σ² + eps) + β, and
 * the running mean and (unbiased) variance move towards them by {@code momentum}; in evaluation mode the running
 * statistics are used. γ ({@code weight}) and β ({@code bias}) are learnt; the running statistics are buffers,
 * saved with the model. The backward pass goes through the batch statistics: autograd derives it.
 */
public final class BatchNorm1d extends Layer {
    private final int features;
    private final double eps;
    private final double momentum;
    private Tensor weight, bias, runningMean, runningVar;

    public BatchNorm1d(int features) {
        this(features, 1e-5, 0.1);
    }

    public BatchNorm1d(int features, double eps, double momentum) {
        if (features <= 0) throw new IllegalArgumentException("BatchNorm1d(" + features + "): features must be positive");
        if (!(eps > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm1d: eps must be positive and momentum in [0, 1], got " + eps + ", " + momentum);
        }
        this.features = features;
        this.eps = eps;
        this.momentum = momentum;
        weight = Tensor.ones(features).requiresGrad(true);
        bias = Tensor.zeros(features).requiresGrad(true);
        runningMean = Tensor.zeros(features);
        runningVar = Tensor.ones(features);
    }

    public int features() {
        return features;
    }

    public double eps() {
        return eps;
    }

    public double momentum() {
        return momentum;
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }

    public Tensor runningMean() {
        return runningMean;
    }

    public Tensor runningVar() {
        return runningVar;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.rank() != 2 || x.dim(1) != features) {
            throw new IllegalArgumentException("BatchNorm1d(" + features + "): input of shape " + java.util.Arrays.toString(x.shape())
                    + " should be [n, " + features + "]");
        }
        if (!isTraining()) return x.sub(runningMean).div(runningVar.add(eps).sqrt()).mul(weight).add(bias);
        int n = x.dim(0);
        if (n < 2) throw new IllegalArgumentException("BatchNorm1d: a batch of " + n + " row has no variance to normalise by; use batches of 2 or more rows");
        Tensor mean = x.mean(0, true);
        Tensor centred = x.sub(mean);
        Tensor variance = centred.mul(centred).mean(0, true);
        try (var ignored = Autograd.noGrad()) { // running statistics: PyTorch's unbiased variance, moved by momentum
            Tensor unbiased = variance.mul(n / (double) (n - 1)).reshape(features), m = mean.reshape(features);
            runningMean.copyFrom(runningMean.mul(1 - momentum).add(m.mul(momentum)));
            runningVar.copyFrom(runningVar.mul(1 - momentum).add(unbiased.mul(momentum)));
        }
        return centred.div(variance.add(eps).sqrt()).mul(weight).add(bias);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("weight", weight);
        p.put("bias", bias);
        return p;
    }

    @Override
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> b = new LinkedHashMap<>();
        b.put("running_mean", runningMean);
        b.put("running_var", runningVar);
        return b;
    }

    @Override
    public BatchNorm1d to(DType dtype) {
        weight = weight.to(dtype).requiresGrad(true);
        bias = bias.to(dtype).requiresGrad(true);
        runningMean = runningMean.to(dtype);
        runningVar = runningVar.to(dtype);
        return this;
    }

    @Override
    public String toString() {
        return "BatchNorm1d(" + features + ")";
    }
}
