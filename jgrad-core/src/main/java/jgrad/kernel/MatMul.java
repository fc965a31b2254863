package jgrad.kernel;

/**
 * Dense row-major matrix products, the three a linear layer needs, without materialising transposes.
 * {@code accumulate} adds to {@code c} instead of overwriting it.
 */
public final class MatMul {
    private MatMul() {}

    /** C[m×n] = A[m×k] · B[k×n]. */
    public static void ab(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0.0);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i * k + p];
                for (int j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
            }
        }
    }

    /** C[m×n] = Aᵀ · B with A stored as [k×m] and B as [k×n]. */
    public static void atb(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0.0);
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < m; i++) {
                double api = a[p * m + i];
                for (int j = 0; j < n; j++) c[i * n + j] += api * b[p * n + j];
            }
        }
    }

    /** C[m×n] = A · Bᵀ with A stored as [m×k] and B as [n×k]. */
    public static void abt(double[] a, double[] b, double[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[j * k + p];
                c[i * n + j] = accumulate ? c[i * n + j] + s : s;
            }
        }
    }

    /** float32 twin of {@link #ab(double[], double[], double[], int, int, int, boolean)}. */
    public static void ab(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                float aip = a[i * k + p];
                for (int j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
            }
        }
    }

    /** float32 twin of {@link #atb(double[], double[], double[], int, int, int, boolean)}. */
    public static void atb(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
        for (int p = 0; p < k; p++) {
            for (int i = 0; i < m; i++) {
                float api = a[p * m + i];
                for (int j = 0; j < n; j++) c[i * n + j] += api * b[p * n + j];
            }
        }
    }

    /** float32 twin of {@link #abt(double[], double[], double[], int, int, int, boolean)}. */
    public static void abt(float[] a, float[] b, float[] c, int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[j * k + p];
                c[i * n + j] = accumulate ? c[i * n + j] + s : s;
            }
        }
    }
}
