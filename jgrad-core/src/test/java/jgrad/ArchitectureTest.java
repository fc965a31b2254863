package jgrad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering the README's Architecture section describes, held by a test: a package imports only
 * packages below it, and source files stay short enough to read.
 */
class ArchitectureTest {
    /** Each package's level; a package may import only lower levels. */
    static final Map<String, Integer> LEVEL = Map.ofEntries(
            Map.entry("function", 0), Map.entry("data", 0), Map.entry("metrics", 0),
            Map.entry("kernel", 1),
            Map.entry("tensor", 2), Map.entry("symbolic", 2),
            Map.entry("autograd", 3), Map.entry("optimize", 3),
            Map.entry("nn", 4), Map.entry("optim", 5), Map.entry("train", 6), Map.entry("model", 7), Map.entry("examples", 8));
    static final Path MAIN = Path.of("src/main/java/jgrad");
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?jgrad\\.([a-z]+)\\.", Pattern.MULTILINE);
    static final Pattern QUALIFIED = Pattern.compile("\\bjgrad\\.([a-z]+)\\.[A-Z]");

    static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void everyImportGoesDownhill() throws IOException {
        List<String> uphill = new ArrayList<>();
        for (Path file : sources()) {
            String pkg = MAIN.relativize(file).getName(0).toString();
            Integer level = LEVEL.get(pkg);
            if (level == null) {
                uphill.add(file + ": package '" + pkg + "' has no level in ArchitectureTest.LEVEL");
                continue;
            }
            // code only: a comment may point up the hierarchy ({@link ...}), code may not
            String source = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
            for (Pattern p : List.of(IMPORT, QUALIFIED)) {
                Matcher m = p.matcher(source);
                while (m.find()) {
                    String other = m.group(1);
                    if (!other.equals(pkg) && LEVEL.getOrDefault(other, 99) >= level) uphill.add(file + " uses jgrad." + other);
                }
            }
        }
        assertEquals(List.of(), uphill);
    }

    @Test
    void noSourceFileIsLongerThan400Lines() throws IOException {
        List<String> long_ = new ArrayList<>();
        for (Path file : sources()) {
            long lines = Files.lines(file).count();
            if (lines > 400) long_.add(file + ": " + lines + " lines");
        }
        assertEquals(List.of(), long_);
    }
}
