package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of the README's "Your own data" section run as written: every {@code $ ./jgrad ...} line is run
 * (in a folder holding the section's files), and every output line shown under it, but "...", is printed.
 */
class OwnDataReadmeTest {
    @TempDir Path dir;

    @Test
    void everyExampleRunsAndPrintsWhatTheReadmeShows() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        int start = readme.indexOf("<!-- section: own-data -->");
        String section = readme.substring(start, readme.indexOf("<!-- section: ", start + 1)); // up to the next section
        Files.createDirectories(dir.resolve("docs/data"));
        for (String f : List.of("churn-eu.csv", "new-customers.csv")) Files.copy(root.resolve("docs/data").resolve(f), dir.resolve("docs/data").resolve(f));
        Files.writeString(dir.resolve("measurements.csv"), "a,b,y\n1,2,x\n3,4,y\n5,oops,y\n6,7,x\n8,n/k,y\n");
        List<String> lines = section.lines().toList();
        int commands = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("$ ./jgrad ")) continue;
            commands++;
            String[] args = lines.get(i).substring("$ ./jgrad ".length()).split(" +");
            for (int k = 1; k < args.length; k++) if (List.of("--data", "--model", "--out").contains(args[k - 1])) args[k] = dir.resolve(args[k]).toString();
            CliRun r = CliRun.of(args);
            String out = (r.out() + r.err()).replace(dir + "/", "");
            List<String> shown = new ArrayList<>();
            for (int k = i + 1; k < lines.size() && !lines.get(k).startsWith("$ ") && !lines.get(k).startsWith("```"); k++) shown.add(lines.get(k));
            boolean fails = shown.stream().anyMatch(l -> l.startsWith("jgrad: error: "));
            assertEquals(fails ? 2 : 0, r.exitCode(), lines.get(i) + "\n" + out);
            for (String l : shown) if (!l.equals("...")) assertTrue(out.lines().anyMatch(l::equals), "'" + l + "' printed by " + lines.get(i) + ":\n" + out);
        }
        assertEquals(4, commands, "the section's examples");
        assertFalse(section.contains("$ jgrad "), "as ./jgrad, the way they run");
    }
}
