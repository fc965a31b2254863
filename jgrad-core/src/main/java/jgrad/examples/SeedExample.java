package jgrad.examples;

/** One worked example of the seed tutorials, rebuilt with jgrad's public API. */
public interface SeedExample {
    /** The reference id, e.g. {@code xor-2-3-1}. */
    String id();

    /** One line for {@code jgrad examples}. */
    String description();

    /** Runs the example from its fixed start and returns its trace. */
    ExampleRun run();
}
