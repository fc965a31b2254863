package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jgrad.cli.bench.Synth;
import jgrad.kernel.Parallel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bench does the peers' work (same losses, same data); its speed is measured by running it, not here. */
class BenchCommandTest {
    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void xorReachesThePeersFinalErrorAndPrintsTheirKeys() throws Exception {
        CliRun r = CliRun.of("bench", "w2", "--json", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("w2", j.get("workload").asText());
        assertEquals("1", j.get("threads").asText());
        assertEquals(0.0026361209005366, j.get("loss").asDouble(), 1e-15); // numpy, PyTorch and DL4J's trajectory
        assertEquals(1.1219967699899687, j.get("initial_loss").asDouble(), 1e-15);
        assertEquals(40_000, j.get("steps").asInt());
        for (String k : new String[] {"steps_per_s", "seconds", "cpu_over_wall", "other_cores"}) assertTrue(j.has(k), k);
        assertEquals("jgrad " + Main.Version.projectVersion(), j.get("version").asText()); // as the peers' "numpy 2.4.6"
    }

    @Test
    void theDataIsThePeers() {
        float[] x = Synth.inputs(Synth.N_TRAIN);
        assertEquals("sumX0=392410.982144 hist=6001,5947,5803,6010,5861,6100,5852,6000,6382,6044",
                Synth.checksum(x, Synth.labels(x, Synth.N_TRAIN)));
    }

    @Test
    void humanOutputLeadsWithTheRate() {
        CliRun r = CliRun.of("bench", "w2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("w2 xor-tiny "), r.out());
        assertTrue(r.out().contains(" steps/s ("), r.out());
        assertTrue(r.out().contains("loss 0.002636120901"), r.out());
    }

    @Test
    void unknownWorkloadsAndThreadCountsAreUsageErrors() {
        CliRun r = CliRun.of("bench", "w9");
        assertEquals(Main.USAGE, r.exitCode());
        assertTrue(r.err().contains("unknown workload 'w9'"), r.err());
        assertEquals(Main.USAGE, CliRun.of("bench", "w2", "--threads", "0").exitCode());
    }

    @Test
    void gemmTimesTheShapesAskedForAgainstThePeak() throws Exception {
        CliRun r = CliRun.of("bench", "gemm", "--shapes", "ab:24:40:33, ATB:40:24:33", "--json", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("fma_peak_gflops_1core").asDouble() > 0, r.out());
        assertTrue(j.get("blocking").asText().contains("kc "), r.out());
        JsonNode p = j.get("products");
        assertEquals(2, p.size(), r.out());
        assertEquals("ab:24:40:33", p.get(0).get("shape").asText());
        assertEquals("atb:40:24:33", p.get(1).get("shape").asText());
        for (JsonNode row : p) {
            assertTrue(row.get("gflops").asDouble() > 0 && row.get("gflops_min").asDouble() <= row.get("gflops_max").asDouble(), r.out());
            assertTrue(row.get("pct_of_peak").asDouble() > 0, r.out());
        }
    }

    @Test
    void badShapesAreOneLineUsageErrorsThatQuoteTheEntry() {
        for (String bad : new String[] {"mm:1:2:3", "ab:0:2:3", "ab:1:2", "ab:x:2:3", "ab:1:2:3:4", "ab:1:2:99999999999"}) {
            CliRun r = CliRun.of("bench", "gemm", "--shapes", "ab:8:8:8," + bad);
            assertEquals(Main.USAGE, r.exitCode(), bad);
            assertEquals("jgrad: error: invalid value for --shapes: '" + bad + "' (expected ab|atb|abt:M:K:N with positive M, K and N, e.g. ab:512:784:1024)",
                    r.err().strip(), bad);
        }
        CliRun huge = CliRun.of("bench", "gemm", "--shapes", "ab:100000:100000:100000");
        assertEquals(Main.USAGE, huge.exitCode());
        assertTrue(huge.err().strip().matches("jgrad: error: --shapes: ab:100000:100000:100000 needs 120\\.0 GB of float32 arrays, more than half of this JVM's .*"), huge.err());
        CliRun elsewhere = CliRun.of("bench", "w2", "--shapes", "ab:8:8:8");
        assertEquals(Main.USAGE, elsewhere.exitCode());
        assertTrue(elsewhere.err().contains("--shapes applies to the gemm workload only"), elsewhere.err());
    }

    @Test
    void smallNetworkGradientAllocatesNothingAndMatchesNumpysLoss() throws Exception {
        CliRun r = CliRun.of("bench", "w6", "--json", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(0.0, j.get("bytes_per_gradient").asDouble()); // allocation-free once warm
        assertEquals(0.336955189704895, j.get("loss").asDouble(), 1e-6); // the numpy peer's, same data and weights
        assertTrue(j.get("us_per_gradient").asDouble() > 0);
        assertTrue(j.get("kernels").asText().contains("tile "), j.get("kernels").asText()); // the blocking this CPU chose
    }

    @Test
    void cliTrainingRunsTrainsDefaultsForEveryEpoch() throws Exception {
        CliRun r = CliRun.of("bench", "w5", "--json", "--threads", "1", "--dtype", "float32");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("float32", j.get("dtype").asText());
        assertEquals(200, j.get("epochs").asInt()); // --patience 0: every run does the same work
        assertEquals(1257, j.get("train_rows").asInt()); // digits, the default 70% split
        assertTrue(j.get("test_accuracy").asDouble() > 0.9, r.out());
    }

    @Test
    void badBatchAndDtypeAreUsageErrors() {
        CliRun r = CliRun.of("bench", "w1-1024", "--batch", "0");
        assertEquals(Main.USAGE, r.exitCode());
        assertTrue(r.err().contains("--batch"), r.err());
        r = CliRun.of("bench", "w5", "--dtype", "float16");
        assertEquals(Main.USAGE, r.exitCode());
        assertTrue(r.err().contains("--dtype") && r.err().contains("float16"), r.err());
    }

    @Test
    void helpPrintsWithoutAFormatWarning() {
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(stderr, true));
        CliRun r;
        try {
            r = CliRun.of("bench", "--help");
        } finally {
            System.setErr(old);
        }
        assertEquals(0, r.exitCode());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("% of the FMA peak"), r.out());
        org.junit.jupiter.api.Assertions.assertFalse((stderr + r.err()).contains("picocli WARN"), stderr.toString());
    }
}
