package jgrad.tensor;

import java.util.Arrays;

/** Shape arithmetic: sizes, broadcasting and the messages that name both shapes. */
final class Shape {
    private Shape() {}

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }

    /** NumPy broadcasting: align from the right; a dimension of 1 stretches. */
    static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b) + " cannot be broadcast together");
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    /** Strides of {@code shape} seen inside {@code target}: 0 along broadcast dimensions. */
    static int[] broadcastStrides(int[] shape, int[] target) {
        int[] strides = new int[target.length];
        int offset = target.length - shape.length;
        int stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i + offset] = shape[i] == 1 ? 0 : stride;
            stride *= shape[i];
        }
        return strides;
    }

    /** Normalises a possibly negative axis. */
    static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank);
        }
        return a;
    }

    /** Product of the dimensions before / after {@code axis}: tensors are viewed as [outer, len, inner]. */
    static int outer(int[] shape, int axis) {
        int n = 1;
        for (int i = 0; i < axis; i++) n *= shape[i];
        return n;
    }

    static int inner(int[] shape, int axis) {
        int n = 1;
        for (int i = axis + 1; i < shape.length; i++) n *= shape[i];
        return n;
    }
}
