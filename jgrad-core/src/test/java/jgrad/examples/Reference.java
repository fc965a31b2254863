package jgrad.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared reference results ({@code shared/reference/seed-examples.json}, beside the repository). */
public final class Reference {
    private static JsonNode root;

    private Reference() {}

    /** Finds {@code shared/} in the working directory or one of its parents (CI clones the repo beside it). */
    public static Path sharedDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isRegularFile(candidate.resolve("reference/seed-examples.json"))) return candidate;
        }
        throw new IllegalStateException("shared/reference/seed-examples.json not found beside the repository (from "
                + Path.of("").toAbsolutePath() + ")");
    }

    public static synchronized JsonNode example(String id) {
        try {
            if (root == null) root = new ObjectMapper().readTree(sharedDir().resolve("reference/seed-examples.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode e : root.get("examples")) if (e.get("id").asText().equals(id)) return e;
        throw new IllegalArgumentException("no reference example " + id);
    }
}
