package jgrad.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jgrad.cli.data.Inputs;
import picocli.CommandLine.Option;

/** How train, predict and evaluate read numbers and gaps, the same flags in all three. */
final class DataOptions {
    @Option(names = "--decimal", paramLabel = "MARK", description = "decimal mark of the numbers: '.', ',' or auto (default: ${DEFAULT-VALUE}: as the file writes them; else, for a model's input, as its training file did)")
    String decimal = "auto";
    @Option(names = "--missing", paramLabel = "HOW", description = "gaps in the features: impute (with the training rows' median or most frequent value), drop (the rows; not in predict) or error (default: ${DEFAULT-VALUE})")
    String missing = "impute";

    static Set<String> columns(String flag, String value) {
        if (value == null) return Set.of();
        return new LinkedHashSet<>(List.of(Flags.list(flag, value, "column names", s -> s, String[]::new)));
    }

    /** The flags of a file read for a saved model (predict, evaluate): the above, and what a new category means. */
    static final class ForModel {
        @picocli.CommandLine.Mixin DataOptions reading;
        @Option(names = "--unknown", paramLabel = "HOW", description = "a category the model never saw: ignore (no indicator set, one warning) or error (default: ${DEFAULT-VALUE})")
        String unknown = "ignore";

        Inputs.Settings settings(Set<String> keep) {
            return new Inputs.Settings(reading.decimal, reading.missing, unknown, keep);
        }
    }
}
