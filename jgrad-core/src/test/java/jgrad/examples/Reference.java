package jgrad.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The reference results of the seeds' worked examples ({@code seed-examples.json}, with its explanation
 * {@code seed-examples.md}). A copy travels with the tests (test resources {@code reference/}), so that a clone
 * alone runs them; {@link ReferenceCopyTest} checks the copy against {@code shared/reference/} wherever that folder
 * is beside the repository.
 */
public final class Reference {
    static final String RESOURCE = "/reference/seed-examples.json";
    private static JsonNode root;

    private Reference() {}

    /** {@code shared/} in the working directory or one of its parents, when it is there. */
    static Optional<Path> sharedDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isRegularFile(candidate.resolve("reference/seed-examples.json"))) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    static byte[] copy(String name) {
        try (InputStream in = Reference.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) throw new IllegalStateException("test resource reference/" + name + " is missing");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized JsonNode example(String id) {
        try {
            if (root == null) root = new ObjectMapper().readTree(copy("seed-examples.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode e : root.get("examples")) if (e.get("id").asText().equals(id)) return e;
        throw new IllegalArgumentException("no reference example " + id);
    }
}
