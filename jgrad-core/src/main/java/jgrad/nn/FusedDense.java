package jgrad.nn;

import java.util.ArrayList;
import java.util.List;
import jgrad.function.Activation;
import jgrad.function.Activations;
import jgrad.tensor.DType;
import jgrad.tensor.Tensor;
import jgrad.tensor.TensorKernels;

/**
 * The fast path for a {@link Sequential} of {@link Linear} layers, each followed by at most one
 * {@link ActivationLayer} (any activation: its own kernels run), trained on any {@link Loss} (its
 * {@link Loss#valueAndGradient} runs on the output buffer); for inference the stack may end with a
 * {@link Softmax}.
 *
 * <p>Instead of building a graph per step it runs the layers' forward and backward passes by hand into
 * buffers kept from step to step: X·W then bias + activation in place, then Gᵀ-style products for the
 * gradients, which it writes straight into each parameter's {@code grad()}. The arithmetic is the
 * autograd path's, operation for operation (same products, same bias-then-activation order, the same
 * derivative formulas), so both give the same numbers; the speed comes from no graph, no allocation in
 * steady state and no per-element dispatch. {@link jgrad.train.Trainer} and {@link Sequential#predict}
 * use it on their own when {@link #of} accepts the model; anything else takes the autograd path.
 *
 * <p>Not thread-safe for training; {@link #forward} serialises concurrent callers.
 */
public final class FusedDense {
    private final Linear[] layers;
    private final Activation[] acts;
    private final int[] widths; // widths[0] = inputs, widths[l + 1] = outputs of layer l
    private final Loss loss;
    private final boolean softmaxOut; // inference only: probabilities out
    private DType dtype;
    private int capacity; // rows the buffers hold
    private Tensor[] h; // h[l] = act(a_l · W_l + b_l), [rows × widths[l+1]]
    private Tensor[] g; // g[l] = dL/d h[l], then dL/dz_l in place
    private Tensor[] z; // z[l] = a_l · W_l + b_l, kept only for activations whose derivative needs it
    private Tensor xRows, yRows; // gathered input and target rows when a batch is not contiguous
    private Tensor targets, targetsAsParameters; // the last targets seen, and a copy in the parameters' dtype

    private FusedDense(List<Linear> layers, List<Activation> acts, Loss loss, boolean softmaxOut) {
        this.softmaxOut = softmaxOut;
        this.layers = layers.toArray(Linear[]::new);
        this.acts = acts.toArray(Activation[]::new);
        this.loss = loss;
        widths = new int[this.layers.length + 1];
        widths[0] = this.layers[0].inFeatures();
        for (int l = 0; l < this.layers.length; l++) widths[l + 1] = this.layers[l].outFeatures();
    }

    /**
     * The fast path for {@code model} trained on {@code loss} (null: inference only), or null when some
     * layer, the loss, or the chaining of sizes is not one it handles.
     */
    public static FusedDense of(Layer model, Loss loss) {
        if (!(model instanceof Sequential seq)) return null;
        List<Linear> linears = new ArrayList<>();
        List<Activation> acts = new ArrayList<>();
        List<Layer> modules = seq.layers();
        boolean softmaxOut = loss == null && !modules.isEmpty() && modules.getLast() instanceof Softmax;
        for (Layer m : softmaxOut ? modules.subList(0, modules.size() - 1) : modules) {
            if (m instanceof Linear l) {
                if (!linears.isEmpty() && linears.getLast().outFeatures() != l.inFeatures()) return null;
                linears.add(l);
                acts.add(Activations.IDENTITY);
                continue;
            }
            if (!(m instanceof ActivationLayer layer) || linears.isEmpty() || acts.getLast() != Activations.IDENTITY) return null;
            acts.set(acts.size() - 1, layer.function());
        }
        return linears.isEmpty() ? null : new FusedDense(linears, acts, loss, softmaxOut);
    }

    /**
     * Whether inputs x [n, inputs] (and targets y, when training) fit: the dtype of every parameter, the
     * targets' sizes, and (for training) every parameter learning.
     */
    public boolean accepts(Tensor x, Tensor y) {
        DType t = layers[0].weight().dtype();
        for (Linear l : layers) {
            if (l.weight().dtype() != t || (l.hasBias() && l.bias().dtype() != t)) return false;
        }
        if (x.rank() != 2 || x.dim(1) != widths[0] || x.dtype() != t) return false;
        if (y == null) return true;
        for (Linear l : layers) for (Tensor p : l.parameters()) if (!p.requiresGrad()) return false; // frozen: autograd
        int n = x.dim(0), out = widths[widths.length - 1];
        return y.rank() >= 1 && y.dim(0) == n && loss.fits(y, n, out);
    }

