package jgrad.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jgrad.cli.UserException;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Datasets;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * What {@code --data} names, as a Spark {@code Dataset<Row>}: any path Spark reads (local, hdfs://,
 * s3a://...), a file or a directory of part files, in CSV (header row; comma, semicolon or tab, found
 * from the header line as {@code jgrad train} finds it), Parquet, ORC or JSON lines, by extension or
 * {@code --format}; or one of the bundled sets (iris, wine, digits). CSV cells are read as text, so
 * they go through {@code jgrad train}'s own rules for numbers, categories and missing values.
 */
public record DataSource(Dataset<Row> rows, String name, boolean csvLines) {

    public enum Format { AUTO, CSV, PARQUET, ORC, JSON }

    public static DataSource read(SparkSession spark, String data, Format format) {
        Path path = new Path(data);
        FileSystem fs;
        boolean exists;
        try {
            fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            exists = fs.exists(path);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new UserException(data + ": cannot read (" + e.getMessage() + ")");
        }
        if (!exists && Datasets.BUNDLED.contains(data)) return bundled(spark, data);
        if (!exists) throw new UserException(data + ": no such file (bundled data sets: " + String.join(", ", Datasets.BUNDLED) + ")");
        boolean directory;
        String file;
        try {
            directory = fs.getFileStatus(path).isDirectory();
            file = directory ? firstDataFile(fs, path) : data;
        } catch (java.io.IOException e) {
            throw new UserException(data + ": cannot read (" + e.getMessage() + ")");
        }
        Format f = format != Format.AUTO ? format : byExtension(data, file);
        var reader = spark.read();
        Dataset<Row> rows = switch (f) {
            case CSV -> {
                String first = firstLine(spark, data);
                if (first == null) yield null;
                yield reader.option("header", true).option("sep", String.valueOf(delimiter(first))).option("inferSchema", false)
                        .option("ignoreLeadingWhiteSpace", true).option("ignoreTrailingWhiteSpace", true).csv(data);
            }
            case PARQUET -> reader.parquet(data);
            case ORC -> reader.orc(data);
            case JSON -> reader.json(data);
            case AUTO -> throw new IllegalStateException();
        };
        if (rows == null) throw new UserException(data + ": empty file (expected a header row, then one row per sample)");
        return new DataSource(rows, data, f == Format.CSV && !directory);
    }

    private static DataSource bundled(SparkSession spark, String name) {
        CsvTable t = Datasets.open(name);
        List<StructField> fields = new ArrayList<>();
        for (String h : t.header()) fields.add(DataTypes.createStructField(h, DataTypes.StringType, true));
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            Object[] cells = new Object[t.header().size()];
            for (int c = 0; c < cells.length; c++) cells[c] = t.text(r, c);
            rows.add(RowFactory.create(cells));
        }
        return new DataSource(spark.createDataFrame(rows, DataTypes.createStructType(fields)), name, true);
    }

    private static String firstDataFile(FileSystem fs, Path dir) throws java.io.IOException {
        for (FileStatus s : fs.listStatus(dir)) {
            String n = s.getPath().getName();
            if (s.isFile() && !n.startsWith("_") && !n.startsWith(".")) return s.getPath().toString();
        }
        return dir.toString();
    }

    private static Format byExtension(String data, String file) {
        String n = file.toLowerCase(Locale.ROOT).replaceAll("\\.(gz|bz2|snappy|zst|lz4)$", "");
        if (n.endsWith(".parquet")) return Format.PARQUET;
        if (n.endsWith(".orc")) return Format.ORC;
        if (n.endsWith(".json") || n.endsWith(".jsonl")) return Format.JSON;
        if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) return Format.CSV;
        throw new UserException("--data: cannot tell the format of " + data + " from its name; pass --format csv|parquet|orc|json");
    }

    private static String firstLine(SparkSession spark, String data) {
        List<String> lines = spark.read().textFile(data).filter((org.apache.spark.api.java.function.FilterFunction<String>) s -> !s.isBlank()).takeAsList(1);
        if (lines.isEmpty()) return null;
        String s = lines.getFirst();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** The delimiter that occurs most often outside quotes in the header line (comma if none does), as {@code jgrad train} picks it. */
    static char delimiter(String header) {
        char[] candidates = {',', ';', '\t'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') quoted = !quoted;
            else if (!quoted) for (int d = 0; d < candidates.length; d++) if (c == candidates[d]) counts[d]++;
        }
        int best = 0;
        for (int d = 1; d < candidates.length; d++) if (counts[d] > counts[best]) best = d;
        return candidates[best];
    }
}
