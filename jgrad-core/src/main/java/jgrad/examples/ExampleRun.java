package jgrad.examples;

import java.util.List;
import java.util.Map;

/**
 * The trace of one example run.
 *
 * @param id the example id
 * @param records one map per epoch/iteration, with the counter and field names of
 *     {@code shared/reference/seed-examples.json}; values are {@link Number}, {@code double[]} or {@code double[][]}
 * @param text the trace printed in the seed's own format
 * @param note where the seed's printed numbers were wrong: what and why (null when the seed was right)
 * @param extras further named results (e.g. {@code stop}, {@code final}), included in the JSON output
 */
public record ExampleRun(String id, List<Map<String, Object>> records, String text, String note, Map<String, Object> extras) {
    public ExampleRun(String id, List<Map<String, Object>> records, String text, String note) {
        this(id, records, text, note, Map.of());
    }
}
