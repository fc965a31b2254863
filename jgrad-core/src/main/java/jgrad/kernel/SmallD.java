// GENERATED from SmallF.java by jgrad-core/gen-float64.sh: edit that file and rerun the script.
package jgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products whose output has at most one vector of columns (n ≤ lanes): the layers of small networks
 * (W6: 24 -> 8 -> 2 at batch 200). Blocking and packing cost more than such a product (the B panel would be
 * 2 vectors wide for 2 or 8 columns), so each row of C is one vector register and 8 rows are computed side
 * by side (8 independent fma chains hide the FMA latency). B is copied to [k][lanes], zero-padded, and C
 * rows are stored as whole vectors (see {@link #product}): masked loads and stores were boxed by C2 here
 * (2.7 MB allocated per W6 gradient). Every element is still fma(a_p, b_p, ...) over p in order from
 * C or 0: the same bits as {@link Gemm}'s kernels.
 * Only loaded when the jdk.incubator.vector module is present (see {@link Simd}).
 */
final class SmallD {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    /** The last thread's buffers: a small network calls this 5 times per step, and ThreadLocal.get showed. */
    private static Buffers recent;

    /** Per-thread padded copies of B and C; they grow to the largest product seen, never per call. */
    private static final class Buffers {
        final Thread owner = Thread.currentThread();
        double[] b = new double[0], c = new double[0];
    }

    private SmallD() {}

    private static Buffers buffers() {
        Buffers r = recent; // owner is final: a Buffers seen here is complete, and only its owner uses it
        if (r != null && r.owner == Thread.currentThread()) return r;
        r = BUFFERS.get();
        recent = r;
        return r;
    }

    /** C[m×n] (+)= A·B for n ≤ {@link #L}, A(i,p) = a[aOff + i·rsA + p·csA], B(p,j) = b[p·rsB + j·csB]. */
    static void product(double[] a, int aOff, int rsA, int csA, double[] b, int rsB, int csB, double[] c, int m, int k, int n, boolean accumulate) {
        Buffers buf = buffers();
        if (buf.b.length < k * L) buf.b = new double[k * L];
        if (buf.c.length < 8 * L) buf.c = new double[8 * L];
        double[] bp = buf.b, cp = buf.c;
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) bp[p * L + j] = b[p * rsB + j * csB];
            for (int j = n; j < L; j++) bp[p * L + j] = 0.0;
        }
        // Rows of C are stored as whole vectors straight into c, in increasing order: a row's padding lanes
        // spill into the next row, which its own store overwrites later. Rows whose vector would pass the end
        // of C, and accumulating products (the spill would overwrite C values not yet read), go through cp.
        int direct = accumulate ? 0 : Math.max(0, (m * n - L) / n + 1);
        int i = 0;
        for (; i + 8 <= direct; i += 8) rows8(a, aOff + i * rsA, rsA, csA, bp, c, i * n, n, k, false, 8);
        for (; i < m; i += 8) {
            // the last rows, 8 at a time through cp: a group of fewer rows repeats its last row (one fma chain
            // per row at a time would wait on the FMA latency k times)
            int rows = Math.min(8, m - i);
            if (accumulate) for (int r = 0; r < rows; r++) for (int j = 0; j < n; j++) cp[r * L + j] = c[(i + r) * n + j];
            rows8(a, aOff + i * rsA, rsA, csA, bp, cp, 0, L, k, accumulate, rows);
            for (int r = 0; r < rows; r++) for (int j = 0; j < n; j++) c[(i + r) * n + j] = cp[r * L + j];
        }
    }

    /** 8 rows of C from A's rows at a0 + r·rsA; with {@code rows} < 8 the rows past it repeat the last one (C has room for 8). */
    private static void rows8(double[] a, int a0, int rsA, int csA, double[] bp, double[] cp, int c0, int ldc, int k, boolean acc, int rows) {
        DoubleVector z = DoubleVector.zero(S);
        int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
        int last = rows - 1;
        DoubleVector x0 = acc ? DoubleVector.fromArray(S, cp, c0) : z, x1 = acc ? DoubleVector.fromArray(S, cp, c1) : z;
        DoubleVector x2 = acc ? DoubleVector.fromArray(S, cp, c2) : z, x3 = acc ? DoubleVector.fromArray(S, cp, c3) : z;
        DoubleVector x4 = acc ? DoubleVector.fromArray(S, cp, c4) : z, x5 = acc ? DoubleVector.fromArray(S, cp, c5) : z;
        DoubleVector x6 = acc ? DoubleVector.fromArray(S, cp, c6) : z, x7 = acc ? DoubleVector.fromArray(S, cp, c7) : z;
        int r1 = a0 + Math.min(1, last) * rsA, r2 = a0 + Math.min(2, last) * rsA, r3 = a0 + Math.min(3, last) * rsA;
        int r4 = a0 + Math.min(4, last) * rsA, r5 = a0 + Math.min(5, last) * rsA, r6 = a0 + Math.min(6, last) * rsA, r7 = a0 + last * rsA;
        for (int p = 0; p < k; p++) {
            DoubleVector bv = DoubleVector.fromArray(S, bp, p * L);
            int q = p * csA;
            x0 = bv.fma(DoubleVector.broadcast(S, a[a0 + q]), x0);
            x1 = bv.fma(DoubleVector.broadcast(S, a[r1 + q]), x1);
            x2 = bv.fma(DoubleVector.broadcast(S, a[r2 + q]), x2);
            x3 = bv.fma(DoubleVector.broadcast(S, a[r3 + q]), x3);
            x4 = bv.fma(DoubleVector.broadcast(S, a[r4 + q]), x4);
            x5 = bv.fma(DoubleVector.broadcast(S, a[r5 + q]), x5);
            x6 = bv.fma(DoubleVector.broadcast(S, a[r6 + q]), x6);
            x7 = bv.fma(DoubleVector.broadcast(S, a[r7 + q]), x7);
        }
        x0.intoArray(cp, c0);
        x1.intoArray(cp, c1);
        x2.intoArray(cp, c2);
        x3.intoArray(cp, c3);
        x4.intoArray(cp, c4);
        x5.intoArray(cp, c5);
        x6.intoArray(cp, c6);
        x7.intoArray(cp, c7);
    }
}
