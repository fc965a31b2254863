package jgrad.tensor;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import jgrad.function.Activation;
import jgrad.function.Activations;

/**
 * A dense row-major n-dimensional array of float64 or float32 numbers that remembers how it was
 * computed, so that {@link #backward()} can apply the chain rule through every operation.
 *
 * <p>Each operation (in {@link Ops}, {@link Reduce}, {@link Structure}) defines its forward value
 * and its backward rule side by side; {@link Autograd} is the engine that records and replays them.
 */
public final class Tensor {
    private final int[] shape;
    private final DType dtype;
    private final double[] d; // FLOAT64 storage, or null
    private final float[] f; // FLOAT32 storage, or null

    // the graph, kept by Autograd: what produced this tensor and how to send its gradient to its parents
    boolean requiresGrad;
    Tensor grad;
    String op = "";
    List<Tensor> parents = List.of();
    Autograd.Backward backwardRule;

    Tensor(DType dtype, int[] shape) {
        this.shape = shape.clone();
        this.dtype = dtype;
        int n = Shape.size(shape);
        this.d = dtype == DType.FLOAT64 ? new double[n] : null;
        this.f = dtype == DType.FLOAT32 ? new float[n] : null;
    }

    private Tensor(int[] shape, double[] d, float[] f) {
        this.shape = shape.clone();
        this.d = d;
        this.f = f;
        this.dtype = d != null ? DType.FLOAT64 : DType.FLOAT32;
        int n = Shape.size(shape);
        if ((d != null ? d.length : f.length) != n) {
            throw new IllegalArgumentException("data of length " + (d != null ? d.length : f.length)
                    + " does not fit shape " + Shape.str(shape) + " (" + n + " elements)");
        }
    }

    // ------------------------------------------------------------------ creation

    /** Wraps {@code data} (not copied) as a float64 tensor of the given shape. */
    public static Tensor fromArray(double[] data, int... shape) {
        return new Tensor(shape, data, null);
    }

    /** Wraps {@code data} (not copied) as a float32 tensor of the given shape. */
    public static Tensor fromArray(float[] data, int... shape) {
        return new Tensor(shape, null, data);
    }

    /** A 1-D float64 tensor. */
    public static Tensor of(double... values) {
        return fromArray(values.clone(), values.length);
    }

