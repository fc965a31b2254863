package jgrad.nn;

import java.util.Arrays;
import jgrad.kernel.FusedD;
import jgrad.kernel.FusedF;
import jgrad.tensor.Tensor;

/**
 * Softmax cross-entropy on logits [n, classes]: −Σ_c y_c · log softmax(z)_c per sample, averaged;
 * dL/dz = softmax(z) − y. Targets are class indices [n] (0, 1, 2...) or probabilities [n, classes].
 * Subtracting each row's maximum before the exponentials keeps it finite for any logits.
 *
 * <p>With class weights (for class-index targets), row i counts w[y_i] times and the mean divides by Σ w[y_i],
 * as PyTorch's {@code weight=}; {@link #balanced} gives scikit-learn's {@code class_weight='balanced'}.
 */
public record CrossEntropyLoss(Reduction reduction, double[] classWeights) implements Loss {
    /** Averaged over the batch. */
    public CrossEntropyLoss() {
        this(Reduction.MEAN);
    }

    public CrossEntropyLoss(Reduction reduction) {
        this(reduction, null);
    }

    public CrossEntropyLoss {
        if (classWeights != null) {
            classWeights = classWeights.clone();
            for (double w : classWeights) if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("CrossEntropyLoss: class weights must be finite and >= 0");
        }
    }

    /** n / (k · count_c) for each class c of k: rare classes weigh more, as scikit-learn's 'balanced'. */
    public static double[] balanced(int[] labels, int classes) {
        double[] count = new double[classes], w = new double[classes];
        for (int y : labels) count[y]++;
        for (int c = 0; c < classes; c++) w[c] = count[c] == 0 ? 0 : labels.length / (classes * count[c]);
        return w;
    }

    @Override
    public Tensor apply(Tensor logits, Tensor target) {
        if (logits.rank() != 2) {
            throw new IllegalArgumentException("CrossEntropyLoss: logits must be [n, classes], got " + Arrays.toString(logits.shape()));
        }
        return Loss.super.apply(logits, target);
    }

    @Override
    public String name() {
        return "cross-entropy";
    }

    /** Class indices (one per row) or a probability row per row. */
    @Override
    public boolean fits(Tensor target, int rows, int cols) {
        return target.rank() == 1 ? target.size() == rows : target.size() == rows * cols;
    }

    @Override
    public String mismatch(Tensor logits, Tensor target) {
        return target.rank() == 1 ? "CrossEntropyLoss: " + target.size() + " targets for " + logits.dim(0) + " rows of logits"
                : Loss.super.mismatch(logits, target);
    }

    @Override
    public double valueAndGradient(Tensor logits, Tensor target, int targetRow, int rows, int cols, Tensor grad) {
        boolean mean = reduction == Reduction.MEAN;
        double scale = mean ? 1.0 / rows : 1.0, total;
        if (target.rank() == 1 && classWeights != null) return weighted(logits, target, targetRow, rows, cols, grad, mean);
        if (target.rank() == 1) { // class indices: the fused kernel, which checks each one
            total = logits.data64() != null
                    ? FusedD.softmaxCrossEntropy(logits.data64(), rows, cols, target.data64(), targetRow, grad.data64(), scale)
                    : FusedF.softmaxCrossEntropy(logits.data32(), rows, cols, target.data32(), targetRow, grad.data32(), (float) scale);
        } else {
            total = probabilities(logits, target, targetRow, rows, cols, grad, scale);
        }
        return mean ? total / rows : total;
    }

    /** Σ w[y]·(ln Σe^z − z_y) / Σ w[y] (or the plain sum), gradient w[y]·(softmax − onehot) scaled alike. */
    private double weighted(Tensor z, Tensor y, int targetRow, int rows, int cols, Tensor grad, boolean mean) {
        if (classWeights.length != cols) throw new IllegalArgumentException("CrossEntropyLoss: " + classWeights.length + " class weights for " + cols + " classes");
        double total = 0, weight = 0;
        for (int r = 0; r < rows; r++) weight += classWeights[label(y, targetRow + r, r, cols)];
        double scale = mean ? 1 / weight : 1;
        for (int r = 0; r < rows; r++) {
            int o = r * cols, c = label(y, targetRow + r, r, cols);
            double max = rowMax(z, o, cols), s = expSum(z, o, cols, max), w = classWeights[c];
            total += w * (Math.log(s) - (z.getFlat(o + c) - max));
            for (int j = 0; j < cols; j++) grad.setFlat(o + j, w * scale * (Math.exp(z.getFlat(o + j) - max) / s - (j == c ? 1 : 0)));
        }
        return total * scale;
    }

    private static int label(Tensor y, int at, int row, int cols) {
        double c = y.getFlat(at);
        if (!(c >= 0 && c < cols && c == Math.rint(c))) {
            throw new IllegalArgumentException("CrossEntropyLoss: target " + c + " at row " + row + " is not a class in 0.." + (cols - 1));
        }
        return (int) c;
    }

    /** −Σ_c y_c · log softmax(z)_c per row; its gradient is softmax(z)·Σ_c y_c − y (softmax − y for probabilities). */
    private static double probabilities(Tensor z, Tensor y, int targetRow, int rows, int cols, Tensor grad, double scale) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * cols, t = (targetRow + r) * cols;
            double max = rowMax(z, o, cols), s = expSum(z, o, cols, max), logSum = Math.log(s), mass = 0;
            for (int j = 0; j < cols; j++) {
                double yj = y.getFlat(t + j);
                total -= yj * (z.getFlat(o + j) - max - logSum);
                mass += yj;
            }
            for (int j = 0; j < cols; j++) {
                grad.setFlat(o + j, scale * (Math.exp(z.getFlat(o + j) - max) / s * mass - y.getFlat(t + j)));
            }
        }
        return total;
    }

    /** The row's largest logit: subtracted before the exponentials so that none overflows. */
    private static double rowMax(Tensor z, int o, int cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) max = Math.max(max, z.getFlat(o + j));
        return max;
    }

    private static double expSum(Tensor z, int o, int cols, double max) {
        double s = 0;
        for (int j = 0; j < cols; j++) s += Math.exp(z.getFlat(o + j) - max);
        return s;
    }
}
