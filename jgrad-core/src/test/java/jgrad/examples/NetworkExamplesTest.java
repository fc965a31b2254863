package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every network example of the seeds against every record of the reference, field by field. */
class NetworkExamplesTest {
    @ParameterizedTest
    @ValueSource(strings = {"neuron-identity", "neuron-sigmoid", "neuron-sigmoid-7points", "two-chained-sigmoid-neurons",
        "two-neuron-hidden-layer", "seed001-sigmoid-1in-1out", "micro-net-5points", "not-gate-with-bias", "xor-2-3-1"})
    void reproducesTheReferenceTrace(String id) {
        JsonNode ref = Reference.example(id);
        ExampleRun run = SeedExamples.find(id).orElseThrow().run();
        double tolerance = ref.get("tolerance_abs").asDouble();
        String counter = ref.get("records").get(0).fieldNames().next();
        Map<Integer, Map<String, Object>> byCounter = new HashMap<>();
        for (Map<String, Object> r : run.records()) byCounter.put((Integer) r.get(counter), r);
        for (JsonNode expected : ref.get("records")) {
            int n = expected.get(counter).asInt();
            Map<String, Object> actual = byCounter.get(n);
            assertNotNull(actual, id + ": no record for " + counter + " " + n);
            assertEquals(size(expected), actual.size(), id + " " + counter + " " + n + ": fields " + actual.keySet());
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                assertTrue(actual.containsKey(field), id + ": missing field " + field);
                assertClose(expected.get(field), actual.get(field), tolerance, id + " " + counter + " " + n + " " + field);
            }
        }
        if (ref.has("stop") && !ref.get("stop").isNull()) {
            JsonNode stop = ref.get("stop");
            @SuppressWarnings("unchecked")
            Map<String, Object> actual = (Map<String, Object>) run.extras().get("stop");
            assertNotNull(actual, id + ": expected a stop at epoch " + stop.get("epoch"));
            stop.fieldNames().forEachRemaining(f -> assertClose(stop.get(f), actual.get(f), tolerance, id + " stop " + f));
        } else if (run.extras().containsKey("stop")) {
            assertNull(run.extras().get("stop"), id + ": stopped early but the reference does not");
        }
    }

    @Test
    void everyRecordIsKeptNotOnlyTheReferenceSubset() {
        assertEquals(10000, SeedExamples.find("xor-2-3-1").orElseThrow().run().records().size());
        assertEquals(12000, SeedExamples.find("not-gate-with-bias").orElseThrow().run().records().size());
    }

    @Test
    void seedTextMatchesTheSeedWhereTheSeedWasRight() {
        String text = SeedExamples.find("neuron-identity").orElseThrow().run().text();
        assertTrue(text.startsWith("Epoch: 1, Loss = 4.5000, w = 1.1000, b = 1.3000\nEpoch: 2, Loss = 1.1250, w = 1.4000, b = 1.4500\n"
                + "Epoch: 3, Loss = 0.2812, w = 1.5500, b = 1.5250\n"), text);
        assertTrue(text.endsWith("\nStopping early at epoch 6\nLoss = 0.0044, w = 1.6625, b = 1.5813\n"), text);
        String layer = SeedExamples.find("two-neuron-hidden-layer").orElseThrow().run().text();
        assertTrue(layer.contains("Epoch: 20, Loss = 0.0445\nW = [0.3026, 0.2045, 0.1851, 0.2870], B = [0.1052, 0.2089, 0.2512, 0.3512]"));
    }

    @Test
    void examplesWhoseSeedOutputWasWrongSaySo() {
        for (String id : List.of("neuron-sigmoid-7points", "two-chained-sigmoid-neurons", "seed001-sigmoid-1in-1out",
                "micro-net-5points", "not-gate-with-bias")) {
            assertNotNull(SeedExamples.find(id).orElseThrow().run().note(), id);
        }
        assertNull(SeedExamples.find("neuron-sigmoid").orElseThrow().run().note());
        String notGate = SeedExamples.find("not-gate-with-bias").orElseThrow().run().text();
        assertTrue(notGate.contains("Final Weight: [[-4.9627121 ]\n [ 2.53334478]]"), notGate);
    }

    private static int size(JsonNode node) {
        int n = 0;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); it.next()) n++;
        return n;
    }

    private static void assertClose(JsonNode expected, Object actual, double tolerance, String where) {
        if (expected.isArray()) {
            int len = actual instanceof double[] d ? d.length : ((Object[]) actual).length;
            assertEquals(expected.size(), len, where + " length");
            for (int i = 0; i < expected.size(); i++) {
                Object element = actual instanceof double[] d ? (Object) d[i] : ((Object[]) actual)[i];
                assertClose(expected.get(i), element, tolerance, where + "[" + i + "]");
            }
        } else if (actual instanceof Number num) {
            assertEquals(expected.asDouble(), num.doubleValue(), tolerance, where);
        } else {
            fail(where + ": unexpected value " + actual);
        }
    }
}
