// GENERATED from GemmF.java by jgrad-core/gen-float64.sh: edit that file and rerun the script.
package jgrad.kernel;

import jgrad.function.Activation;

/** float64 side of {@link Gemm}: packing, fringe tiles and the scalar micro-kernel. */
final class GemmD extends Gemm {
    private static final ThreadLocal<GemmD> JOB = ThreadLocal.withInitial(GemmD::new);
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    static final int SCALAR_MR = 6, SCALAR_NR = 8;

    double[] a, b, c, bias;
    private double[] packed = new double[0];

    /** Reusable per-thread packing space, sized for the widest micro-tile. */
    static final class Buffers {
        final double[] panel = new double[KC * 64];
        final double[] aPad = new double[KC * MAX_MR];
        final double[] cTile = new double[MAX_MR * 64];
    }

    /** Products with fewer multiply-adds than this skip blocking and packing (tiny networks). */
    static final int DIRECT_MAX = 4096;

    /** {@link MatMul}'s product once the shapes are checked: empty, tiny (direct) or blocked. */
    static void product(double[] a, int aOff, int rsA, int csA, double[] b, int rsB, int csB, double[] c,
                        int m, int k, int n, boolean accumulate, double[] bias, Activation act, boolean simd, int threads) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0.0);
        } else if ((long) m * n * k < DIRECT_MAX) {
            direct(a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate);
        } else {
            gemm(a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate, bias, act, simd, threads);
            return; // the blocked path applied the epilogue tile by tile
        }
        if (act != null) FusedD.biasActivate(c, bias, m, n, act);
    }

    static void gemm(double[] a, int aOff, int rsA, int csA, double[] b, int rsB, int csB, double[] c,
                     int m, int k, int n, boolean accumulate, double[] bias, Activation act, boolean simd, int threads) {
        GemmD g = JOB.get();
        g.a = a;
        g.b = b;
        g.c = c;
        g.bias = bias;
        g.set(aOff, rsA, csA, rsB, csB, m, k, n, accumulate, simd, simd ? SimdD.MR : SCALAR_MR, simd ? SimdD.NR : SCALAR_NR);
        g.act = act;
        try {
            g.execute(threads);
        } finally {
            g.a = g.b = g.c = g.bias = null; // do not keep the caller's arrays alive
        }
    }

    /** Unblocked product for tiny shapes: the same fma chain per element as the blocked one. */
    static void direct(double[] a, int aOff, int rsA, int csA, double[] b, int rsB, int csB, double[] c,
                       int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = accumulate ? c[i * n + j] : 0.0;
                for (int p = 0; p < k; p++) s = Math.fma(a[aOff + i * rsA + p * csA], b[p * rsB + j * csB], s);
                c[i * n + j] = s;
            }
        }
    }

    @Override
    void epilogue(int i0, int i1, int j0, int j1) {
        for (int r = i0; r < i1; r++) {
            int o = r * n;
            if (bias != null) for (int j = j0; j < j1; j++) c[o + j] += bias[j];
            FusedD.activate(c, o + j0, j1 - j0, act);
        }
    }

    @Override
    int elementBytes() {
        return Double.BYTES;
    }

    @Override
    Object buffers() {
        return BUFFERS.get();
    }

    @Override
    Object localPanel(Object buffers) {
        return ((Buffers) buffers).panel;
    }

    @Override
    Object sharedPanels(int size) {
        if (packed.length < size) packed = new double[size];
        return packed;
    }

    @Override
    void packB(Object dst, int dstOff, int pc, int kc, int j, int nv) {
        double[] bp = (double[]) dst;
        if (csB == 1) {
            for (int p = 0; p < kc; p++) {
                int to = dstOff + p * nr;
                System.arraycopy(b, (pc + p) * rsB + j, bp, to, nv);
                if (nv < nr) java.util.Arrays.fill(bp, to + nv, to + nr, 0.0);
            }
        } else {
            // B stored transposed: write the panel in order, reading nv rows of B side by side
            int src = j * csB + pc * rsB;
            for (int p = 0; p < kc; p++) {
                int row = dstOff + p * nr, at = src + p * rsB;
                for (int jj = 0; jj < nv; jj++) bp[row + jj] = b[at + jj * csB];
                for (int jj = nv; jj < nr; jj++) bp[row + jj] = 0.0;
            }
        }
    }

    @Override
    void tile(Object buffers, Object panel, int bOff, int i, int mv, int j, int nv, int pc, int kc, boolean load) {
        Buffers buf = (Buffers) buffers;
        double[] bp = (double[]) panel;
        if (mv == mr && nv == nr) {
            micro(a, aOff + i * rsA + pc * csA, rsA, csA, bp, bOff, kc, c, i * n + j, n, load);
            return;
        }
        // fringe: run the full micro-kernel on a padded copy; padding lanes never reach C
        double[] ct = buf.cTile;
        java.util.Arrays.fill(ct, 0, mr * nr, 0.0);
        if (load) for (int r = 0; r < mv; r++) System.arraycopy(c, (i + r) * n + j, ct, r * nr, nv);
        double[] ap = a;
        int at = aOff + i * rsA + pc * csA, rs = rsA, cs = csA;
        if (mv < mr) { // rows copied row-major (unit stride, like most A) and the missing ones zero
            ap = buf.aPad;
            java.util.Arrays.fill(ap, 0, kc * mr, 0.0);
            for (int r = 0; r < mv; r++) for (int p = 0; p < kc; p++) ap[r * kc + p] = a[at + r * rsA + p * csA];
            at = 0;
            rs = kc;
            cs = 1;
        }
        micro(ap, at, rs, cs, bp, bOff, kc, ct, 0, nr, load);
        for (int r = 0; r < mv; r++) System.arraycopy(ct, r * nr, c, (i + r) * n + j, nv);
    }

    private void micro(double[] a, int aOff, int rsA, int csA, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        if (simd) {
            if (SimdD.MR == 8) {
                if (csA == 1) SimdD.micro8RowMajorA(a, aOff, rsA, bp, bOff, kc, c, cOff, ldc, load);
                else SimdD.micro8StridedA(a, aOff, rsA, csA, bp, bOff, kc, c, cOff, ldc, load);
            } else if (csA == 1) {
                SimdD.microRowMajorA(a, aOff, rsA, bp, bOff, kc, c, cOff, ldc, load);
            } else {
                SimdD.microStridedA(a, aOff, rsA, csA, bp, bOff, kc, c, cOff, ldc, load);
            }
            return;
        }
        // scalar: one row of the tile at a time in 8 locals (nr == SCALAR_NR), 8 independent fma chains
        for (int r = 0; r < mr; r++) {
            int cr = cOff + r * ldc, ar = aOff + r * rsA;
            double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0;
            if (load) {
                s0 = c[cr];
                s1 = c[cr + 1];
                s2 = c[cr + 2];
                s3 = c[cr + 3];
                s4 = c[cr + 4];
                s5 = c[cr + 5];
                s6 = c[cr + 6];
                s7 = c[cr + 7];
            }
            for (int p = 0, bo = bOff; p < kc; p++, bo += SCALAR_NR) {
                double av = a[ar + p * csA];
                s0 = Math.fma(av, bp[bo], s0);
                s1 = Math.fma(av, bp[bo + 1], s1);
                s2 = Math.fma(av, bp[bo + 2], s2);
                s3 = Math.fma(av, bp[bo + 3], s3);
                s4 = Math.fma(av, bp[bo + 4], s4);
                s5 = Math.fma(av, bp[bo + 5], s5);
                s6 = Math.fma(av, bp[bo + 6], s6);
                s7 = Math.fma(av, bp[bo + 7], s7);
            }
            c[cr] = s0;
            c[cr + 1] = s1;
            c[cr + 2] = s2;
            c[cr + 3] = s3;
            c[cr + 4] = s4;
            c[cr + 5] = s5;
            c[cr + 6] = s6;
            c[cr + 7] = s7;
        }
    }
}
