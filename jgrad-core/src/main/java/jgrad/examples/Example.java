package jgrad.examples;

import java.util.function.Supplier;

/** A {@link SeedExample} from its id, description and how to run it. */
record Example(String id, String description, Supplier<ExampleRun> runner) implements SeedExample {
    @Override
    public ExampleRun run() {
        return runner.get();
    }
}
