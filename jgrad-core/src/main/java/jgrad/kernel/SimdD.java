// GENERATED from SimdF.java by jgrad-core/gen-float64.sh: edit that file and rerun the script.
package jgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 micro-kernels on the Vector API: an mr × (2 vectors) tile of C in registers, 2 loads of the
 * packed B panel and mr broadcasts of the packed A sliver per step of p ({@link Blocking} picks mr from the
 * register count: 6 with AVX2's 16, 12 with AVX-512's 32).
 *
 * <p>B is packed ({@link Gemm}) as [kc][nr]. A comes as [mr][kc] rows (packed, or A's own rows read in place) or
 * as [kc][mr]-like slivers, each p's mr values side by side a step apart (packed: mr; Aᵀ read in place: its stride).
 * In the rows kernels every index in the loop is {@code invariant + p·constant}, the form C2's range-check
 * elimination hoists out of the loop (checked in the disassembly: the loop is loads and FMAs only). In the sliver
 * kernels the step is a variable, so C2 keeps bounds checks in the loop: ≤ 2% slower on packed slivers (alternated
 * in one process), and a weight gradient reads Xᵀ where it is (W1's step 6% faster: its packing was 5% of it).
 * The kernels are written out one accumulator per variable on purpose: a loop over an array of vectors would box
 * them (C2 keeps only locals in registers).
 * Only loaded when the jdk.incubator.vector module is present (see {@link Simd}).
 */
final class SimdD {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int NR = 2 * L;
    static final int BITS = S.vectorBitSize();

    private SimdD() {}

    /**
     * C tile (+)= A sliver · packed B panel, with the tile height picked at run time. {@code lda} > 0: the sliver's
     * mr rows run along p, lda apart ([mr][kc] packed, or A's own rows); 0: packed [kc][mr]; < 0: each p's mr values
     * side by side, −lda apart (Aᵀ read in place, see {@link Gemm#aInPlace}).
     */
    static void micro(int mr, double[] ap, int aOff, int lda, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        if (lda <= 0) {
            int step = lda == 0 ? mr : -lda;
            switch (mr) {
                case 12 -> Simd12D.micro12(ap, aOff, step, bp, bOff, kc, c, cOff, ldc, load);
                case 8 -> micro8(ap, aOff, step, bp, bOff, kc, c, cOff, ldc, load);
                default -> micro6(ap, aOff, step, bp, bOff, kc, c, cOff, ldc, load);
            }
        } else {
            switch (mr) {
                case 12 -> Simd12D.micro12Rows(ap, aOff, lda, bp, bOff, kc, c, cOff, ldc, load);
                case 8 -> micro8Rows(ap, aOff, lda, bp, bOff, kc, c, cOff, ldc, load);
                default -> micro6Rows(ap, aOff, lda, bp, bOff, kc, c, cOff, ldc, load);
            }
        }
    }

    /**
     * The tile of {@code rows} rows of A packed row by row, where a kernel of that height exists (8 or 6): for a
     * fringe sliver, whose every element is the same fma chain over p as in a full tile. Returns false otherwise.
     */
    static boolean microRows(int rows, double[] ap, int aOff, int lda, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        switch (rows) {
            case 8 -> micro8Rows(ap, aOff, lda, bp, bOff, kc, c, cOff, ldc, load);
            case 6 -> micro6Rows(ap, aOff, lda, bp, bOff, kc, c, cOff, ldc, load);
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Packs a full panel of a B whose rows run along j (B(p, j) = b[from + p·rsB + j]) into bp as [kc][NR]: two
     * vector copies per p. The element loop it replaces was not vectorised by C2 (b and bp may be the same array)
     * and took a fifth of the samples of W1's forward product, where 128 rows use each packed element.
     */
    static void packRows(double[] b, int from, int rsB, double[] bp, int dstOff, int kc) {
        for (int p = 0; p < kc; p++) {
            int src = from + p * rsB, dst = dstOff + p * NR;
            DoubleVector.fromArray(S, b, src).intoArray(bp, dst);
            DoubleVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
        }
    }

    /**
     * Packs {@code panels} full panels side by side ([panel][kc][NR]) from a B whose rows run along j, each row of B
     * read across all of them before the next. One panel at a time, each p reads 128 bytes of a row of B and the next
     * p's are a row further, in another page once B is 1,024 floats wide or more, where the prefetchers do not follow:
     * at a width of 2,048 that packing waited on one row after another and cost 28% of X·W at a batch of 128.
     */
    static void packRowsGroup(double[] b, int from, int rsB, double[] bp, int dstOff, int kc, int panels) {
        int panelSize = kc * NR;
        for (int p = 0; p < kc; p++) {
            int src = from + p * rsB, dst = dstOff + p * NR;
            for (int q = 0; q < panels; q++, src += NR, dst += panelSize) {
                DoubleVector.fromArray(S, b, src).intoArray(bp, dst);
                DoubleVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
            }
        }
    }

    /**
     * Packs a full sliver of Aᵀ (mr values side by side for each p, columns csA apart from a[first]) as [kc][mr]
     * with whole vectors: each p's copy spills up to a vector past its mr values, into the next p's place (written
     * next) or the buffer's slack, and reads as far past them in a. Returns false, packing nothing, when that read
     * would pass the end of a (the caller's scalar loop then packs it). The scalar loop it replaces was an eighth of
     * W1's training step.
     */
    static boolean packSliver(double[] a, int first, int csA, double[] ap, int base, int kc, int mr) {
        int width = Math.ceilDiv(mr, L) * L;
        if ((long) first + (long) (kc - 1) * csA + width > a.length) return false;
        for (int p = 0; p < kc; p++) {
            int src = first + p * csA, dst = base + p * mr;
            for (int v = 0; v < width; v += L) DoubleVector.fromArray(S, a, src + v).intoArray(ap, dst + v);
        }
        return true;
    }

    /**
     * The core's FMA peak as this JVM reaches it: 12 independent vector fma chains on registers only (more
     * than the FMA latency × issue width of current cores). Returns the sum so the work is not dead code.
     */
    static double fmaLoop(long steps, double mul, double add, double seed) {
        DoubleVector m = DoubleVector.broadcast(S, mul), d = DoubleVector.broadcast(S, add);
        DoubleVector s0 = DoubleVector.broadcast(S, seed), s1 = s0.add(1), s2 = s0.add(2), s3 = s0.add(3), s4 = s0.add(4), s5 = s0.add(5);
        DoubleVector s6 = s0.add(6), s7 = s0.add(7), s8 = s0.add(8), s9 = s0.add(9), s10 = s0.add(10), s11 = s0.add(11);
        for (long i = 0; i < steps; i += 2) { // two rounds per iteration: the loop's own instructions stay out of the way
            s0 = s0.fma(m, d);
            s1 = s1.fma(m, d);
            s2 = s2.fma(m, d);
            s3 = s3.fma(m, d);
            s4 = s4.fma(m, d);
            s5 = s5.fma(m, d);
            s6 = s6.fma(m, d);
            s7 = s7.fma(m, d);
            s8 = s8.fma(m, d);
            s9 = s9.fma(m, d);
            s10 = s10.fma(m, d);
            s11 = s11.fma(m, d);
            s0 = s0.fma(m, d);
            s1 = s1.fma(m, d);
            s2 = s2.fma(m, d);
            s3 = s3.fma(m, d);
            s4 = s4.fma(m, d);
            s5 = s5.fma(m, d);
            s6 = s6.fma(m, d);
            s7 = s7.fma(m, d);
            s8 = s8.fma(m, d);
            s9 = s9.fma(m, d);
            s10 = s10.fma(m, d);
            s11 = s11.fma(m, d);
        }
        return s0.add(s1).add(s2).add(s3).add(s4).add(s5).add(s6).add(s7).add(s8).add(s9).add(s10).add(s11).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** 6 rows × 2 vectors: 12 accumulators, 15 registers in all; A as [kc][6], each p's 6 values side by side, step apart. */
    static void micro6(double[] ap, int aOff, int step, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        DoubleVector z = DoubleVector.zero(S);
        int c0 = cOff;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        DoubleVector x00 = load ? DoubleVector.fromArray(S, c, c0) : z, x01 = load ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector x10 = load ? DoubleVector.fromArray(S, c, c1) : z, x11 = load ? DoubleVector.fromArray(S, c, c1 + L) : z;
        DoubleVector x20 = load ? DoubleVector.fromArray(S, c, c2) : z, x21 = load ? DoubleVector.fromArray(S, c, c2 + L) : z;
        DoubleVector x30 = load ? DoubleVector.fromArray(S, c, c3) : z, x31 = load ? DoubleVector.fromArray(S, c, c3 + L) : z;
        DoubleVector x40 = load ? DoubleVector.fromArray(S, c, c4) : z, x41 = load ? DoubleVector.fromArray(S, c, c4 + L) : z;
        DoubleVector x50 = load ? DoubleVector.fromArray(S, c, c5) : z, x51 = load ? DoubleVector.fromArray(S, c, c5 + L) : z;
        for (int p = 0; p < kc; p++) {
            int bo = bOff + p * NR, ao = aOff + p * step;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector v0 = DoubleVector.broadcast(S, ap[ao]);
            x00 = b0.fma(v0, x00);
            x01 = b1.fma(v0, x01);
            DoubleVector v1 = DoubleVector.broadcast(S, ap[ao + 1]);
            x10 = b0.fma(v1, x10);
            x11 = b1.fma(v1, x11);
            DoubleVector v2 = DoubleVector.broadcast(S, ap[ao + 2]);
            x20 = b0.fma(v2, x20);
            x21 = b1.fma(v2, x21);
            DoubleVector v3 = DoubleVector.broadcast(S, ap[ao + 3]);
            x30 = b0.fma(v3, x30);
            x31 = b1.fma(v3, x31);
            DoubleVector v4 = DoubleVector.broadcast(S, ap[ao + 4]);
            x40 = b0.fma(v4, x40);
            x41 = b1.fma(v4, x41);
            DoubleVector v5 = DoubleVector.broadcast(S, ap[ao + 5]);
            x50 = b0.fma(v5, x50);
            x51 = b1.fma(v5, x51);
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + L);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + L);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + L);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + L);
        x40.intoArray(c, c4);
        x41.intoArray(c, c4 + L);
        x50.intoArray(c, c5);
        x51.intoArray(c, c5 + L);
    }

    /** 6 rows × 2 vectors, A packed row by row ([6][kc], row r at aOff + r·lda). */
    static void micro6Rows(double[] ap, int aOff, int lda, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        DoubleVector z = DoubleVector.zero(S);
        int c0 = cOff;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        int a0 = aOff;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        DoubleVector x00 = load ? DoubleVector.fromArray(S, c, c0) : z, x01 = load ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector x10 = load ? DoubleVector.fromArray(S, c, c1) : z, x11 = load ? DoubleVector.fromArray(S, c, c1 + L) : z;
        DoubleVector x20 = load ? DoubleVector.fromArray(S, c, c2) : z, x21 = load ? DoubleVector.fromArray(S, c, c2 + L) : z;
        DoubleVector x30 = load ? DoubleVector.fromArray(S, c, c3) : z, x31 = load ? DoubleVector.fromArray(S, c, c3 + L) : z;
        DoubleVector x40 = load ? DoubleVector.fromArray(S, c, c4) : z, x41 = load ? DoubleVector.fromArray(S, c, c4 + L) : z;
        DoubleVector x50 = load ? DoubleVector.fromArray(S, c, c5) : z, x51 = load ? DoubleVector.fromArray(S, c, c5 + L) : z;
        for (int p = 0; p < kc; p++) {
            int bo = bOff + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector v0 = DoubleVector.broadcast(S, ap[a0 + p]);
            x00 = b0.fma(v0, x00);
            x01 = b1.fma(v0, x01);
            DoubleVector v1 = DoubleVector.broadcast(S, ap[a1 + p]);
            x10 = b0.fma(v1, x10);
            x11 = b1.fma(v1, x11);
            DoubleVector v2 = DoubleVector.broadcast(S, ap[a2 + p]);
            x20 = b0.fma(v2, x20);
            x21 = b1.fma(v2, x21);
            DoubleVector v3 = DoubleVector.broadcast(S, ap[a3 + p]);
            x30 = b0.fma(v3, x30);
            x31 = b1.fma(v3, x31);
            DoubleVector v4 = DoubleVector.broadcast(S, ap[a4 + p]);
            x40 = b0.fma(v4, x40);
            x41 = b1.fma(v4, x41);
            DoubleVector v5 = DoubleVector.broadcast(S, ap[a5 + p]);
            x50 = b0.fma(v5, x50);
            x51 = b1.fma(v5, x51);
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + L);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + L);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + L);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + L);
        x40.intoArray(c, c4);
        x41.intoArray(c, c4 + L);
        x50.intoArray(c, c5);
        x51.intoArray(c, c5 + L);
    }

    /** 8 rows × 2 vectors: 16 accumulators, 19 registers in all; A as [kc][8], each p's 8 values side by side, step apart. */
    static void micro8(double[] ap, int aOff, int step, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        DoubleVector z = DoubleVector.zero(S);
        int c0 = cOff;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        int c6 = c5 + ldc;
        int c7 = c6 + ldc;
        DoubleVector x00 = load ? DoubleVector.fromArray(S, c, c0) : z, x01 = load ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector x10 = load ? DoubleVector.fromArray(S, c, c1) : z, x11 = load ? DoubleVector.fromArray(S, c, c1 + L) : z;
        DoubleVector x20 = load ? DoubleVector.fromArray(S, c, c2) : z, x21 = load ? DoubleVector.fromArray(S, c, c2 + L) : z;
        DoubleVector x30 = load ? DoubleVector.fromArray(S, c, c3) : z, x31 = load ? DoubleVector.fromArray(S, c, c3 + L) : z;
        DoubleVector x40 = load ? DoubleVector.fromArray(S, c, c4) : z, x41 = load ? DoubleVector.fromArray(S, c, c4 + L) : z;
        DoubleVector x50 = load ? DoubleVector.fromArray(S, c, c5) : z, x51 = load ? DoubleVector.fromArray(S, c, c5 + L) : z;
        DoubleVector x60 = load ? DoubleVector.fromArray(S, c, c6) : z, x61 = load ? DoubleVector.fromArray(S, c, c6 + L) : z;
        DoubleVector x70 = load ? DoubleVector.fromArray(S, c, c7) : z, x71 = load ? DoubleVector.fromArray(S, c, c7 + L) : z;
        for (int p = 0; p < kc; p++) {
            int bo = bOff + p * NR, ao = aOff + p * step;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector v0 = DoubleVector.broadcast(S, ap[ao]);
            x00 = b0.fma(v0, x00);
            x01 = b1.fma(v0, x01);
            DoubleVector v1 = DoubleVector.broadcast(S, ap[ao + 1]);
            x10 = b0.fma(v1, x10);
            x11 = b1.fma(v1, x11);
            DoubleVector v2 = DoubleVector.broadcast(S, ap[ao + 2]);
            x20 = b0.fma(v2, x20);
            x21 = b1.fma(v2, x21);
            DoubleVector v3 = DoubleVector.broadcast(S, ap[ao + 3]);
            x30 = b0.fma(v3, x30);
            x31 = b1.fma(v3, x31);
            DoubleVector v4 = DoubleVector.broadcast(S, ap[ao + 4]);
            x40 = b0.fma(v4, x40);
            x41 = b1.fma(v4, x41);
            DoubleVector v5 = DoubleVector.broadcast(S, ap[ao + 5]);
            x50 = b0.fma(v5, x50);
            x51 = b1.fma(v5, x51);
            DoubleVector v6 = DoubleVector.broadcast(S, ap[ao + 6]);
            x60 = b0.fma(v6, x60);
            x61 = b1.fma(v6, x61);
            DoubleVector v7 = DoubleVector.broadcast(S, ap[ao + 7]);
            x70 = b0.fma(v7, x70);
            x71 = b1.fma(v7, x71);
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + L);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + L);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + L);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + L);
        x40.intoArray(c, c4);
        x41.intoArray(c, c4 + L);
        x50.intoArray(c, c5);
        x51.intoArray(c, c5 + L);
        x60.intoArray(c, c6);
        x61.intoArray(c, c6 + L);
        x70.intoArray(c, c7);
        x71.intoArray(c, c7 + L);
    }

    /** 8 rows × 2 vectors, A packed row by row ([8][kc], row r at aOff + r·lda). */
    static void micro8Rows(double[] ap, int aOff, int lda, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        DoubleVector z = DoubleVector.zero(S);
        int c0 = cOff;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        int c6 = c5 + ldc;
        int c7 = c6 + ldc;
        int a0 = aOff;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        int a6 = a5 + lda;
        int a7 = a6 + lda;
        DoubleVector x00 = load ? DoubleVector.fromArray(S, c, c0) : z, x01 = load ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector x10 = load ? DoubleVector.fromArray(S, c, c1) : z, x11 = load ? DoubleVector.fromArray(S, c, c1 + L) : z;
        DoubleVector x20 = load ? DoubleVector.fromArray(S, c, c2) : z, x21 = load ? DoubleVector.fromArray(S, c, c2 + L) : z;
        DoubleVector x30 = load ? DoubleVector.fromArray(S, c, c3) : z, x31 = load ? DoubleVector.fromArray(S, c, c3 + L) : z;
        DoubleVector x40 = load ? DoubleVector.fromArray(S, c, c4) : z, x41 = load ? DoubleVector.fromArray(S, c, c4 + L) : z;
        DoubleVector x50 = load ? DoubleVector.fromArray(S, c, c5) : z, x51 = load ? DoubleVector.fromArray(S, c, c5 + L) : z;
        DoubleVector x60 = load ? DoubleVector.fromArray(S, c, c6) : z, x61 = load ? DoubleVector.fromArray(S, c, c6 + L) : z;
        DoubleVector x70 = load ? DoubleVector.fromArray(S, c, c7) : z, x71 = load ? DoubleVector.fromArray(S, c, c7 + L) : z;
        for (int p = 0; p < kc; p++) {
            int bo = bOff + p * NR;
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector v0 = DoubleVector.broadcast(S, ap[a0 + p]);
            x00 = b0.fma(v0, x00);
            x01 = b1.fma(v0, x01);
            DoubleVector v1 = DoubleVector.broadcast(S, ap[a1 + p]);
            x10 = b0.fma(v1, x10);
            x11 = b1.fma(v1, x11);
            DoubleVector v2 = DoubleVector.broadcast(S, ap[a2 + p]);
            x20 = b0.fma(v2, x20);
            x21 = b1.fma(v2, x21);
            DoubleVector v3 = DoubleVector.broadcast(S, ap[a3 + p]);
            x30 = b0.fma(v3, x30);
            x31 = b1.fma(v3, x31);
            DoubleVector v4 = DoubleVector.broadcast(S, ap[a4 + p]);
            x40 = b0.fma(v4, x40);
            x41 = b1.fma(v4, x41);
            DoubleVector v5 = DoubleVector.broadcast(S, ap[a5 + p]);
            x50 = b0.fma(v5, x50);
            x51 = b1.fma(v5, x51);
            DoubleVector v6 = DoubleVector.broadcast(S, ap[a6 + p]);
            x60 = b0.fma(v6, x60);
            x61 = b1.fma(v6, x61);
            DoubleVector v7 = DoubleVector.broadcast(S, ap[a7 + p]);
            x70 = b0.fma(v7, x70);
            x71 = b1.fma(v7, x71);
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + L);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + L);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + L);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + L);
        x40.intoArray(c, c4);
        x41.intoArray(c, c4 + L);
        x50.intoArray(c, c5);
        x51.intoArray(c, c5 + L);
        x60.intoArray(c, c6);
        x61.intoArray(c, c6 + L);
        x70.intoArray(c, c7);
        x71.intoArray(c, c7 + L);
    }
}
