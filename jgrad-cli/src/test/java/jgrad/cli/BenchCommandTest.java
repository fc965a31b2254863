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
}
