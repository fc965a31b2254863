package jgrad.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The registry of worked examples, in the order the seeds teach them. */
public final class SeedExamples {
    private SeedExamples() {}

    public static List<SeedExample> all() {
        List<SeedExample> all = new ArrayList<>();
        // gradient descent on formulas
        all.add(FormulaDescentExample.square(4.0));
        all.add(FormulaDescentExample.square(-4.0));
        all.add(FormulaDescentExample.paraboloid(4.0, -4.0));
        all.add(FormulaDescentExample.paraboloid(-4.0, 4.0));
        all.add(new StepSizeDescentExample());
        // networks
        all.addAll(ReviewExamples.all());
        all.add(SeriesExample.example());
        all.addAll(TutorialExamples.all());
        return List.copyOf(all);
    }

    public static Optional<SeedExample> find(String id) {
        return all().stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
