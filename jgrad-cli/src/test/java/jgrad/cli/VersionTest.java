package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void versionIsTheMavenProjectVersion() throws Exception {
        // the parent pom's own <version>, right after its artifactId
        var m = Pattern.compile("<artifactId>jgrad-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("../pom.xml")));
        assertTrue(m.find(), "no version in ../pom.xml");
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("jgrad " + m.group(1) + " (Java " + Runtime.version() + ")\n", r.out());
    }
}
