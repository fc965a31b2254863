package jgrad.cli.data;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jgrad.cli.UserException;

/**
 * The data sets bundled in the jar (iris, wine, digits; see {@code README.md} next to them for
 * their sources and licence), or any CSV file by path.
 */
public final class Datasets {
    private Datasets() {}

    public static final List<String> BUNDLED = List.of("iris", "wine", "digits");

    /** A bundled name (when no file of that name exists here), else a path. */
    public static CsvTable open(String nameOrPath) {
        return open(nameOrPath, CsvTable.Options.DEFAULT);
    }

    /** As {@link #open(String)}, reading a file with the given options. */
    public static CsvTable open(String nameOrPath, CsvTable.Options options) {
        if (BUNDLED.contains(nameOrPath) && !Files.exists(Path.of(nameOrPath))) {
            InputStream in = Datasets.class.getResourceAsStream(nameOrPath + ".csv");
            if (in == null) throw new IllegalStateException("bundled data set missing from the jar: " + nameOrPath);
            return CsvTable.resource(nameOrPath, in);
        }
        Path path = Path.of(nameOrPath);
        if (!Files.exists(path)) {
            throw new UserException(nameOrPath + ": no such file (bundled data sets: " + String.join(", ", BUNDLED) + ")");
        }
        return CsvTable.read(path, options);
    }
}
