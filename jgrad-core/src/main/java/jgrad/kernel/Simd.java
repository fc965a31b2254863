package jgrad.kernel;

/**
 * Whether the Vector API kernels are used. They need the incubator module jdk.incubator.vector
 * ({@code --add-modules jdk.incubator.vector}, which ./jgrad and the build pass); without it, or with
 * {@code -Djgrad.simd=false}, the scalar kernels run. The SIMD classes are referenced only behind this
 * flag, so they are never loaded without the module.
 */
public final class Simd {
    /** True when the SIMD kernels are in use. */
    public static final boolean ENABLED = jgrad.function.VectorApi.ENABLED;

    private Simd() {}

    /** Bits per vector of the preferred species (256 with AVX2, 512 with AVX-512); 0 without SIMD. */
    public static int vectorBits() {
        return ENABLED ? SimdF.BITS : 0;
    }
}
