package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jgrad.symbolic.Expr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The seeds' derivatives and gradient-descent runs against shared/reference/seed-examples.json. */
class FormulaExamplesTest {
    @ParameterizedTest
    @ValueSource(strings = {"gd-square", "gd-square-negative-start", "gd-paraboloid", "gd-paraboloid-negative-start", "gd-quartic"})
    void everyRecordMatchesTheReference(String id) {
        JsonNode ref = Reference.example(id);
        ExampleRun run = SeedExamples.find(id).orElseThrow().run();
        double tolerance = ref.get("tolerance_abs").asDouble();
        JsonNode records = ref.get("records");
        assertEquals(records.size(), run.records().size(), "number of records");
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> actual = run.records().get(i);
            List<String> names = iterable(records.get(i).fieldNames());
            assertEquals(names, List.copyOf(actual.keySet()), "field names of record " + (i + 1));
            for (String name : names) {
                assertEquals(records.get(i).get(name).asDouble(), ((Number) actual.get(name)).doubleValue(), tolerance,
                        id + " record " + (i + 1) + " field " + name);
            }
        }
        int last = ref.has("stopped_at") ? ref.get("stopped_at").asInt() : ref.get("steps").asInt();
        assertEquals(last, run.records().size());
        ref.get("final").properties().forEach(e ->
                assertEquals(e.getValue().asDouble(), ((Number) run.records().getLast().get(id.equals("gd-quartic") ? "x_new" : e.getKey())).doubleValue(), tolerance));
    }

    @Test
    void squareTextIsTheSeedsOutput() {
        String text = SeedExamples.find("gd-square").orElseThrow().run().text();
        assertTrue(text.startsWith("Starting gradient descent with x = 4.0 and gradient = 8.0\n"
                + "Iteration 1: x =  2.4000, f(x) =  5.7600\n"
                + "Iteration 2: x =  1.4400, f(x) =  2.0736\n"), text);
        assertTrue(text.endsWith("Iteration 15: x =  0.0019, f(x) =  0.0000\n\n"
                + "Stopping early: f'(x) < 0.01\nOptimal value of x:  0.0019\n"), text);
    }

    @Test
    void paraboloidTextPrintsNegativeZero() {
        String text = SeedExamples.find("gd-paraboloid").orElseThrow().run().text();
        assertTrue(text.contains("Iteration 8: x =  0.0672, y = -0.0000, f(x, y) =  0.0045\n"), text);
        assertTrue(text.endsWith("Stopping early: f'(x) < 0.01 & f'(y) < 0.01\nOptimal value of x, y is ( 0.0019,  0.0000)\n"), text);
    }

    @Test
    void quarticPrintsTheSeedsAnswer() {
        ExampleRun run = SeedExamples.find("gd-quartic").orElseThrow().run();
        assertEquals("Local minimum occurs at 2.2500325268933734\n", run.text());
        assertNull(run.note());
    }

    /** The note replays the seed's sign-blind test: from the negative starts it stops where the reference says. */
    @ParameterizedTest
    @ValueSource(strings = {"gd-square-negative-start", "gd-paraboloid-negative-start"})
    void noteShowsWhereTheSeedsTestWouldStop(String id) {
        JsonNode seedRule = Reference.example(id).get("seed_rule_result");
        ExampleRun run = SeedExamples.find(id).orElseThrow().run();
        assertNotNull(run.note());
        assertTrue(run.note().contains("stops wrongly after iteration " + seedRule.get("stopped_at").asInt()
                + " at "), run.note());
        assertTrue(run.note().contains(String.valueOf(seedRule.get("x").asDouble())), run.note());
    }

    @Test
    void symbolicDerivativesOfTheSeeds() {
        JsonNode derivatives = Reference.example("symbolic-derivatives").get("derivatives");
        var pattern = java.util.regex.Pattern.compile("(d/d(\\w+)|gradient) \\((.*)\\)|d/d(\\w+) (.*)");
        derivatives.properties().forEach(e -> {
            var m = pattern.matcher(e.getKey());
            assertTrue(m.matches(), e.getKey());
            String formula = m.group(3) != null ? m.group(3) : m.group(5);
            String variable = m.group(2) != null ? m.group(2) : m.group(4);
            Expr f = Expr.parse(formula);
            String actual = variable == null ? f.gradient().toString() : f.diff(variable).toString();
            assertEquals(e.getValue().asText(), actual, e.getKey());
        });
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
