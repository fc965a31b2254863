package jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The AVX2 kernels on any x86 machine: a child JVM limited to AVX2 (-XX:UseAVX=2) picks 256-bit vectors and
 * the 6-row tile, whose Aᵀ·B packs A row by row ({@link Blocking#packARowsOnly}); every variant must still
 * give the bits of the fma reference, as on the machine's own vector width.
 */
class Avx2KernelsTest {
    public static void main(String[] args) {
        Blocking b = Blocking.of(Float.BYTES, true);
        for (MatMulTest.Op op : MatMulTest.Op.values()) {
            for (int[] s : new int[][] {{12, 70, 32}, {37, 130, 50}, {6, 400, 16}, {64, 33, 9}}) MatMulTest.checkAllVariants(op, s[0], s[1], s[2], s[0] + 7L * s[1]);
        }
        MatMulTest.checkWeightAndBiasGradients(); // the bias sums in the small-product kernel's pass, 8 lanes
        System.out.println(b.vectorBits() + " bits, tile " + b.mr() + "x" + b.nr() + ", rows only " + b.packARowsOnly() + ": all variants agree");
    }

    @Test
    void theAvx2TileGivesTheSameBits() throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.arch").equals("amd64"), "-XX:UseAVX is an x86 flag");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-XX:UseAVX=2", "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Avx2KernelsTest.class.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals("256 bits, tile 6x16, rows only true: all variants agree", out.lines().filter(l -> !l.startsWith("WARNING")).reduce((x, y) -> y).orElse(""), out);
    }
}
