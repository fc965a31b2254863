package jgrad.bench;

import jgrad.kernel.UpdateD;
import jgrad.kernel.UpdateF;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The update kernels on W1's first weight matrix (784 × 256) or the digits network's (64 × 64), on the
 * Vector API and, in a second fork, on the scalar loops ({@code -Djgrad.simd=false}).
 */
public class UpdateBench extends KernelBenchmark {
    @Param({"4096", "200704"})
    public int n;

    float[] p, g, m, v;
    double[] pd, gd, md, vd;

    @Setup
    public void setUp() {
        p = random(n, 1);
        g = random(n, 2);
        m = new float[n];
        v = new float[n];
        pd = toDouble(p);
        gd = toDouble(g);
        md = new double[n];
        vd = new double[n];
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        return d;
    }

    @Benchmark
    public float[] adamF() {
        UpdateF.adam(p, g, m, v, n, 1e-9, 1e-3, false, 0.9, 0.999, 1e-8, 10);
        return p;
    }

    @Benchmark
    public double[] adamD() {
        UpdateD.adam(pd, gd, md, vd, n, 1e-9, 1e-3, false, 0.9, 0.999, 1e-8, 10);
        return pd;
    }

    @Benchmark
    public float[] momentumF() {
        UpdateF.momentum(p, g, m, n, 1e-9, 1e-3, 0.9, 0, true, false);
        return p;
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Djgrad.simd=false"})
    public float[] adamFScalar() {
        return adamF();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Djgrad.simd=false"})
    public double[] adamDScalar() {
        return adamD();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Djgrad.simd=false"})
    public float[] momentumFScalar() {
        return momentumF();
    }
}
