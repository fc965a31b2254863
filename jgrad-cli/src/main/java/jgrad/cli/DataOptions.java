package jgrad.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jgrad.cli.data.Inputs;
import picocli.CommandLine.Option;

/** The flags with which predict and evaluate read a file for a model, as train read its own. */
final class DataOptions {
    @Option(names = "--decimal", paramLabel = "MARK", description = "decimal mark of the numbers: '.', ',' or auto (default: ${DEFAULT-VALUE}: as the file writes them, else as the training file did)")
    String decimal = "auto";
    @Option(names = "--missing", paramLabel = "HOW", description = "gaps in the inputs: impute (with the training rows' median or most frequent value) or error (default: ${DEFAULT-VALUE})")
    String missing = "impute";
    @Option(names = "--unknown", paramLabel = "HOW", description = "a category the model never saw: ignore (no indicator set, one warning) or error (default: ${DEFAULT-VALUE})")
    String unknown = "ignore";

    Inputs.Settings settings(Set<String> keep) {
        return new Inputs.Settings(decimal, missing, unknown, keep);
    }

    static Set<String> columns(String flag, String value) {
        if (value == null) return Set.of();
        return new LinkedHashSet<>(List.of(Flags.list(flag, value, "column names", s -> s, String[]::new)));
    }
}
