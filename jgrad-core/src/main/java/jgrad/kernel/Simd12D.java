// GENERATED from Simd12F.java by jgrad-core/gen-float64.sh: edit that file and rerun the script.
package jgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SimdD}'s 12-row micro-kernels, for AVX-512's 32 registers (24 accumulators, 2 B vectors and a
 * broadcast): written out accumulator by accumulator for the same reason, and kept apart only for length.
 */
final class Simd12D {
    private static final VectorSpecies<Double> S = SimdD.S;
    private static final int L = SimdD.L, NR = SimdD.NR;

    private Simd12D() {}

    /** 12 rows × 2 vectors: 24 accumulators, 27 registers in all; A as [kc][12], each p's 12 values side by side, step apart. */
    static void micro12(double[] ap, int aOff, int step, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        DoubleVector z = DoubleVector.zero(S);
        int c0 = cOff;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        int c6 = c5 + ldc;
        int c7 = c6 + ldc;
        int c8 = c7 + ldc;
        int c9 = c8 + ldc;
        int c10 = c9 + ldc;
        int c11 = c10 + ldc;
        DoubleVector x00 = load ? DoubleVector.fromArray(S, c, c0) : z, x01 = load ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector x10 = load ? DoubleVector.fromArray(S, c, c1) : z, x11 = load ? DoubleVector.fromArray(S, c, c1 + L) : z;
        DoubleVector x20 = load ? DoubleVector.fromArray(S, c, c2) : z, x21 = load ? DoubleVector.fromArray(S, c, c2 + L) : z;
        DoubleVector x30 = load ? DoubleVector.fromArray(S, c, c3) : z, x31 = load ? DoubleVector.fromArray(S, c, c3 + L) : z;
        DoubleVector x40 = load ? DoubleVector.fromArray(S, c, c4) : z, x41 = load ? DoubleVector.fromArray(S, c, c4 + L) : z;
        DoubleVector x50 = load ? DoubleVector.fromArray(S, c, c5) : z, x51 = load ? DoubleVector.fromArray(S, c, c5 + L) : z;
        DoubleVector x60 = load ? DoubleVector.fromArray(S, c, c6) : z, x61 = load ? DoubleVector.fromArray(S, c, c6 + L) : z;
        DoubleVector x70 = load ? DoubleVector.fromArray(S, c, c7) : z, x71 = load ? DoubleVector.fromArray(S, c, c7 + L) : z;
        DoubleVector x80 = load ? DoubleVector.fromArray(S, c, c8) : z, x81 = load ? DoubleVector.fromArray(S, c, c8 + L) : z;
        DoubleVector x90 = load ? DoubleVector.fromArray(S, c, c9) : z, x91 = load ? DoubleVector.fromArray(S, c, c9 + L) : z;
        DoubleVector x100 = load ? DoubleVector.fromArray(S, c, c10) : z, x101 = load ? DoubleVector.fromArray(S, c, c10 + L) : z;
        DoubleVector x110 = load ? DoubleVector.fromArray(S, c, c11) : z, x111 = load ? DoubleVector.fromArray(S, c, c11 + L) : z;
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
            DoubleVector v8 = DoubleVector.broadcast(S, ap[ao + 8]);
            x80 = b0.fma(v8, x80);
            x81 = b1.fma(v8, x81);
            DoubleVector v9 = DoubleVector.broadcast(S, ap[ao + 9]);
            x90 = b0.fma(v9, x90);
            x91 = b1.fma(v9, x91);
            DoubleVector v10 = DoubleVector.broadcast(S, ap[ao + 10]);
            x100 = b0.fma(v10, x100);
            x101 = b1.fma(v10, x101);
            DoubleVector v11 = DoubleVector.broadcast(S, ap[ao + 11]);
            x110 = b0.fma(v11, x110);
            x111 = b1.fma(v11, x111);
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
        x80.intoArray(c, c8);
        x81.intoArray(c, c8 + L);
        x90.intoArray(c, c9);
        x91.intoArray(c, c9 + L);
        x100.intoArray(c, c10);
        x101.intoArray(c, c10 + L);
        x110.intoArray(c, c11);
        x111.intoArray(c, c11 + L);
    }