    /** The model's output for every row of x (an {@link #accepts accepted} input), as a new tensor. */
    public synchronized Tensor forward(Tensor x) {
        int n = x.dim(0);
        prepare(n);
        forwardRows(x, 0, n);
        if (softmaxOut) TensorKernels.softmax(h[h.length - 1], n, widths[widths.length - 1]);
        Tensor out = Tensor.zeros(dtype, n, widths[widths.length - 1]);
        TensorKernels.copy(h[h.length - 1], 0, out, 0, out.size());
        return out;
    }

    /**
     * One training step's forward and backward pass on rows from..to-1 of x and y (rows order[from..to-1]
     * when order is not null): sets every parameter's {@code grad()} to the gradient of the loss, as
     * zeroGrad + backward would, and returns the loss before the update.
     */
    public double trainStep(Tensor x, Tensor y, int[] order, int from, int to) {
        int rows = to - from;
        prepare(rows);
        if (y.dtype() != dtype) { // converted once per target tensor, not per step
            if (y != targets) targetsAsParameters = y.to(dtype);
            targets = y;
            y = targetsAsParameters;
        }
        Tensor in = x, target = y;
        int inOffset = from * widths[0], targetRow = from;
        if (order != null) {
            gather(x, order, from, rows, widths[0], xRows);
            int width = y.size() / y.dim(0);
            if (yRows == null || yRows.rank() != y.rank() || yRows.size() != capacity * width) {
                yRows = y.rank() == 1 ? Tensor.zeros(dtype, capacity) : Tensor.zeros(dtype, capacity, width);
            }
            gather(y, order, from, rows, width, yRows);
            in = xRows;
            target = yRows;
            inOffset = targetRow = 0;
        }
        forwardRows(in, inOffset, rows);
        int last = layers.length - 1;
        double value = loss.valueAndGradient(h[last], target, targetRow, rows, widths[last + 1], g[last]);
        backward(in, inOffset, rows);
        return value;
    }

    private void forwardRows(Tensor in, int inOffset, int rows) {
        Tensor a = in;
        int off = inOffset;
        for (int l = 0; l < layers.length; l++) {
            Linear layer = layers[l];
            Tensor bias = layer.hasBias() ? layer.bias() : null;
            if (z[l] == null) {
                TensorKernels.linear(a, off, layer.weight(), bias, acts[l], h[l], rows, widths[l], widths[l + 1]);
            } else { // keep z for the derivative, then activate a copy
                TensorKernels.linear(a, off, layer.weight(), bias, Activations.IDENTITY, z[l], rows, widths[l], widths[l + 1]);
                TensorKernels.activate(z[l], h[l], rows * widths[l + 1], acts[l]);
            }
            a = h[l];
            off = 0;
        }
    }

    private void backward(Tensor in, int inOffset, int rows) {
        for (int l = layers.length - 1; l >= 0; l--) {
            Linear layer = layers[l];
            int fanIn = widths[l], fanOut = widths[l + 1];
            TensorKernels.activationBackward(z[l], h[l], g[l], rows * fanOut, acts[l]);
            Tensor a = l == 0 ? in : h[l - 1];
            int off = l == 0 ? inOffset : 0;
            if (layer.hasBias()) { // the bias gradient summed in the weight gradient's pass over g where the kernel can
                TensorKernels.atbColumnSums(a, off, g[l], layer.weight().gradStorage(), layer.bias().gradStorage(), fanIn, rows, fanOut);
            } else {
                TensorKernels.atb(a, off, g[l], layer.weight().gradStorage(), fanIn, rows, fanOut, false);
            }
            if (l > 0) TensorKernels.abt(g[l], layer.weight(), g[l - 1], rows, fanOut, fanIn, false);
        }
    }

    /** Buffers for at least {@code rows} rows in the parameters' dtype; reallocated only when they grow. */
    private void prepare(int rows) {
        DType t = layers[0].weight().dtype();
        if (t == dtype && rows <= capacity) return;
        dtype = t;
        capacity = Math.max(rows, capacity);
        h = new Tensor[layers.length];
        g = new Tensor[layers.length];
        z = new Tensor[layers.length];
        for (int l = 0; l < layers.length; l++) {
            h[l] = Tensor.zeros(t, capacity, widths[l + 1]);
            // rows of room past the last: the small-product kernel reads a narrow gradient's rows in place as whole
            // vectors (up to 16 lanes), which the last row of an unpadded buffer would pass; copying that row instead
            // took a second pass, and only in full batches, so the epoch's short last batch took another path
            g[l] = Tensor.zeros(t, capacity + Math.ceilDiv(16, widths[l + 1]), widths[l + 1]);
            if (acts[l].derivativeNeedsInput()) z[l] = Tensor.zeros(t, capacity, widths[l + 1]);
        }
        xRows = Tensor.zeros(t, capacity, widths[0]);
        yRows = null;
    }

    private static void gather(Tensor x, int[] order, int from, int rows, int width, Tensor into) {
        for (int r = 0; r < rows; r++) TensorKernels.copy(x, order[from + r] * width, into, r * width, width);
    }
}