    /** A 2-D float64 tensor from rows of equal length. */
    public static Tensor of(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] data = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, data, r * cols, cols);
        }
        return fromArray(data, rows.length, cols);
    }

    /** A 0-dimensional float64 tensor holding one number. */
    public static Tensor scalar(double value) {
        return fromArray(new double[] {value});
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(DType.FLOAT64, shape);
    }

    public static Tensor zeros(DType dtype, int... shape) {
        return new Tensor(dtype, shape);
    }

    public static Tensor full(DType dtype, double value, int... shape) {
        Tensor t = new Tensor(dtype, shape);
        t.fill(value);
        return t;
    }

    public static Tensor ones(int... shape) {
        return full(DType.FLOAT64, 1.0, shape);
    }

    /** Values drawn from N(0, 1) with the given generator. */
    public static Tensor randn(Rng rng, int... shape) {
        Tensor t = zeros(shape);
        for (int i = 0; i < t.size(); i++) t.d[i] = rng.nextGaussian();
        return t;
    }

    // ------------------------------------------------------------------ data access

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code axis} (negative counts from the end). */
    public int dim(int axis) {
        return shape[Shape.axis("dim", axis, shape.length)];
    }

    public int size() {
        return d != null ? d.length : f.length;
    }

    public DType dtype() {
        return dtype;
    }

    /** The float64 storage itself (null for float32): for kernels and optimisers that update in place. */
    public double[] data64() {
        return d;
    }

    /** The float32 storage itself (null for float64). */
    public float[] data32() {
        return f;
    }

    /** Element at flat (row-major) index {@code i}. */
    public double getFlat(int i) {
        return d != null ? d[i] : f[i];
    }

    public void setFlat(int i, double value) {
        if (d != null) d[i] = value;
        else f[i] = (float) value;
    }

    /** Element at the given indices. */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: " + index.length + " indices for a tensor of shape " + Shape.str(shape));
        }
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " out of bounds for shape " + Shape.str(shape));
            }
            flat = flat * shape[i] + index[i];
        }
        return getFlat(flat);
    }

    /** The single value of a one-element tensor (a loss, say). */
    public double item() {
        if (size() != 1) {
            throw new IllegalArgumentException("item: tensor of shape " + Shape.str(shape) + " has " + size() + " elements, not 1");
        }
        return getFlat(0);
    }

    public double[] toDoubleArray() {
        if (d != null) return d.clone();
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) out[i] = f[i];
        return out;
    }

    /** Rows of a 2-D tensor (a 1-D tensor gives one row). */
    public double[][] toArray2D() {
        int rows = shape.length == 2 ? shape[0] : 1;
        int cols = shape.length == 2 ? shape[1] : size();
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[r][c] = getFlat(r * cols + c);
        return out;
    }

    public void fill(double value) {
        if (d != null) Arrays.fill(d, value);
        else Arrays.fill(f, (float) value);
    }

    /** Overwrites this tensor's values with {@code src}'s (same size), converting the type if needed. */
    public void copyFrom(Tensor src) {
        if (src.size() != size()) {
            throw new IllegalArgumentException("copyFrom: shape " + Shape.str(src.shape) + " into " + Shape.str(shape));
        }
        if (d != null && src.d != null) System.arraycopy(src.d, 0, d, 0, d.length);
        else if (f != null && src.f != null) System.arraycopy(src.f, 0, f, 0, f.length);
        else for (int i = 0; i < size(); i++) setFlat(i, src.getFlat(i));
    }

    /** A copy in another element type (this tensor if it already has it); not part of the graph. */
    public Tensor to(DType type) {
        if (type == dtype) return this;
        Tensor out = new Tensor(type, shape);
        out.copyFrom(this);
        return out;
    }

    /** A copy of the values, detached from the graph. */
    public Tensor copy() {
        return d != null ? fromArray(d.clone(), shape) : fromArray(f.clone(), shape);
    }

    /** The same values without the graph: gradients do not flow through the result. */
    public Tensor detach() {
        return d != null ? fromArray(d, shape) : fromArray(f, shape);
    }

    // ------------------------------------------------------------------ autograd

    /** Marks this tensor as a leaf whose gradient {@link #backward()} computes (a parameter, say). */
    public Tensor requiresGrad(boolean value) {
        this.requiresGrad = value;
        return this;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The gradient accumulated by {@link #backward()}, or null before any. */
    public Tensor grad() {
        return grad;
    }

    public void zeroGrad() {
        grad = null;
    }

    /**
     * The gradient, created as zeros when there is none: for kernels that write a parameter's gradient
     * in place ({@link jgrad.nn.FusedDense}) instead of accumulating it through {@link #backward()}.
     */
    public Tensor gradStorage() {
        if (grad == null) grad = new Tensor(dtype, shape);
        return grad;
    }

    /** The operation that produced this tensor ("" for a leaf), for drawing the graph. */
    public String op() {
        return op;
    }

    public List<Tensor> parents() {
        return Collections.unmodifiableList(parents);
    }

    /** Records {@code out} as {@code op} on {@code inputs}: see {@link Autograd#record}. */
    public static Tensor record(Tensor out, String op, Autograd.Backward rule, Tensor... inputs) {
        return Autograd.record(out, op, rule, inputs);
    }

    /** Backpropagates from a one-element tensor (a loss): d(this)/d(this) = 1. */
    public void backward() {
        if (size() != 1) {
            throw new IllegalArgumentException("backward: needs a one-element tensor (a loss), got shape " + Shape.str(shape)
                    + "; pass the output gradient with backward(Tensor)");
        }
        backward(full(dtype, 1.0, shape));
    }

    /** Backpropagates {@code outputGrad} through the graph: see {@link Autograd#backward}. */
    public void backward(Tensor outputGrad) {
        Autograd.backward(this, outputGrad);
    }

    // ------------------------------------------------------------------ operations

    public Tensor add(Tensor o) { return Ops.add(this, o); }
    public Tensor add(double c) { return Ops.add(this, scalarLike(c)); }
    public Tensor sub(Tensor o) { return Ops.add(this, Ops.neg(o)); }
    public Tensor sub(double c) { return Ops.add(this, scalarLike(-c)); }
    public Tensor mul(Tensor o) { return Ops.mul(this, o); }
    public Tensor mul(double c) { return Ops.mul(this, scalarLike(c)); }
    public Tensor div(Tensor o) { return Ops.div(this, o); }
    public Tensor div(double c) { return Ops.div(this, scalarLike(c)); }
    public Tensor neg() { return Ops.neg(this); }
    public Tensor pow(double exponent) { return Ops.pow(this, exponent); }
    public Tensor exp() { return Ops.exp(this); }
    public Tensor log() { return Ops.log(this); }
    public Tensor sqrt() { return Ops.sqrt(this); }
    public Tensor abs() { return Ops.abs(this); }
    /** f applied element by element, its derivative from the same definition. */
    public Tensor apply(Activation f) { return Ops.activate(this, f); }
    public Tensor sigmoid() { return apply(Activations.SIGMOID); }
    public Tensor tanh() { return apply(Activations.TANH); }
    public Tensor relu() { return apply(Activations.RELU); }
    public Tensor leakyRelu(double slope) { return apply(Activations.leakyRelu(slope)); }

    public Tensor matmul(Tensor o) { return Structure.matmul(this, o); }
    public Tensor transpose() { return Structure.transpose(this); }
    public Tensor reshape(int... newShape) { return Structure.reshape(this, newShape); }
    /** Rows {@code index} of dimension 0, in that order (repeats allowed). */
    public Tensor rows(int... index) { return Structure.rows(this, index); }
    public static Tensor concat(int axis, Tensor... parts) { return Structure.concat(axis, parts); }

    /** Sum of all elements (a 0-dimensional tensor). */
    public Tensor sum() { return Reduce.sum(this.reshape(size()), 0, false); }
    public Tensor sum(int axis, boolean keepDim) { return Reduce.sum(this, axis, keepDim); }
    public Tensor mean() { return sum().div(size()); }
    public Tensor mean(int axis, boolean keepDim) { return Reduce.sum(this, axis, keepDim).div(dim(axis)); }
    public Tensor softmax(int axis) { return Reduce.softmax(this, axis); }
    public Tensor logSoftmax(int axis) { return Reduce.logSoftmax(this, axis); }
    /** Index of the largest value along {@code axis} (no gradient). */
    public int[] argmax(int axis) { return Reduce.argmax(this, axis); }

    private Tensor scalarLike(double c) {
        return full(dtype, c);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("tensor(");
        if (size() <= 64) sb.append(Arrays.toString(toDoubleArray()));
        else sb.append(size()).append(" values");
        sb.append(", shape=").append(Shape.str(shape));
        if (dtype == DType.FLOAT32) sb.append(", float32");
        if (!op.isEmpty()) sb.append(", op=").append(op);
        else if (requiresGrad) sb.append(", requiresGrad");
        return sb.append(')').toString();
    }
}