    /** 12 rows × 2 vectors, A packed row by row ([12][kc], row r at aOff + r·lda). */
    static void micro12Rows(double[] ap, int aOff, int lda, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        DoubleVector z = DoubleVector.zero(S);
        int c0 = cOff;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int c4 = c3 + ldc;
        int c5 = c4 + ldc;
        int c6 = c5 + ldc;
        int c7 = c6 + ldc;
        int c8 = c7 + ldc;
        int c9 = c8 + ldc;
        int c10 = c9 + ldc;
        int c11 = c10 + ldc;
        int a0 = aOff;
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        int a6 = a5 + lda;
        int a7 = a6 + lda;
        int a8 = a7 + lda;
        int a9 = a8 + lda;
        int a10 = a9 + lda;
        int a11 = a10 + lda;
        DoubleVector x00 = load ? DoubleVector.fromArray(S, c, c0) : z, x01 = load ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector x10 = load ? DoubleVector.fromArray(S, c, c1) : z, x11 = load ? DoubleVector.fromArray(S, c, c1 + L) : z;
        DoubleVector x20 = load ? DoubleVector.fromArray(S, c, c2) : z, x21 = load ? DoubleVector.fromArray(S, c, c2 + L) : z;
        DoubleVector x30 = load ? DoubleVector.fromArray(S, c, c3) : z, x31 = load ? DoubleVector.fromArray(S, c, c3 + L) : z;
        DoubleVector x40 = load ? DoubleVector.fromArray(S, c, c4) : z, x41 = load ? DoubleVector.fromArray(S, c, c4 + L) : z;
        DoubleVector x50 = load ? DoubleVector.fromArray(S, c, c5) : z, x51 = load ? DoubleVector.fromArray(S, c, c5 + L) : z;
        DoubleVector x60 = load ? DoubleVector.fromArray(S, c, c6) : z, x61 = load ? DoubleVector.fromArray(S, c, c6 + L) : z;
        DoubleVector x70 = load ? DoubleVector.fromArray(S, c, c7) : z, x71 = load ? DoubleVector.fromArray(S, c, c7 + L) : z;
        DoubleVector x80 = load ? DoubleVector.fromArray(S, c, c8) : z, x81 = load ? DoubleVector.fromArray(S, c, c8 + L) : z;
        DoubleVector x90 = load ? DoubleVector.fromArray(S, c, c9) : z, x91 = load ? DoubleVector.fromArray(S, c, c9 + L) : z;
        DoubleVector x100 = load ? DoubleVector.fromArray(S, c, c10) : z, x101 = load ? DoubleVector.fromArray(S, c, c10 + L) : z;
        DoubleVector x110 = load ? DoubleVector.fromArray(S, c, c11) : z, x111 = load ? DoubleVector.fromArray(S, c, c11 + L) : z;
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
            DoubleVector v8 = DoubleVector.broadcast(S, ap[a8 + p]);
            x80 = b0.fma(v8, x80);
            x81 = b1.fma(v8, x81);
            DoubleVector v9 = DoubleVector.broadcast(S, ap[a9 + p]);
            x90 = b0.fma(v9, x90);
            x91 = b1.fma(v9, x91);
            DoubleVector v10 = DoubleVector.broadcast(S, ap[a10 + p]);
            x100 = b0.fma(v10, x100);
            x101 = b1.fma(v10, x101);
            DoubleVector v11 = DoubleVector.broadcast(S, ap[a11 + p]);
            x110 = b0.fma(v11, x110);
            x111 = b1.fma(v11, x111);
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
        x80.intoArray(c, c8);
        x81.intoArray(c, c8 + L);
        x90.intoArray(c, c9);
        x91.intoArray(c, c9 + L);
        x100.intoArray(c, c10);
        x101.intoArray(c, c10 + L);
        x110.intoArray(c, c11);
        x111.intoArray(c, c11 + L);
    }
}
