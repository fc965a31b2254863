package jgrad.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The tests' copy of the reference results: whole, and the same bytes as shared/reference/ where that folder is beside the repository. */
class ReferenceCopyTest {
    @Test
    void everyExampleOfTheCopyIsFoundById() throws IOException {
        JsonNode examples = new ObjectMapper().readTree(Reference.copy("seed-examples.json")).get("examples");
        assertEquals(15, examples.size(), "examples in the copy");
        for (JsonNode e : examples) assertEquals(e, Reference.example(e.get("id").asText()));
    }

    @Test
    void theCopyIsTheSharedFolderByteForByte() throws IOException {
        Path shared = Reference.sharedDir().orElse(null);
        assumeTrue(shared != null, "no shared/ beside the repository (a clone alone): the copy is all there is");
        for (String name : new String[] {"seed-examples.json", "seed-examples.md"}) {
            assertArrayEquals(Files.readAllBytes(shared.resolve("reference").resolve(name)), Reference.copy(name),
                    "reference/" + name + " differs from " + shared.resolve("reference") + ": copy it again");
        }
    }
}
