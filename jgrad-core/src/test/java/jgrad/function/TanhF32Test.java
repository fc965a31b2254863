package jgrad.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The float32 tanh kernel: the same bits on the SIMD and scalar paths, and a few ulps from Math.tanh everywhere. */
class TanhF32Test {
    static final float[] SPECIAL = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
            Float.MAX_VALUE, -Float.MAX_VALUE, TanhF32.TINY, -TanhF32.TINY, Math.nextDown(TanhF32.TINY), TanhF32.CLAMP, -TanhF32.CLAMP,
            Math.nextUp(TanhF32.CLAMP), 1e-20f, 0.5f, 1f, 3f, 9f, -9f, 20f};

    @Test
    void simdAndScalarGiveTheSameBits() {
        assertTrue(VectorApi.ENABLED, "the tests run with jdk.incubator.vector");
        SplittableRandom rnd = new SplittableRandom(7);
        for (int len : new int[] {0, 1, 7, 16, 17, 33, 200, 1601}) {
            for (int off : new int[] {0, 3}) {
                float[] a = new float[off + len];
                for (int i = 0; i < a.length; i++) {
                    a[i] = i % 5 == 0 ? SPECIAL[i % SPECIAL.length] : (float) (rnd.nextGaussian() * (i % 3 == 0 ? 0.01 : 3));
                }
                float[] simd = a.clone(), scalar = a.clone();
                TanhF32.apply(simd, off, len, true);
                TanhF32.apply(scalar, off, len, false);
                for (int i = 0; i < a.length; i++) {
                    assertEquals(Float.floatToRawIntBits(scalar[i]), Float.floatToRawIntBits(simd[i]), "tanh(" + a[i] + ") at " + i + " of " + len);
                    if (i < off) assertEquals(a[i], simd[i], "outside the range");
                }
            }
        }
    }

    @Test
    void fewUlpsFromMathTanhOverTheWholeRange() {
        double worst = 0;
        float at = 0;
        // every 61st float from 0 to past the clamp (about 18 million), and the odd symmetry
        for (int bits = 0; bits <= Float.floatToRawIntBits(10f); bits += 61) {
            float x = Float.intBitsToFloat(bits);
            for (float v : new float[] {x, -x}) {
                float exact = (float) Math.tanh(v), got = TanhF32.tanh(v);
                double ulps = Math.abs(got - exact) / Math.ulp(exact == 0 ? Float.MIN_NORMAL : exact);
                if (ulps > worst) {
                    worst = ulps;
                    at = v;
                }
            }
        }
        assertTrue(worst <= 4, "worst error " + worst + " ulps at " + at);
        for (float s : SPECIAL) {
            float exact = (float) Math.tanh(s), got = TanhF32.tanh(s);
            if (Float.isNaN(exact)) assertTrue(Float.isNaN(got));
            else assertTrue(Math.abs(got - exact) <= 4 * Math.ulp(exact == 0 ? Float.MIN_NORMAL : exact), "tanh(" + s + ") = " + got + ", not " + exact);
        }
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(TanhF32.tanh(-0f)), "the sign of zero");
        assertEquals(1f, TanhF32.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, TanhF32.tanh(-1e30f));
    }
}
