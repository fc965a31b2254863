package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ExamplesCommandTest {
    @Test
    void listsEveryReferenceId() {
        CliRun r = CliRun.of("examples");
        assertEquals(0, r.exitCode());
        for (String id : new String[] {"neuron-identity", "neuron-sigmoid", "neuron-sigmoid-7points", "two-chained-sigmoid-neurons",
            "two-neuron-hidden-layer", "seed001-sigmoid-1in-1out", "micro-net-5points", "not-gate-with-bias", "xor-2-3-1"}) {
            assertTrue(r.out().contains("\n" + id + " "), id);
        }
    }

    @Test
    void runPrintsTheSeedFormatAndANoteWhereTheSeedWasWrong() {
        CliRun r = CliRun.of("examples", "run", "neuron-sigmoid-7points");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("Epoch: 1, average loss = 0.1111, w = 0.3109, b = 0.1093\n"), r.out());
        assertTrue(r.out().contains("Epoch: 20, average loss = 0.0822, w = 0.4860, b = 0.2586\n"), r.out());
        assertTrue(r.out().contains("Note on the seed: The seed's printed w and b"), r.out());
    }

    @Test
    void longTracesAreShortenedUnlessFull() {
        String shortened = CliRun.of("examples", "run", "seed001-sigmoid-1in-1out").out();
        assertTrue(shortened.contains("more lines; --full prints them all"));
        String full = CliRun.of("examples", "run", "seed001-sigmoid-1in-1out", "--full").out();
        assertTrue(full.startsWith("Initial W :  0.5\n0.5124973964842103\n"), full.substring(0, 80));
        assertTrue(full.contains("\n0.4875402347728"), "the prediction at iteration 10000");
    }

    @Test
    void jsonHasTheIdAndAllRecordsWithTheReferenceFieldNames() throws Exception {
        CliRun r = CliRun.of("examples", "run", "two-chained-sigmoid-neurons", "--json");
        assertEquals(0, r.exitCode());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("two-chained-sigmoid-neurons", json.get("id").asText());
        assertEquals(20, json.get("records").size());
        JsonNode first = json.get("records").get(0);
        assertEquals(1, first.get("epoch").asInt());
        assertEquals(-0.0025374868183282986, first.get("dL_dw1").asDouble(), 1e-12);
        assertEquals(0.3057684592312627, json.get("records").get(19).get("w1").asDouble(), 1e-12);
    }

    @Test
    void anUnknownIdIsAOneLineErrorWithExitCode2() {
        CliRun r = CliRun.of("examples", "run", "nope");
        assertEquals(2, r.exitCode());
        assertEquals("jgrad: error: unknown example 'nope'; run 'jgrad examples' for the list\n", r.err());
    }
}
