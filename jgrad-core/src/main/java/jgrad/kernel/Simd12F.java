package jgrad.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SimdF}'s 12-row micro-kernels, for AVX-512's 32 registers (24 accumulators, 2 B vectors and a
 * broadcast): written out accumulator by accumulator for the same reason, and kept apart only for length.
 */
final class Simd12F {
    private static final VectorSpecies<Float> S = SimdF.S;
    private static final int L = SimdF.L, NR = SimdF.NR;

    private Simd12F() {}

    /** 12 rows × 2 vectors: 24 accumulators, 27 registers in all; A as [kc][12], each p's 12 values side by side, step apart. */
    static void micro12(float[] ap, int aOff, int step, float[] bp, int bOff, int kc, float[] c, int cOff, int ldc, boolean load) {
        FloatVector z = FloatVector.zero(S);
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
        FloatVector x00 = load ? FloatVector.fromArray(S, c, c0) : z, x01 = load ? FloatVector.fromArray(S, c, c0 + L) : z;
        FloatVector x10 = load ? FloatVector.fromArray(S, c, c1) : z, x11 = load ? FloatVector.fromArray(S, c, c1 + L) : z;
        FloatVector x20 = load ? FloatVector.fromArray(S, c, c2) : z, x21 = load ? FloatVector.fromArray(S, c, c2 + L) : z;
        FloatVector x30 = load ? FloatVector.fromArray(S, c, c3) : z, x31 = load ? FloatVector.fromArray(S, c, c3 + L) : z;
        FloatVector x40 = load ? FloatVector.fromArray(S, c, c4) : z, x41 = load ? FloatVector.fromArray(S, c, c4 + L) : z;
        FloatVector x50 = load ? FloatVector.fromArray(S, c, c5) : z, x51 = load ? FloatVector.fromArray(S, c, c5 + L) : z;
        FloatVector x60 = load ? FloatVector.fromArray(S, c, c6) : z, x61 = load ? FloatVector.fromArray(S, c, c6 + L) : z;
        FloatVector x70 = load ? FloatVector.fromArray(S, c, c7) : z, x71 = load ? FloatVector.fromArray(S, c, c7 + L) : z;
        FloatVector x80 = load ? FloatVector.fromArray(S, c, c8) : z, x81 = load ? FloatVector.fromArray(S, c, c8 + L) : z;
        FloatVector x90 = load ? FloatVector.fromArray(S, c, c9) : z, x91 = load ? FloatVector.fromArray(S, c, c9 + L) : z;
        FloatVector x100 = load ? FloatVector.fromArray(S, c, c10) : z, x101 = load ? FloatVector.fromArray(S, c, c10 + L) : z;
        FloatVector x110 = load ? FloatVector.fromArray(S, c, c11) : z, x111 = load ? FloatVector.fromArray(S, c, c11 + L) : z;
        for (int p = 0; p < kc; p++) {
            int bo = bOff + p * NR, ao = aOff + p * step;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo), b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector v0 = FloatVector.broadcast(S, ap[ao]);
            x00 = b0.fma(v0, x00);
            x01 = b1.fma(v0, x01);
            FloatVector v1 = FloatVector.broadcast(S, ap[ao + 1]);
            x10 = b0.fma(v1, x10);
            x11 = b1.fma(v1, x11);
            FloatVector v2 = FloatVector.broadcast(S, ap[ao + 2]);
            x20 = b0.fma(v2, x20);
            x21 = b1.fma(v2, x21);
            FloatVector v3 = FloatVector.broadcast(S, ap[ao + 3]);
            x30 = b0.fma(v3, x30);
            x31 = b1.fma(v3, x31);
            FloatVector v4 = FloatVector.broadcast(S, ap[ao + 4]);
            x40 = b0.fma(v4, x40);
            x41 = b1.fma(v4, x41);
            FloatVector v5 = FloatVector.broadcast(S, ap[ao + 5]);
            x50 = b0.fma(v5, x50);
            x51 = b1.fma(v5, x51);
            FloatVector v6 = FloatVector.broadcast(S, ap[ao + 6]);
            x60 = b0.fma(v6, x60);
            x61 = b1.fma(v6, x61);
            FloatVector v7 = FloatVector.broadcast(S, ap[ao + 7]);
            x70 = b0.fma(v7, x70);
            x71 = b1.fma(v7, x71);
            FloatVector v8 = FloatVector.broadcast(S, ap[ao + 8]);
            x80 = b0.fma(v8, x80);
            x81 = b1.fma(v8, x81);
            FloatVector v9 = FloatVector.broadcast(S, ap[ao + 9]);
            x90 = b0.fma(v9, x90);
            x91 = b1.fma(v9, x91);
            FloatVector v10 = FloatVector.broadcast(S, ap[ao + 10]);
            x100 = b0.fma(v10, x100);
            x101 = b1.fma(v10, x101);
            FloatVector v11 = FloatVector.broadcast(S, ap[ao + 11]);
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
    static void micro12Rows(float[] ap, int aOff, int lda, float[] bp, int bOff, int kc, float[] c, int cOff, int ldc, boolean load) {
        FloatVector z = FloatVector.zero(S);
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
        FloatVector x00 = load ? FloatVector.fromArray(S, c, c0) : z, x01 = load ? FloatVector.fromArray(S, c, c0 + L) : z;
        FloatVector x10 = load ? FloatVector.fromArray(S, c, c1) : z, x11 = load ? FloatVector.fromArray(S, c, c1 + L) : z;
        FloatVector x20 = load ? FloatVector.fromArray(S, c, c2) : z, x21 = load ? FloatVector.fromArray(S, c, c2 + L) : z;
        FloatVector x30 = load ? FloatVector.fromArray(S, c, c3) : z, x31 = load ? FloatVector.fromArray(S, c, c3 + L) : z;
        FloatVector x40 = load ? FloatVector.fromArray(S, c, c4) : z, x41 = load ? FloatVector.fromArray(S, c, c4 + L) : z;
        FloatVector x50 = load ? FloatVector.fromArray(S, c, c5) : z, x51 = load ? FloatVector.fromArray(S, c, c5 + L) : z;
        FloatVector x60 = load ? FloatVector.fromArray(S, c, c6) : z, x61 = load ? FloatVector.fromArray(S, c, c6 + L) : z;
        FloatVector x70 = load ? FloatVector.fromArray(S, c, c7) : z, x71 = load ? FloatVector.fromArray(S, c, c7 + L) : z;
        FloatVector x80 = load ? FloatVector.fromArray(S, c, c8) : z, x81 = load ? FloatVector.fromArray(S, c, c8 + L) : z;
        FloatVector x90 = load ? FloatVector.fromArray(S, c, c9) : z, x91 = load ? FloatVector.fromArray(S, c, c9 + L) : z;
        FloatVector x100 = load ? FloatVector.fromArray(S, c, c10) : z, x101 = load ? FloatVector.fromArray(S, c, c10 + L) : z;
        FloatVector x110 = load ? FloatVector.fromArray(S, c, c11) : z, x111 = load ? FloatVector.fromArray(S, c, c11 + L) : z;
        for (int p = 0; p < kc; p++) {
            int bo = bOff + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo), b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector v0 = FloatVector.broadcast(S, ap[a0 + p]);
            x00 = b0.fma(v0, x00);
            x01 = b1.fma(v0, x01);
            FloatVector v1 = FloatVector.broadcast(S, ap[a1 + p]);
            x10 = b0.fma(v1, x10);
            x11 = b1.fma(v1, x11);
            FloatVector v2 = FloatVector.broadcast(S, ap[a2 + p]);
            x20 = b0.fma(v2, x20);
            x21 = b1.fma(v2, x21);
            FloatVector v3 = FloatVector.broadcast(S, ap[a3 + p]);
            x30 = b0.fma(v3, x30);
            x31 = b1.fma(v3, x31);
            FloatVector v4 = FloatVector.broadcast(S, ap[a4 + p]);
            x40 = b0.fma(v4, x40);
            x41 = b1.fma(v4, x41);
            FloatVector v5 = FloatVector.broadcast(S, ap[a5 + p]);
            x50 = b0.fma(v5, x50);
            x51 = b1.fma(v5, x51);
            FloatVector v6 = FloatVector.broadcast(S, ap[a6 + p]);
            x60 = b0.fma(v6, x60);
            x61 = b1.fma(v6, x61);
            FloatVector v7 = FloatVector.broadcast(S, ap[a7 + p]);
            x70 = b0.fma(v7, x70);
            x71 = b1.fma(v7, x71);
            FloatVector v8 = FloatVector.broadcast(S, ap[a8 + p]);
            x80 = b0.fma(v8, x80);
            x81 = b1.fma(v8, x81);
            FloatVector v9 = FloatVector.broadcast(S, ap[a9 + p]);
            x90 = b0.fma(v9, x90);
            x91 = b1.fma(v9, x91);
            FloatVector v10 = FloatVector.broadcast(S, ap[a10 + p]);
            x100 = b0.fma(v10, x100);
            x101 = b1.fma(v10, x101);
            FloatVector v11 = FloatVector.broadcast(S, ap[a11 + p]);
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
