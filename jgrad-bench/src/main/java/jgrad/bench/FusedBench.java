package jgrad.bench;

import jgrad.function.Activations;
import jgrad.kernel.FusedF;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** The element-wise kernels of one W1 step at their W1 sizes (memory-bound; compare with the GEMMs). */
public class FusedBench extends KernelBenchmark {
    float[] h1, bias1, g1, w1, dw1, logits, grad;
    int[] labels;

    @Setup
    public void setUp() {
        h1 = random(128 * 256, 3);
        bias1 = random(256, 4);
        g1 = random(128 * 256, 5);
        w1 = random(784 * 256, 6);
        dw1 = random(784 * 256, 7);
        logits = random(128 * 10, 8);
        grad = new float[128 * 10];
        labels = new int[128];
        for (int i = 0; i < 128; i++) labels[i] = i % 10;
    }

    @Benchmark
    public float[] biasRelu128x256() {
        FusedF.biasActivate(h1, bias1, 128, 256, Activations.RELU);
        return h1;
    }

    @Benchmark
    public float[] reluBackward128x256() {
        Activations.RELU.backward(null, h1, g1, 128 * 256);
        return g1;
    }

    @Benchmark
    public float[] columnSums128x256() {
        FusedF.columnSums(g1, 128, 256, bias1, false);
        return bias1;
    }

    @Benchmark
    public float[] sgdUpdate784x256() {
        FusedF.axpy(-1e-9f, dw1, w1, w1.length);
        return w1;
    }

    @Benchmark
    public double softmaxCrossEntropy128x10() {
        return FusedF.softmaxCrossEntropy(logits, 128, 10, labels, grad, 1f / 128);
    }
}
