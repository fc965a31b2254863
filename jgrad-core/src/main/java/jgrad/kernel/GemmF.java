package jgrad.kernel;

import jgrad.function.Activation;

/** float32 side of {@link Gemm}: packing, fringe tiles and the scalar micro-kernel. */
final class GemmF extends Gemm {
    private static final ThreadLocal<GemmF> JOB = ThreadLocal.withInitial(GemmF::new);
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    static final Blocking SIMD = Blocking.of(Float.BYTES, true), SCALAR = Blocking.of(Float.BYTES, false);

    float[] a, b, c, bias;
    private float[] packed = new float[0], slivers = new float[0];

    /** Per-thread packing space; it grows to the largest blocks seen (the SIMD and scalar sizes differ), never per call. */
    static final class Buffers {
        float[] aPack = new float[0], panel = new float[0], cTile = new float[0], swapped = new float[0];

        Buffers fit(int aSize, int panelSize, int tileSize) {
            if (aPack.length < aSize) aPack = new float[aSize];
            if (panel.length < panelSize) panel = new float[panelSize];
            if (cTile.length < tileSize) cTile = new float[tileSize];
            return this;
        }
    }

    /** Products with one vector of columns or fewer and at most this many multiply-adds take {@link SmallF}. */
    static final long SMALL_MAX = Gemm.PARALLEL_MIN;

    /**
     * Products with fewer multiply-adds than this take the scalar loop even where {@link SmallF} would: a batch of
     * one through a 2-3-1 network (W2) ran 5x faster without the vector setup (1.2 M steps/s against 0.2 M).
     */
    static final int TINY_MAX = 512;

    /** Products with fewer multiply-adds than this skip blocking and packing (tiny networks). */
    static final int DIRECT_MAX = 4096;

    /** {@link MatMul}'s product once the shapes are checked: empty, tiny (direct) or blocked. */
    static void product(float[] a, int aOff, int rsA, int csA, float[] b, int rsB, int csB, float[] c,
                        int m, int k, int n, boolean accumulate, float[] bias, Activation act, boolean simd, int threads) {
        if (m == 0 || n == 0) return;
        if (k == 0) {
            if (!accumulate) java.util.Arrays.fill(c, 0, m * n, 0f);
        } else if ((long) m * n * k < TINY_MAX) {
            direct(a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate);
        } else if (small(m, k, n, simd)) {
            WarmupF.prepare(false);
            SmallF.product(a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate, act != null ? bias : null);
            if (act != null) FusedF.activate(c, 0, m * n, act); // the bias is in already
            return;
        } else if ((long) m * n * k < DIRECT_MAX) {
            direct(a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate);
        } else if (act == null && aOff == 0 && csA == 1 && rsB == 1 && csB != 1 && 2L * m * (k + n) < (long) n * k) {
            swapped(a, rsA, b, csB, c, m, k, n, accumulate, simd, threads);
            return;
        } else {
            gemm(a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate, bias, act, simd, threads);
            return; // the blocked path applied the epilogue tile by tile
        }
        if (act != null) FusedF.biasActivate(c, bias, m, n, act);
    }

    /**
     * C = A·B (not accumulated, no epilogue) and bSums[j] = Σ_p B(p, j) in p order, B's rows contiguous (rsB = n):
     * a weight gradient and its bias gradient. In one pass over B when the small-product kernel can (see
     * {@link SmallF#product(float[], int, int, int, float[], int, int, float[], int, int, int, boolean, float[], float[])}),
     * else the product and then {@link FusedF#columnSums}: the same bits either way.
     */
    static void productAndBSums(float[] a, int aOff, int rsA, int csA, float[] b, float[] c, float[] bSums, int m, int k, int n,
                                boolean simd, int threads) {
        if (small(m, k, n, simd)) {
            WarmupF.prepare(false);
            if (SmallF.product(a, aOff, rsA, csA, b, n, 1, c, m, k, n, false, null, bSums)) return;
        } else {
            product(a, aOff, rsA, csA, b, n, 1, c, m, k, n, false, null, null, simd, threads);
        }
        FusedF.columnSums(b, k, n, bSums, false);
    }

