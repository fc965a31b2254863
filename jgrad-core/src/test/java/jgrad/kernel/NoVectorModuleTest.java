package jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without --add-modules jdk.incubator.vector the kernels fall back to scalar code and still work. */
class NoVectorModuleTest {
    /** Run in a child JVM that lacks the incubator module: prints whether SIMD is on and one product. */
    public static void main(String[] args) {
        float[] a = new float[40 * 30], b = new float[30 * 20], c = new float[40 * 20];
        for (int i = 0; i < a.length; i++) a[i] = i % 7;
        for (int i = 0; i < b.length; i++) b[i] = i % 5;
        MatMul.ab(a, b, c, 40, 30, 20, false);
        double s = 0;
        for (float v : c) s += v;
        System.out.println("simd=" + Simd.ENABLED + " sum=" + s);
    }

    @Test
    void scalarFallbackRunsWithoutTheModule() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), NoVectorModuleTest.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        float[] a = new float[40 * 30], b = new float[30 * 20];
        for (int i = 0; i < a.length; i++) a[i] = i % 7;
        for (int i = 0; i < b.length; i++) b[i] = i % 5;
        double s = 0;
        for (int i = 0; i < 40; i++) for (int j = 0; j < 20; j++) for (int q = 0; q < 30; q++) s += a[i * 30 + q] * b[q * 20 + j];
        assertEquals("simd=false sum=" + s, out);
    }
}
