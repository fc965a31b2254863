// GENERATED from SimdF.java by jgrad-core/gen-float64.sh: edit that file and rerun the script.
package jgrad.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * float64 micro-kernels on the Vector API: an MR × (2 vectors) tile of C in registers, 2 loads of the
 * packed B panel and MR broadcasts of A per step of p. With 16 vector registers (AVX2) MR is 6: 12
 * FMAs for 8 loads in 15 registers. With 32 (AVX-512) MR is 8: 16 FMAs for 10 loads in 19 registers,
 * and 8 divides the usual batch sizes, so fewer fringe tiles. The kernels are written out one accumulator
 * per variable on purpose: a loop over an array of vectors would box them (C2 keeps only locals in registers).
 * Only loaded when the jdk.incubator.vector module is present (see {@link Simd}).
 */
final class SimdD {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final int L = S.length();
    static final int NR = 2 * L;
    /** Rows per micro-tile: 8 when the vectors are 512 bits wide (AVX-512 has 32 registers), else 6. */
    static final int MR = S.vectorBitSize() >= 512 ? 8 : 6;

    private SimdD() {}

    /**
     * C tile (+)= A sliver · packed B panel, A row-major (csA == 1: A·B, A·Bᵀ, padded fringes). Two
     * methods, not one with a branch: each gets its own JIT profile, so the first products seen cannot
     * leave the other loop compiled as a trap (a deoptimisation cost up to 25% of a short run), and the
     * unit stride lets C2 drop the bounds checks on a (6 per step of p cost ~12%: 84 -> 94 GFLOP/s).
     */
    static void microRowMajorA(double[] a, int aOff, int rsA, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        int c0 = cOff, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector x00 = load ? DoubleVector.fromArray(S, c, c0) : z, x01 = load ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector x10 = load ? DoubleVector.fromArray(S, c, c1) : z, x11 = load ? DoubleVector.fromArray(S, c, c1 + L) : z;
        DoubleVector x20 = load ? DoubleVector.fromArray(S, c, c2) : z, x21 = load ? DoubleVector.fromArray(S, c, c2 + L) : z;
        DoubleVector x30 = load ? DoubleVector.fromArray(S, c, c3) : z, x31 = load ? DoubleVector.fromArray(S, c, c3 + L) : z;
        DoubleVector x40 = load ? DoubleVector.fromArray(S, c, c4) : z, x41 = load ? DoubleVector.fromArray(S, c, c4 + L) : z;
        DoubleVector x50 = load ? DoubleVector.fromArray(S, c, c5) : z, x51 = load ? DoubleVector.fromArray(S, c, c5 + L) : z;
        int a0 = aOff, a1 = a0 + rsA, a2 = a1 + rsA, a3 = a2 + rsA, a4 = a3 + rsA, a5 = a4 + rsA;
        // the index of a is p plus an invariant: C2 hoists its bounds checks out of the loop
        for (int p = 0, bo = bOff; p < kc; p++, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector v = DoubleVector.broadcast(S, a[a0 + p]);
            x00 = b0.fma(v, x00);
            x01 = b1.fma(v, x01);
            v = DoubleVector.broadcast(S, a[a1 + p]);
            x10 = b0.fma(v, x10);
            x11 = b1.fma(v, x11);
            v = DoubleVector.broadcast(S, a[a2 + p]);
            x20 = b0.fma(v, x20);
            x21 = b1.fma(v, x21);
            v = DoubleVector.broadcast(S, a[a3 + p]);
            x30 = b0.fma(v, x30);
            x31 = b1.fma(v, x31);
            v = DoubleVector.broadcast(S, a[a4 + p]);
            x40 = b0.fma(v, x40);
            x41 = b1.fma(v, x41);
            v = DoubleVector.broadcast(S, a[a5 + p]);
            x50 = b0.fma(v, x50);
            x51 = b1.fma(v, x51);
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

    /** The same for A read with any column stride csA (Aᵀ·B reads A stored [k×m], csA = m). */
    static void microStridedA(double[] a, int aOff, int rsA, int csA, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        int c0 = cOff, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector x00 = load ? DoubleVector.fromArray(S, c, c0) : z, x01 = load ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector x10 = load ? DoubleVector.fromArray(S, c, c1) : z, x11 = load ? DoubleVector.fromArray(S, c, c1 + L) : z;
        DoubleVector x20 = load ? DoubleVector.fromArray(S, c, c2) : z, x21 = load ? DoubleVector.fromArray(S, c, c2 + L) : z;
        DoubleVector x30 = load ? DoubleVector.fromArray(S, c, c3) : z, x31 = load ? DoubleVector.fromArray(S, c, c3 + L) : z;
        DoubleVector x40 = load ? DoubleVector.fromArray(S, c, c4) : z, x41 = load ? DoubleVector.fromArray(S, c, c4 + L) : z;
        DoubleVector x50 = load ? DoubleVector.fromArray(S, c, c5) : z, x51 = load ? DoubleVector.fromArray(S, c, c5 + L) : z;
        int a0 = aOff, a1 = a0 + rsA, a2 = a1 + rsA, a3 = a2 + rsA, a4 = a3 + rsA, a5 = a4 + rsA;
        for (int p = 0, bo = bOff, ap = 0; p < kc; p++, bo += NR, ap += csA) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector v = DoubleVector.broadcast(S, a[a0 + ap]);
            x00 = b0.fma(v, x00);
            x01 = b1.fma(v, x01);
            v = DoubleVector.broadcast(S, a[a1 + ap]);
            x10 = b0.fma(v, x10);
            x11 = b1.fma(v, x11);
            v = DoubleVector.broadcast(S, a[a2 + ap]);
            x20 = b0.fma(v, x20);
            x21 = b1.fma(v, x21);
            v = DoubleVector.broadcast(S, a[a3 + ap]);
            x30 = b0.fma(v, x30);
            x31 = b1.fma(v, x31);
            v = DoubleVector.broadcast(S, a[a4 + ap]);
            x40 = b0.fma(v, x40);
            x41 = b1.fma(v, x41);
            v = DoubleVector.broadcast(S, a[a5 + ap]);
            x50 = b0.fma(v, x50);
            x51 = b1.fma(v, x51);
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

    /** {@link #microRowMajorA} with 8 rows: 16 accumulators, which only 32 vector registers (AVX-512) hold. */
    static void micro8RowMajorA(double[] a, int aOff, int rsA, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        int c0 = cOff, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector x00 = load ? DoubleVector.fromArray(S, c, c0) : z, x01 = load ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector x10 = load ? DoubleVector.fromArray(S, c, c1) : z, x11 = load ? DoubleVector.fromArray(S, c, c1 + L) : z;
        DoubleVector x20 = load ? DoubleVector.fromArray(S, c, c2) : z, x21 = load ? DoubleVector.fromArray(S, c, c2 + L) : z;
        DoubleVector x30 = load ? DoubleVector.fromArray(S, c, c3) : z, x31 = load ? DoubleVector.fromArray(S, c, c3 + L) : z;
        DoubleVector x40 = load ? DoubleVector.fromArray(S, c, c4) : z, x41 = load ? DoubleVector.fromArray(S, c, c4 + L) : z;
        DoubleVector x50 = load ? DoubleVector.fromArray(S, c, c5) : z, x51 = load ? DoubleVector.fromArray(S, c, c5 + L) : z;
        DoubleVector x60 = load ? DoubleVector.fromArray(S, c, c6) : z, x61 = load ? DoubleVector.fromArray(S, c, c6 + L) : z;
        DoubleVector x70 = load ? DoubleVector.fromArray(S, c, c7) : z, x71 = load ? DoubleVector.fromArray(S, c, c7 + L) : z;
        int a0 = aOff, a1 = a0 + rsA, a2 = a1 + rsA, a3 = a2 + rsA, a4 = a3 + rsA, a5 = a4 + rsA, a6 = a5 + rsA, a7 = a6 + rsA;
        for (int p = 0, bo = bOff; p < kc; p++, bo += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector v = DoubleVector.broadcast(S, a[a0 + p]);
            x00 = b0.fma(v, x00);
            x01 = b1.fma(v, x01);
            v = DoubleVector.broadcast(S, a[a1 + p]);
            x10 = b0.fma(v, x10);
            x11 = b1.fma(v, x11);
            v = DoubleVector.broadcast(S, a[a2 + p]);
            x20 = b0.fma(v, x20);
            x21 = b1.fma(v, x21);
            v = DoubleVector.broadcast(S, a[a3 + p]);
            x30 = b0.fma(v, x30);
            x31 = b1.fma(v, x31);
            v = DoubleVector.broadcast(S, a[a4 + p]);
            x40 = b0.fma(v, x40);
            x41 = b1.fma(v, x41);
            v = DoubleVector.broadcast(S, a[a5 + p]);
            x50 = b0.fma(v, x50);
            x51 = b1.fma(v, x51);
            v = DoubleVector.broadcast(S, a[a6 + p]);
            x60 = b0.fma(v, x60);
            x61 = b1.fma(v, x61);
            v = DoubleVector.broadcast(S, a[a7 + p]);
            x70 = b0.fma(v, x70);
            x71 = b1.fma(v, x71);
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

    /** {@link #microStridedA} with 8 rows. */
    static void micro8StridedA(double[] a, int aOff, int rsA, int csA, double[] bp, int bOff, int kc, double[] c, int cOff, int ldc, boolean load) {
        int c0 = cOff, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc, c6 = c5 + ldc, c7 = c6 + ldc;
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector x00 = load ? DoubleVector.fromArray(S, c, c0) : z, x01 = load ? DoubleVector.fromArray(S, c, c0 + L) : z;
        DoubleVector x10 = load ? DoubleVector.fromArray(S, c, c1) : z, x11 = load ? DoubleVector.fromArray(S, c, c1 + L) : z;
        DoubleVector x20 = load ? DoubleVector.fromArray(S, c, c2) : z, x21 = load ? DoubleVector.fromArray(S, c, c2 + L) : z;
        DoubleVector x30 = load ? DoubleVector.fromArray(S, c, c3) : z, x31 = load ? DoubleVector.fromArray(S, c, c3 + L) : z;
        DoubleVector x40 = load ? DoubleVector.fromArray(S, c, c4) : z, x41 = load ? DoubleVector.fromArray(S, c, c4 + L) : z;
        DoubleVector x50 = load ? DoubleVector.fromArray(S, c, c5) : z, x51 = load ? DoubleVector.fromArray(S, c, c5 + L) : z;
        DoubleVector x60 = load ? DoubleVector.fromArray(S, c, c6) : z, x61 = load ? DoubleVector.fromArray(S, c, c6 + L) : z;
        DoubleVector x70 = load ? DoubleVector.fromArray(S, c, c7) : z, x71 = load ? DoubleVector.fromArray(S, c, c7 + L) : z;
        int a0 = aOff, a1 = a0 + rsA, a2 = a1 + rsA, a3 = a2 + rsA, a4 = a3 + rsA, a5 = a4 + rsA, a6 = a5 + rsA, a7 = a6 + rsA;
        for (int p = 0, bo = bOff, ap = 0; p < kc; p++, bo += NR, ap += csA) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bo), b1 = DoubleVector.fromArray(S, bp, bo + L);
            DoubleVector v = DoubleVector.broadcast(S, a[a0 + ap]);
            x00 = b0.fma(v, x00);
            x01 = b1.fma(v, x01);
            v = DoubleVector.broadcast(S, a[a1 + ap]);
            x10 = b0.fma(v, x10);
            x11 = b1.fma(v, x11);
            v = DoubleVector.broadcast(S, a[a2 + ap]);
            x20 = b0.fma(v, x20);
            x21 = b1.fma(v, x21);
            v = DoubleVector.broadcast(S, a[a3 + ap]);
            x30 = b0.fma(v, x30);
            x31 = b1.fma(v, x31);
            v = DoubleVector.broadcast(S, a[a4 + ap]);
            x40 = b0.fma(v, x40);
            x41 = b1.fma(v, x41);
            v = DoubleVector.broadcast(S, a[a5 + ap]);
            x50 = b0.fma(v, x50);
            x51 = b1.fma(v, x51);
            v = DoubleVector.broadcast(S, a[a6 + ap]);
            x60 = b0.fma(v, x60);
            x61 = b1.fma(v, x61);
            v = DoubleVector.broadcast(S, a[a7 + ap]);
            x70 = b0.fma(v, x70);
            x71 = b1.fma(v, x71);
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