    /** Whether {@link #product} gives this shape to the small-product kernel: past the tiny ones, one vector of columns at most. */
    private static boolean small(int m, int k, int n, boolean simd) {
        long work = (long) m * n * k;
        // SmallF.L last: reading it initialises SmallF and the Vector API's species, ~8 ms a tiny network never needs
        return simd && work >= TINY_MAX && work <= SMALL_MAX && n <= SmallF.L;
    }

    /**
     * A·Bᵀ whose B is much larger than A and C (a wide layer's weights times a small batch's gradients, G·Wᵀ) as
     * (B·Aᵀ)ᵀ: B's stored rows then run along p and are read as A is, in place, and only the small A is packed
     * transposed, where packing all of B transposed one element at a time held back 128x512x1024 (134 -> 171
     * GFLOP/s; at a batch of 32, 69 -> 178). Each element is the same fma chain over p (fma(x, y, s) equals
     * fma(y, x, s)), so the same bits. The result goes into a per-thread [n×m] buffer (C transposed into it
     * first, to accumulate) and is transposed into C.
     */
    private static void swapped(float[] a, int rsA, float[] b, int csB, float[] c, int m, int k, int n, boolean accumulate, boolean simd, int threads) {
        Buffers buf = BUFFERS.get();
        if (buf.swapped.length < m * n) buf.swapped = new float[m * n];
        float[] t = buf.swapped;
        if (accumulate) { // the chains start from C's values, as unswapped
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) t[j * m + i] = c[i * n + j];
        }
        gemm(b, 0, csB, 1, a, 1, rsA, t, n, k, m, accumulate, null, null, simd, threads);
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) c[i * n + j] = t[j * m + i];
    }

    static void gemm(float[] a, int aOff, int rsA, int csA, float[] b, int rsB, int csB, float[] c,
                     int m, int k, int n, boolean accumulate, float[] bias, Activation act, boolean simd, int threads) {
        if (simd) WarmupF.prepare(csA != 1); // Aᵀ (a weight gradient): training, which also needs the [kc][mr] kernel
        GemmF g = JOB.get();
        g.a = a;
        g.b = b;
        g.c = c;
        g.bias = bias;
        g.set(aOff, rsA, csA, rsB, csB, m, k, n, accumulate, simd, simd ? SIMD : SCALAR);
        g.act = act;
        try {
            g.execute(threads);
        } finally {
            g.a = g.b = g.c = g.bias = null; // do not keep the caller's arrays alive
        }
    }

    /** Unblocked product for tiny shapes: the same fma chain per element as the blocked one. */
    static void direct(float[] a, int aOff, int rsA, int csA, float[] b, int rsB, int csB, float[] c,
                       int m, int k, int n, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = accumulate ? c[i * n + j] : 0f;
                for (int p = 0; p < k; p++) s = Math.fma(a[aOff + i * rsA + p * csA], b[p * rsB + j * csB], s);
                c[i * n + j] = s;
            }
        }
    }

    @Override
    void epilogue(int i0, int i1, int j0, int j1) {
        for (int r = i0; r < i1; r++) {
            int o = r * n;
            if (bias != null) FusedF.addRow(c, o + j0, bias, j0, j1 - j0);
            FusedF.activate(c, o + j0, j1 - j0, act);
        }
    }

    @Override
    int elementBytes() {
        return Float.BYTES;
    }

    @Override
    Object buffers() {
        return BUFFERS.get().fit(aBlockSize() + (simd ? SimdF.L : 0), panelSize(), mr * nr); // SimdF.packSliver writes up to a vector past a sliver
    }

    @Override
    Object localPanel(Object buffers) {
        return ((Buffers) buffers).panel;
    }

    @Override
    Object a() {
        return a;
    }

    @Override
    Object localA(Object buffers) {
        return ((Buffers) buffers).aPack;
    }

    @Override
    Object sharedSlivers(int size) {
        int slack = simd ? SimdF.L : 0; // SimdF.packSliver writes up to a vector past a sliver
        if (slivers.length < size + slack) slivers = new float[size + slack];
        return slivers;
    }

    @Override
    Object sharedPanels(int size) {
        if (packed.length < size) packed = new float[size];
        return packed;
    }

    @Override
    void packB(Object dst, int dstOff, int pc, int kc, int j, int nv) {
        float[] bp = (float[]) dst;
        if (csB == 1) {
            if (simd && nv == nr) {
                SimdF.packRows(b, pc * rsB + j, rsB, bp, dstOff, kc);
                return;
            }
            for (int p = 0; p < kc; p++) {
                int to = dstOff + p * nr;
                // a loop, not System.arraycopy: a call per 32 elements cost ~10% of a product
                for (int jj = 0, from = (pc + p) * rsB + j; jj < nv; jj++) bp[to + jj] = b[from + jj];
                for (int jj = nv; jj < nr; jj++) bp[to + jj] = 0f;
            }
        } else {
            // B stored transposed (A·Bᵀ): each stored row read in order. Vector gathers packed W1's panels faster
            // (0.4% of its step), but before C2 compiles them their boxed fallback made C2 spend 120 ms compiling
            // the Vector API's own gather checks first: W3, whose timed passes start 0.3 s in, ran 27% slower.
            int jj = 0;
            if (simd && rsB == 1 && (long) nr * kc * Float.BYTES > l1d) {
                // the panel's stored rows outgrow L1, and its packing waits on them: 8 rows at a time (abt:512:1024:2048
                // +4-7% against 4; on rows that fit in L1, up to 4% slower)
                for (; jj + 8 <= nv; jj += 8) {
                    int s0 = (j + jj) * csB + pc, s1 = s0 + csB, s2 = s1 + csB, s3 = s2 + csB, to = dstOff + jj;
                    int s4 = s3 + csB, s5 = s4 + csB, s6 = s5 + csB, s7 = s6 + csB;
                    for (int p = 0; p < kc; p++) {
                        int o = to + p * SimdF.NR;
                        bp[o] = b[s0 + p];
                        bp[o + 1] = b[s1 + p];
                        bp[o + 2] = b[s2 + p];
                        bp[o + 3] = b[s3 + p];
                        bp[o + 4] = b[s4 + p];
                        bp[o + 5] = b[s5 + p];
                        bp[o + 6] = b[s6 + p];
                        bp[o + 7] = b[s7 + p];
                    }
                }
            }
            if (simd && rsB == 1) {
                // 4 stored rows at a time, whose values land side by side in each packed row, with the vector panel's
                // width as a constant (C2 then checks bounds once per loop)
                for (; jj + 4 <= nv; jj += 4) {
                    int s0 = (j + jj) * csB + pc, s1 = s0 + csB, s2 = s1 + csB, s3 = s2 + csB, to = dstOff + jj;
                    for (int p = 0; p < kc; p++) {
                        int o = to + p * SimdF.NR;
                        bp[o] = b[s0 + p];
                        bp[o + 1] = b[s1 + p];
                        bp[o + 2] = b[s2 + p];
                        bp[o + 3] = b[s3 + p];
                    }
                }
            }
            for (; jj < nv; jj++) { // the rest, and every row on the scalar path
                int src = (j + jj) * csB + pc * rsB;
                for (int p = 0; p < kc; p++) bp[dstOff + p * nr + jj] = b[src + p * rsB];
            }
            for (int p = 0; p < kc && nv < nr; p++) for (int pad = nv; pad < nr; pad++) bp[dstOff + p * nr + pad] = 0f;
        }
    }

    @Override
    void packBGroup(Object dst, int pc, int kc, int j, int nv) {
        float[] bp = (float[]) dst;
        int whole = csB == 1 ? nv / nr : 0; // full panels of rows along j, each row of B read across them
        if (whole > 0) SimdF.packRowsGroup(b, pc * rsB + j, rsB, bp, 0, kc, whole);
        for (int q = whole; q * nr < nv; q++) packB(bp, q * kc * nr, pc, kc, j + q * nr, Math.min(nr, nv - q * nr));
    }

    @Override
    void packA(Object dst, int dstOff, int i0, int rows, int pc, int kc) {
        float[] ap = (float[]) dst;
        int lda = layout(kc);
        for (int s = 0, base = dstOff; s * mr < rows; s++, base += kc * mr) {
            int r0 = i0 + s * mr, mv = Math.min(mr, rows - s * mr);
            if (lda != 0) {
                if (csA == 1) for (int r = 0; r < mv; r++) System.arraycopy(a, aOff + (r0 + r) * rsA + pc, ap, base + r * kc, kc);
                else if (rsA == 1 && mv == 6) packSix(ap, base, aOff + r0 + pc * csA, kc);
                else for (int p = 0; p < kc; p++) {
                    int src = aOff + r0 * rsA + (pc + p) * csA;
                    for (int r = 0; r < mv; r++) ap[base + r * kc + p] = a[src + r * rsA];
                }
                for (int q = base + mv * kc; q < base + mr * kc; q++) ap[q] = 0f;
                continue;
            }
            int first = aOff + r0 * rsA + pc * csA;
            if (simd && rsA == 1 && mv == mr && SimdF.packSliver(a, first, csA, ap, base, kc, mr)) continue;
            for (int p = 0; p < kc; p++) {
                int src = aOff + r0 * rsA + (pc + p) * csA, to = base + p * mr;
                for (int r = 0; r < mv; r++) ap[to + r] = a[src + r * rsA];
                for (int r = mv; r < mr; r++) ap[to + r] = 0f; // a loop: Arrays.fill per p of a few elements cost more than packing
            }
        }
    }

    /**
     * Six rows of Aᵀ (six neighbours in each stored row, csA apart) as [6][kc]: AVX2's tile, whose Aᵀ is packed by rows
     * (see {@link Blocking#packARowsOnly}). Written out, the six stores of one p go to invariant + p, which C2 checks
     * once per loop, and the six loads share their bounds checks; the element loop it replaces took 9% of W1's step
     * under AVX2.
     */
    private void packSix(float[] ap, int base, int first, int kc) {
        int b1 = base + kc, b2 = b1 + kc, b3 = b2 + kc, b4 = b3 + kc, b5 = b4 + kc;
        for (int p = 0, src = first; p < kc; p++, src += csA) {
            ap[base + p] = a[src];
            ap[b1 + p] = a[src + 1];
            ap[b2 + p] = a[src + 2];
            ap[b3 + p] = a[src + 3];
            ap[b4 + p] = a[src + 4];
            ap[b5 + p] = a[src + 5];
        }
    }

    @Override
    void tile(Object buffers, Object aPacked, int aOff, int lda, Object panel, int bOff, int i, int mv, int j, int nv, int kc, boolean load, boolean finish) {
        Buffers buf = (Buffers) buffers;
        float[] ap = (float[]) aPacked, bp = (float[]) panel;
        if (mv == mr && nv == nr) {
            micro(ap, aOff, lda, bp, bOff, kc, c, i * n + j, n, load);
        } else if (simd && lda > 0 && nv == nr && mv < mr && SimdF.microRows(mv, ap, aOff, lda, bp, bOff, kc, c, i * n + j, n, load)) {
            // a fringe of exactly 8 or 6 whole rows (W1's 128 rows = 10 x 12 + 8): a smaller kernel, straight into C
        } else {
            // fringe: the full micro-kernel on a copy of the tile; padding rows and lanes never reach C
            float[] ct = buf.cTile;
            java.util.Arrays.fill(ct, 0, mr * nr, 0f);
            if (load) for (int r = 0; r < mv; r++) System.arraycopy(c, (i + r) * n + j, ct, r * nr, nv);
            micro(ap, aOff, lda, bp, bOff, kc, ct, 0, nr, load);
            for (int r = 0; r < mv; r++) System.arraycopy(ct, r * nr, c, (i + r) * n + j, nv);
        }
        if (!finish) return;
        if (nv == nr) FusedSimdF.finishTile(c, i * n + j, n, mv, bias, j, finishRelu);
        else epilogue(i, i + mv, j, j + nv);
    }

    private void micro(float[] ap, int aOff, int lda, float[] bp, int bOff, int kc, float[] c, int cOff, int ldc, boolean load) {
        if (simd) {
            SimdF.micro(mr, ap, aOff, lda, bp, bOff, kc, c, cOff, ldc, load);
            return;
        }
        // scalar: one row of the tile at a time in 8 locals (nr == SCALAR_NR), 8 independent fma chains
        int rs = lda > 0 ? lda : 1, cs = lda > 0 ? 1 : lda == 0 ? mr : -lda;
        for (int r = 0; r < mr; r++) {
            int cr = cOff + r * ldc;
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
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
            for (int p = 0; p < kc; p++) {
                float av = ap[aOff + r * rs + p * cs];
                int bo = bOff + p * Blocking.SCALAR_NR;
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
