package jgrad.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code shared/reference/seed-examples.json}, found by walking up from the working directory
 * (in CI, {@code shared/} is a sibling of the repository root).
 */
final class Reference {
    private static JsonNode root;

    private Reference() {}

    static synchronized JsonNode example(String id) {
        if (root == null) {
            root = read(locate());
        }
        for (JsonNode e : root.get("examples")) {
            if (e.get("id").asText().equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no example '" + id + "' in the reference");
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/reference/seed-examples.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/reference/seed-examples.json not found in any parent of "
                + Path.of("").toAbsolutePath() + " (CI checks out shared/ next to the repository)");
    }

    private static JsonNode read(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
