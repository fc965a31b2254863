// GENERATED from SmallF.java by jgrad-core/gen-float64.sh: edit that file and rerun the script.
package jgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products whose output has at most one vector of columns (n ≤ lanes): the layers of small networks
 * (W6: 24 -> 8 -> 2 at batch 200). Blocking and packing cost more than such a product (the B panel would be
 * 2 vectors wide for 2 or 8 columns), so each row of C is one vector register and 8 rows are computed side
 * by side (8 independent fma chains hide the FMA latency; 16 rows of Aᵀ with 32 registers); one call runs every group. B's rows are read as
 * whole vectors (copied to [k][lanes], zero-padded, where a read would pass the array's end: a short B whole,
 * so that the loop runs in one pass), and C rows are stored as whole vectors (see
 * {@link #product}): masked loads and stores were boxed by C2 here (2.7 MB allocated per W6 gradient). Every
 * element is still fma(a_p, b_p, ...) over p in order from C or 0: the same bits as {@link Gemm}'s kernels.
 * Only loaded when the jdk.incubator.vector module is present (see {@link Simd}).
 */
final class SmallD {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** B is read in place from this many rows on (below it, copying B costs less than a second pass over A). */
    static final int IN_PLACE_MIN = 64;
    /**
     * Whether Aᵀ's rows go 16 side by side ({@link #rows16}): 16 accumulators and B's row need 32 vector registers
     * (AVX-512, AArch64). {@code -Djgrad.small16=false} keeps 8, to measure.
     */
    private static final boolean PAIRED = Blocking.float64().registers() >= 32 && !"false".equals(System.getProperty("jgrad.small16"));
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
    /** The last thread's buffers: a small network calls this 5 times per step, and ThreadLocal.get showed. */
    private static Buffers recent;

    /**
     * Per-thread padded copies of B and C; they grow to the largest product seen, never per call. They start at the
     * sizes most products need (B's rows copied only where its last rows' vectors would pass the array's end, or
     * under {@link #IN_PLACE_MIN} rows): a thread's first call that grew them took a branch the warm-up's calls had
     * never taken, and threw away C2's code of {@link #product}.
     */
    private static final class Buffers {
        final Thread owner;
        double[] b = new double[IN_PLACE_MIN * L], c = new double[8 * L], bias = new double[L], sums = new double[L];

        Buffers() {
            this(Thread.currentThread());
        }

        Buffers(Thread owner) {
            this.owner = owner;
        }
    }

    /** Owned by no thread: see {@link #forgetRecent}. */
    private static final Buffers NOBODYS = new Buffers(null);

    private SmallD() {}

    /**
     * Makes the next call look up its thread's buffers: the warm-up does so before its products, so that C2 sees
     * both outcomes of {@link #buffers}'s owner test (a training thread's first call, after the warm-up's, took the
     * branch the warm-up never had, and threw away C2's code of {@link #product}).
     */
    static void forgetRecent() {
        recent = NOBODYS;
    }

    private static Buffers buffers() {
        Buffers r = recent; // owner is final: a Buffers seen here is complete, and only its owner uses it
        if (r != null && r.owner == Thread.currentThread()) return r;
        r = BUFFERS.get();
        recent = r;
        return r;
    }

    /**
     * C[m×n] (+)= A·B for n ≤ {@link #L}, A(i,p) = a[aOff + i·rsA + p·csA], B(p,j) = b[p·rsB + j·csB].
     * Rows of B with contiguous columns are read in place as whole vectors (lanes past n read the next row
     * and only make padding lanes of C); the rows whose vector would pass the end of b, and every row of a
     * transposed B, are copied to [k][lanes] first. The p loop runs in two passes then, the second continuing
     * from the first's stored sums: each element is still the fma chain over p in order.
     */
    static void product(double[] a, int aOff, int rsA, int csA, double[] b, int rsB, int csB, double[] c, int m, int k, int n, boolean accumulate) {
        product(a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate, null);
    }

    /**
     * The same, then C[i][j] += bias[j] (bias null: none) in the registers before C is stored: one rounding of
     * the same sum, so the same bits as adding the bias in a second pass over C, without that pass.
     */
    static void product(double[] a, int aOff, int rsA, int csA, double[] b, int rsB, int csB, double[] c, int m, int k, int n, boolean accumulate,
                        double[] bias) {
        product(a, aOff, rsA, csA, b, rsB, csB, c, m, k, n, accumulate, bias, null);
    }

    /**
     * The same, and when {@code bSums} is not null and the product allows it, bSums[j] = Σ_p B(p, j) summed in p
     * order from 0 (a dense layer's bias gradient, B being its output gradient) in the same pass over B: the
     * weight gradient Aᵀ·B reads B's rows in order anyway, and one more vector add per step hides the additions'
     * latency behind the FMAs (a separate pass over 200 rows waits on 200 dependent adds per column). The same
     * bits as {@link FusedD#columnSums}. Returns whether bSums was filled: only for Aᵀ (A's columns contiguous) of
     * at least 8 rows, C not accumulated, and B taken in one pass.
     */
    static boolean product(double[] a, int aOff, int rsA, int csA, double[] b, int rsB, int csB, double[] c, int m, int k, int n,
                           boolean accumulate, double[] bias, double[] bSums) {
        Buffers buf = buffers();
        int inPlace = csB == 1 && rsB > 0 && b.length >= L ? Math.min(k, (b.length - L) / rsB + 1) : 0;
        if (k < IN_PLACE_MIN && inPlace < k) inPlace = 0; // a short B is cheaper copied whole than split into two passes
        if (buf.b.length < (k - inPlace) * L) buf.b = new double[(k - inPlace) * L];
        if (buf.c.length < 8 * L) buf.c = new double[8 * L];
        double[] bp = buf.b, cp = buf.c;
        // the bias padded to a vector, passed as an array: a vector argument to a call C2 does not inline is boxed
        double[] bv = null;
        if (bias != null) {
            if (buf.bias.length < L) buf.bias = new double[L];
            System.arraycopy(bias, 0, buf.bias, 0, n);
            java.util.Arrays.fill(buf.bias, n, L, 0.0);
            bv = buf.bias;
        }
        copyB(b, rsB, csB, bp, inPlace, k, n);
        // Rows of C are stored as whole vectors straight into c, in increasing order: a row's padding lanes
        // spill into the next row, which its own store overwrites later. Rows whose vector would pass the end
        // of C, and accumulating products (the spill would overwrite C values not yet read), go through cp.
        int direct = accumulate ? 0 : Math.max(0, (m * n - L) / n + 1);
        int i = direct / 8 * 8;
        boolean sums = bSums != null && rsA == 1 && i > 0 && (inPlace == k || inPlace == 0);
        if (sums && buf.sums.length < L) buf.sums = new double[L];
        if (i > 0) rows8(a, aOff, rsA, csA, b, rsB, bp, inPlace, c, 0, n, k, false, 8, bv, i / 8, sums ? buf.sums : null);
        for (; i < m; i += 8) {
            // the last rows, 8 at a time through cp: a group of fewer rows repeats its last row (one fma chain
            // per row at a time would wait on the FMA latency k times)
            int rows = Math.min(8, m - i);
            if (accumulate) for (int r = 0; r < rows; r++) for (int j = 0; j < n; j++) cp[r * L + j] = c[(i + r) * n + j];
            rows8(a, aOff + i * rsA, rsA, csA, b, rsB, bp, inPlace, cp, 0, L, k, accumulate, rows, bv, 1, null);
            for (int r = 0; r < rows; r++) for (int j = 0; j < n; j++) c[(i + r) * n + j] = cp[r * L + j];
        }
        if (sums) System.arraycopy(buf.sums, 0, bSums, 0, n);
        return sums;
    }

    /**
     * B's rows from {@code inPlace} on into bp, one padded vector each. A method of its own: as a loop inside
     * {@link #product}, its 320-640 iterations a call (the warm-up's copied B of 32-64 rows) had C2 compile product
     * on-stack three times in W1's first second (112 ms of C2), now once (25 ms), and the whole method in 63 ms
     * instead of 87; W1's first epoch and W6 did not move beyond the noise (8 and 5 alternated processes).
     */
    private static void copyB(double[] b, int rsB, int csB, double[] bp, int inPlace, int k, int n) {
        for (int p = inPlace; p < k; p++) {
            int o = (p - inPlace) * L;
            for (int j = 0; j < n; j++) bp[o + j] = b[p * rsB + j * csB];
            for (int j = n; j < L; j++) bp[o + j] = 0.0;
        }
    }

    /**
     * {@code groups} groups of 8 rows (the next group's rows 8·rsA further in A and 8·ldc in C); rows p < inPlace of
     * B read from b (rows rsB apart), the others from their copies in bp; see {@link #product}. One call runs every
     * group where B takes one pass: a call per group cost about as much as a group of a 200-row product.
     */
    private static void rows8(double[] a, int a0, int rsA, int csA, double[] b, int rsB, double[] bp, int inPlace, double[] cp, int c0, int ldc, int k,
                              boolean acc, int rows, double[] bias, int groups, double[] sums) {
        if (inPlace == k) {
            rows8(a, a0, rsA, csA, b, 0, rsB, 0, k, cp, c0, ldc, acc, rows, bias, groups, sums);
        } else if (inPlace == 0) {
            rows8(a, a0, rsA, csA, bp, 0, L, 0, k, cp, c0, ldc, acc, rows, bias, groups, sums);
        } else { // (never with sums: see product)
            // two passes, group by group: a group's stores spill into the next group's first row
            for (int g = 0; g < groups; g++, a0 += 8 * rsA, c0 += 8 * ldc) {
                rows8(a, a0, rsA, csA, b, 0, rsB, 0, inPlace, cp, c0, ldc, acc, rows, null, 1, null);
                rows8(a, a0, rsA, csA, bp, -inPlace * L, L, inPlace, k, cp, c0, ldc, true, rows, bias, 1, null);
            }
        }
    }

    /**
     * 8 rows of C from A's rows at a0 + r·rsA (A(r, p) = a[a0 + r·rsA + p·csA]), over p in [p0, p1) with B's row p
     * at b[bOff + p·ldb]; with {@code rows} < 8 the rows past it repeat the last one (C has room for 8); {@code bias}
     * (or null) is added before the stores; {@code sums} (or null), with A's columns contiguous, gets the first
     * group's sums of B's rows (see {@link #product}). Three forms of the same loop, so that C2 can hoist or merge
     * the bounds checks of A (one check per element and the offsets spilled to the stack had made it twice as slow):
     * rows of A contiguous (a layer's input), columns of A contiguous (Aᵀ in a weight gradient: 8 neighbours), and
     * any strides; each in a method of its own, so that C2 compiles only the forms a network uses (one method with
     * all three took 264 ms to compile in W1's first epoch, while the products ran boxed). The bias-and-store tail is
     * written out in each form: one method for it, called from all three, made the 10-wide layer's forward product
     * 28% slower (128×128×10, in-process A/B).
     */
    private static void rows8(double[] a, int a0, int rsA, int csA, double[] b, int bOff, int ldb, int p0, int p1, double[] cp, int c0, int ldc,
                              boolean acc, int rows, double[] bias, int groups, double[] sums) {
        if (csA == 1 && rows == 8) rowsAlongP(a, a0, rsA, csA, b, bOff, ldb, p0, p1, cp, c0, ldc, acc, rows, bias, groups, sums);
        else if (rsA == 1 && rows == 8) rowsOfTransposed(a, a0, rsA, csA, b, bOff, ldb, p0, p1, cp, c0, ldc, acc, rows, bias, groups, sums);
        else rowsStrided(a, a0, rsA, csA, b, bOff, ldb, p0, p1, cp, c0, ldc, acc, rows, bias, groups, sums);
    }

    /** {@link #rows8} for A's rows contiguous along p. */
    private static void rowsAlongP(double[] a, int a0, int rsA, int csA, double[] b, int bOff, int ldb, int p0, int p1, double[] cp, int c0,
                                   int ldc, boolean acc, int rows, double[] bias, int groups, double[] sums) {
        DoubleVector z = DoubleVector.zero(S);
        for (int g = 0; g < groups; g++, a0 += 8 * rsA, c0 += 8 * ldc) {
            int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
            DoubleVector x0 = acc ? DoubleVector.fromArray(S, cp, c0) : z, x1 = acc ? DoubleVector.fromArray(S, cp, c1) : z;
            DoubleVector x2 = acc ? DoubleVector.fromArray(S, cp, c2) : z, x3 = acc ? DoubleVector.fromArray(S, cp, c3) : z;
            DoubleVector x4 = acc ? DoubleVector.fromArray(S, cp, c4) : z, x5 = acc ? DoubleVector.fromArray(S, cp, c5) : z;
            DoubleVector x6 = acc ? DoubleVector.fromArray(S, cp, c6) : z, x7 = acc ? DoubleVector.fromArray(S, cp, c7) : z;
            for (int p = p0, bi = bOff + p0 * ldb; p < p1; p++, bi += ldb) {
                DoubleVector bv = DoubleVector.fromArray(S, b, bi);
                int q = a0 + p;
                x0 = bv.fma(DoubleVector.broadcast(S, a[q]), x0);
                x1 = bv.fma(DoubleVector.broadcast(S, a[q += rsA]), x1);
                x2 = bv.fma(DoubleVector.broadcast(S, a[q += rsA]), x2);
                x3 = bv.fma(DoubleVector.broadcast(S, a[q += rsA]), x3);
                x4 = bv.fma(DoubleVector.broadcast(S, a[q += rsA]), x4);
                x5 = bv.fma(DoubleVector.broadcast(S, a[q += rsA]), x5);
                x6 = bv.fma(DoubleVector.broadcast(S, a[q += rsA]), x6);
                x7 = bv.fma(DoubleVector.broadcast(S, a[q + rsA]), x7);
            }
            if (bias != null) {
                DoubleVector bv = DoubleVector.fromArray(S, bias, 0);
                x0 = x0.add(bv);
                x1 = x1.add(bv);
                x2 = x2.add(bv);
                x3 = x3.add(bv);
                x4 = x4.add(bv);
                x5 = x5.add(bv);
                x6 = x6.add(bv);
                x7 = x7.add(bv);
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

    /** {@link #rows8} for A's columns contiguous (Aᵀ): 16 rows at a time where 32 registers hold them. */
    private static void rowsOfTransposed(double[] a, int a0, int rsA, int csA, double[] b, int bOff, int ldb, int p0, int p1, double[] cp, int c0,
                                         int ldc, boolean acc, int rows, double[] bias, int groups, double[] sums) {
        DoubleVector z = DoubleVector.zero(S);
        for (int g = 0; g < groups; g++, a0 += 8 * rsA, c0 += 8 * ldc) {
            double[] groupSums = g == 0 ? sums : null;
            if (PAIRED && g + 1 < groups && !acc) {
                rows16(a, a0, csA, b, bOff, ldb, p0, p1, cp, c0, ldc, bias, groupSums);
                g++;
                a0 += 8 * rsA;
                c0 += 8 * ldc;
                continue;
            }
            int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
            DoubleVector x0 = acc ? DoubleVector.fromArray(S, cp, c0) : z, x1 = acc ? DoubleVector.fromArray(S, cp, c1) : z;
            DoubleVector x2 = acc ? DoubleVector.fromArray(S, cp, c2) : z, x3 = acc ? DoubleVector.fromArray(S, cp, c3) : z;
            DoubleVector x4 = acc ? DoubleVector.fromArray(S, cp, c4) : z, x5 = acc ? DoubleVector.fromArray(S, cp, c5) : z;
            DoubleVector x6 = acc ? DoubleVector.fromArray(S, cp, c6) : z, x7 = acc ? DoubleVector.fromArray(S, cp, c7) : z;
            DoubleVector sv = z; // B's rows summed: an add per step, hidden behind the FMAs
            for (int p = p0, bi = bOff + p0 * ldb, q = a0 + p0 * csA; p < p1; p++, bi += ldb, q += csA) {
                DoubleVector bv = DoubleVector.fromArray(S, b, bi);
                sv = sv.add(bv);
                x0 = bv.fma(DoubleVector.broadcast(S, a[q]), x0);
                x1 = bv.fma(DoubleVector.broadcast(S, a[q + 1]), x1);
                x2 = bv.fma(DoubleVector.broadcast(S, a[q + 2]), x2);
                x3 = bv.fma(DoubleVector.broadcast(S, a[q + 3]), x3);
                x4 = bv.fma(DoubleVector.broadcast(S, a[q + 4]), x4);
                x5 = bv.fma(DoubleVector.broadcast(S, a[q + 5]), x5);
                x6 = bv.fma(DoubleVector.broadcast(S, a[q + 6]), x6);
                x7 = bv.fma(DoubleVector.broadcast(S, a[q + 7]), x7);
            }
            if (groupSums != null) sv.intoArray(groupSums, 0);
            if (bias != null) {
                DoubleVector bv = DoubleVector.fromArray(S, bias, 0);
                x0 = x0.add(bv);
                x1 = x1.add(bv);
                x2 = x2.add(bv);
                x3 = x3.add(bv);
                x4 = x4.add(bv);
                x5 = x5.add(bv);
                x6 = x6.add(bv);
                x7 = x7.add(bv);
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

    /** {@link #rows8} for any strides of A, and fewer than 8 rows. */
    private static void rowsStrided(double[] a, int a0, int rsA, int csA, double[] b, int bOff, int ldb, int p0, int p1, double[] cp, int c0,
                                    int ldc, boolean acc, int rows, double[] bias, int groups, double[] sums) {
        DoubleVector z = DoubleVector.zero(S);
        for (int g = 0; g < groups; g++, a0 += 8 * rsA, c0 += 8 * ldc) {
            int c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
            int last = rows - 1;
            DoubleVector x0 = acc ? DoubleVector.fromArray(S, cp, c0) : z, x1 = acc ? DoubleVector.fromArray(S, cp, c1) : z;
            DoubleVector x2 = acc ? DoubleVector.fromArray(S, cp, c2) : z, x3 = acc ? DoubleVector.fromArray(S, cp, c3) : z;
            DoubleVector x4 = acc ? DoubleVector.fromArray(S, cp, c4) : z, x5 = acc ? DoubleVector.fromArray(S, cp, c5) : z;
            DoubleVector x6 = acc ? DoubleVector.fromArray(S, cp, c6) : z, x7 = acc ? DoubleVector.fromArray(S, cp, c7) : z;
            int r1 = a0 + Math.min(1, last) * rsA, r2 = a0 + Math.min(2, last) * rsA, r3 = a0 + Math.min(3, last) * rsA;
            int r4 = a0 + Math.min(4, last) * rsA, r5 = a0 + Math.min(5, last) * rsA, r6 = a0 + Math.min(6, last) * rsA, r7 = a0 + last * rsA;
            for (int p = p0; p < p1; p++) {
                DoubleVector bv = DoubleVector.fromArray(S, b, bOff + p * ldb);
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
            if (bias != null) {
                DoubleVector bv = DoubleVector.fromArray(S, bias, 0);
                x0 = x0.add(bv);
                x1 = x1.add(bv);
                x2 = x2.add(bv);
                x3 = x3.add(bv);
                x4 = x4.add(bv);
                x5 = x5.add(bv);
                x6 = x6.add(bv);
                x7 = x7.add(bv);
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

    /**
     * Two groups of 8 rows of Aᵀ (A's columns contiguous: a weight gradient's Xᵀ) in one pass over p, C from 0: 16 fma
     * chains and one load of B's row for both groups, with 32 vector registers. The broadcasts of A, not the FMA
     * latency, set the pace of 8 rows (measured on Zen 5: a step of 16 rows takes 1.5 times a step of 8; W6 5.2 ->
     * 4.9 µs). A's rows contiguous (a layer's input) stay at 8: their 16 row offsets would not fit the general
     * registers, and C2 spilled them (W6 5.7 µs).
     */
    private static void rows16(double[] a, int a0, int csA, double[] b, int bOff, int ldb, int p0, int p1, double[] cp, int c0, int ldc, double[] bias,
                               double[] sums) {
        DoubleVector sv = DoubleVector.zero(S);
        DoubleVector x0 = DoubleVector.zero(S), x1 = x0, x2 = x0, x3 = x0, x4 = x0, x5 = x0, x6 = x0, x7 = x0;
        DoubleVector x8 = x0, x9 = x0, x10 = x0, x11 = x0, x12 = x0, x13 = x0, x14 = x0, x15 = x0;
        for (int p = p0, bi = bOff + p0 * ldb, q = a0 + p0 * csA; p < p1; p++, bi += ldb, q += csA) {
            DoubleVector bv = DoubleVector.fromArray(S, b, bi);
            sv = sv.add(bv);
            x0 = bv.fma(DoubleVector.broadcast(S, a[q]), x0);
            x1 = bv.fma(DoubleVector.broadcast(S, a[q + 1]), x1);
            x2 = bv.fma(DoubleVector.broadcast(S, a[q + 2]), x2);
            x3 = bv.fma(DoubleVector.broadcast(S, a[q + 3]), x3);
            x4 = bv.fma(DoubleVector.broadcast(S, a[q + 4]), x4);
            x5 = bv.fma(DoubleVector.broadcast(S, a[q + 5]), x5);
            x6 = bv.fma(DoubleVector.broadcast(S, a[q + 6]), x6);
            x7 = bv.fma(DoubleVector.broadcast(S, a[q + 7]), x7);
            x8 = bv.fma(DoubleVector.broadcast(S, a[q + 8]), x8);
            x9 = bv.fma(DoubleVector.broadcast(S, a[q + 9]), x9);
            x10 = bv.fma(DoubleVector.broadcast(S, a[q + 10]), x10);
            x11 = bv.fma(DoubleVector.broadcast(S, a[q + 11]), x11);
            x12 = bv.fma(DoubleVector.broadcast(S, a[q + 12]), x12);
            x13 = bv.fma(DoubleVector.broadcast(S, a[q + 13]), x13);
            x14 = bv.fma(DoubleVector.broadcast(S, a[q + 14]), x14);
            x15 = bv.fma(DoubleVector.broadcast(S, a[q + 15]), x15);
        }
        if (sums != null) sv.intoArray(sums, 0);
        if (bias != null) {
            DoubleVector bv = DoubleVector.fromArray(S, bias, 0);
            x0 = x0.add(bv); x1 = x1.add(bv); x2 = x2.add(bv); x3 = x3.add(bv);
            x4 = x4.add(bv); x5 = x5.add(bv); x6 = x6.add(bv); x7 = x7.add(bv);
            x8 = x8.add(bv); x9 = x9.add(bv); x10 = x10.add(bv); x11 = x11.add(bv);
            x12 = x12.add(bv); x13 = x13.add(bv); x14 = x14.add(bv); x15 = x15.add(bv);
        }
        x0.intoArray(cp, c0);
        x1.intoArray(cp, c0 + ldc);
        x2.intoArray(cp, c0 + 2 * ldc);
        x3.intoArray(cp, c0 + 3 * ldc);
        x4.intoArray(cp, c0 + 4 * ldc);
        x5.intoArray(cp, c0 + 5 * ldc);
        x6.intoArray(cp, c0 + 6 * ldc);
        x7.intoArray(cp, c0 + 7 * ldc);
        x8.intoArray(cp, c0 + 8 * ldc);
        x9.intoArray(cp, c0 + 9 * ldc);
        x10.intoArray(cp, c0 + 10 * ldc);
        x11.intoArray(cp, c0 + 11 * ldc);
        x12.intoArray(cp, c0 + 12 * ldc);
        x13.intoArray(cp, c0 + 13 * ldc);
        x14.intoArray(cp, c0 + 14 * ldc);
        x15.intoArray(cp, c0 + 15 * ldc);
    }
}
