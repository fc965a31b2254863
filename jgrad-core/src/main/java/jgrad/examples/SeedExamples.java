package jgrad.examples;

import java.util.List;
import java.util.Optional;

/** The registry of worked examples, in the order the seeds teach them. */
public final class SeedExamples {
    private SeedExamples() {}

    public static List<SeedExample> all() {
        return List.of(
                // gradient descent on formulas
                FormulaDescentExample.square(4.0),
                FormulaDescentExample.square(-4.0),
                FormulaDescentExample.paraboloid(4.0, -4.0),
                FormulaDescentExample.paraboloid(-4.0, 4.0),
                new StepSizeDescentExample()
                // networks
        );
    }

    public static Optional<SeedExample> find(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
