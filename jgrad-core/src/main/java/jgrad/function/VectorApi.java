package jgrad.function;

/**
 * Whether the Vector API kernels are used, defined here at the bottom of the layers so that an activation's
 * own array kernel can be vectorised too ({@code jgrad.kernel.Simd} reads the same flag). They need the
 * incubator module jdk.incubator.vector; without it, or with {@code -Djgrad.simd=false}, the scalar loops run.
 * Classes that use the Vector API are referenced only behind this flag, so they are never loaded without it.
 */
public final class VectorApi {
    /** True when the SIMD kernels are in use. */
    public static final boolean ENABLED = Boolean.parseBoolean(System.getProperty("jgrad.simd", "true"))
            && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorApi() {}
}
