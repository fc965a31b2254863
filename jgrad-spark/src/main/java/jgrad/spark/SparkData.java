package jgrad.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jgrad.cli.UserException;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.data.Scaler;
import jgrad.data.Split;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A {@code Dataset<Row>} made ready for training the way {@code jgrad train} prepares a CSV file:
 * the schema inferred with the same rules and errors, the same seeded (stratified) split of the rows
 * in the data's order, scaling fitted on the training rows, and every partition's rows encoded into
 * a {@link Block} that Spark caches. Rows are numbered in the data's order (a file's order) and
 * dealt to partitions by that number, so the result does not depend on how the input was split.
 */
public final class SparkData {

    /** The flags of {@code jgrad train} that decide the preparation. */
    public record Options(String target, Set<String> only, Set<String> categorical, Target.Task task, Scaler.Method scale, double[] fractions,
                   long seed, int partitions) {}

    /** The prepared data: cached blocks (one per partition) and what the model file needs. */
    record Prepared(Schema schema, Scaler scaler, Encoder encoder, JavaRDD<Block> blocks, long rows, int train, int validation, int test) {}

    private final Dataset<Row> data;
    private final SchemaInference columns;
    private final Options options;
    private final int target;
    private final List<Integer> used;
    private JavaPairRDD<Long, Row> indexed;
    private long rows;
    private Schema schema;

    private SparkData(Dataset<Row> data, SchemaInference columns, Options options) {
        this.data = data;
        this.columns = columns;
        this.options = options;
        this.target = columns.target(options.target(), options.categorical(), options.only());
        used = new ArrayList<>(columns.featureColumns(target, options.only()));
        used.add(target);
    }

    /**
     * Checks the columns the flags name and infers the schema; {@code source} names the data in errors,
     * {@code csvLines} when row i is line i + 2 of one CSV file.
     */
    static SparkData of(Dataset<Row> data, String source, boolean csvLines, Options options) {
        Dataset<Row> flat = Vectors.expand(data);
        SparkData d = new SparkData(flat, new SchemaInference(source, List.of(flat.columns()), csvLines), options);
        d.inferSchema();
        return d;
    }

    public Schema schema() {
        return schema;
    }

    private void inferSchema() {
        indexed = data.javaRDD().zipWithIndex().mapToPair(Tuple2::swap).persist(StorageLevel.MEMORY_AND_DISK());
        int width = columns.header().size();
        boolean[] distinct = new boolean[width];
        DataType[] types = Arrays.stream(data.schema().fields()).map(f -> f.dataType()).toArray(DataType[]::new);
        for (int j : used) distinct[j] = j == target || options.categorical().contains(columns.header().get(j)) || !(types[j] instanceof NumericType);
        int[] cols = used.stream().mapToInt(Integer::intValue).toArray();
        List<Tuple2<ColumnStats[], Long>> parts = indexed.mapPartitions(it -> {
            ColumnStats[] s = new ColumnStats[width];
            for (int j : cols) s[j] = new ColumnStats(distinct[j]);
            long n = 0;
            while (it.hasNext()) {
                Tuple2<Long, Row> t = it.next();
                for (int j : cols) s[j].add(t._2().get(j), t._1());
                n++;
            }
            return List.of(new Tuple2<>(s, n)).iterator();
        }).collect();
        ColumnStats[] all = new ColumnStats[width]; // a data set may have no partitions at all
        for (int j : cols) all[j] = new ColumnStats(distinct[j]);
        for (Tuple2<ColumnStats[], Long> p : parts) {
            for (int j : cols) all[j].merge(p._1()[j]);
            rows += p._2();
        }
        try {
            schema = columns.infer(all, rows, target, options.task(), options.categorical(), options.only());
        } catch (UserException e) {
            indexed.unpersist(false);
            throw e;
        }
    }

    /** Splits, fits the scaling and builds the cached blocks; targets laid out for {@code net}'s loss. */
    Prepared prepare(EngineBridge.Net net) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
        Encoder encoder = new Encoder(schema, columns.header());
        double[] f = options.fractions();
        Split split = schema.classification() ? Split.stratified(labels(encoder), f, options.seed()) : Split.random((int) rows, f, options.seed());
        checkSplit(split, f);
        byte[] part = new byte[(int) rows];
        int[] pos = new int[(int) rows];
        int[][] members = {split.train(), split.validation(), split.test()};
        for (int p = 0; p < 3; p++) for (int k = 0; k < members[p].length; k++) {
            part[members[p][k]] = (byte) p;
            pos[members[p][k]] = k;
        }
        Broadcast<byte[]> partB = sc.broadcast(part);
        Broadcast<int[]> posB = sc.broadcast(pos);
        Fit fit = Fit.of(indexed, encoder, partB, schema, options.scale(), split.train().length);
        Schema fitted = fit.target() == null ? schema : schema.withTarget(fit.target());
        encoder.scaled(fit.scaler(), fitted.target());
        int width = net.targetWidth(), inputs = encoder.inputs(), partitions = options.partitions();
        // row i goes to partition i mod N, as encoded arrays: one piece per input partition and training partition
        JavaRDD<Block> blocks = indexed.mapPartitionsToPair(it -> {
            BlockBuilder[] to = new BlockBuilder[partitions];
            while (it.hasNext()) {
                Tuple2<Long, Row> t = it.next();
                long i = t._1();
                int p = (int) (i % partitions);
                if (to[p] == null) to[p] = new BlockBuilder(inputs, width);
                to[p].add(encoder, t._2(), i, partB.value()[(int) i], posB.value()[(int) i]);
            }
            List<Tuple2<Integer, BlockBuilder>> out = new ArrayList<>();
            for (int p = 0; p < partitions; p++) if (to[p] != null) out.add(new Tuple2<>(p, to[p].trimmed()));
            return out.iterator();
        }).partitionBy(new HashPartitioner(partitions)).mapPartitions(it -> {
            List<BlockBuilder> pieces = new ArrayList<>();
            it.forEachRemaining(t -> pieces.add(t._2()));
            return List.of(BlockBuilder.block(pieces, inputs, width)).iterator();
        }, true).persist(StorageLevel.MEMORY_ONLY());
        blocks.count();
        // the broadcasts stay: a lost block is rebuilt from its lineage, which reads them
        indexed.unpersist(false);
        return new Prepared(fitted, fit.scaler(), encoder, blocks, rows, split.train().length, split.validation().length, split.test().length);
    }

    /** Every row's class index, in the data's order (the stratified split needs them all; 4 bytes a row). */
    private int[] labels(Encoder encoder) {
        int[] labels = new int[(int) rows];
        for (long[] p : indexed.mapPartitions(it -> {
            LongList pairs = new LongList();
            while (it.hasNext()) {
                Tuple2<Long, Row> t = it.next();
                pairs.add(t._1() << 32 | encoder.label(t._2()));
            }
            return List.of(pairs.toArray()).iterator();
        }).collect()) {
            for (long rowAndLabel : p) labels[(int) (rowAndLabel >>> 32)] = (int) rowAndLabel;
        }
        return labels;
    }

    /** A growable long[] (boxing millions of rows would cost more than the rows). */
    static final class LongList {
        private long[] a = new long[16];
        private int n;

        void add(long v) {
            if (n == a.length) a = Arrays.copyOf(a, 2 * n);
            a[n++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** As {@code Prepared.of}: a part asked for but left empty is an error that says what to do. */
    private void checkSplit(Split split, double[] fractions) {
        String[] parts = {"training", "validation", "test"};
        int[] sizes = {split.train().length, split.validation().length, split.test().length};
        for (int i = 0; i < 3; i++) {
            if (fractions[i] > 0 && sizes[i] == 0) {
                throw new UserException("--split: " + rows + " rows leave no " + parts[i] + " rows; use more rows"
                        + (i == 0 ? "" : ", or give the " + parts[i] + " part 0 (e.g. --split 1,0,0 trains on every row and reports training metrics)"));
            }
        }
    }

    /** Spark ML's vector columns, as MLlib estimators read features, become one numeric column per element. */
    static final class Vectors {
        private Vectors() {}

        static Dataset<Row> expand(Dataset<Row> data) {
            List<Column> out = new ArrayList<>();
            boolean any = false;
            for (var field : data.schema().fields()) {
                Column c = data.col("`" + field.name() + "`");
                if (field.dataType() instanceof org.apache.spark.ml.linalg.VectorUDT) {
                    Row first = data.select(c).head();
                    int size = ((org.apache.spark.ml.linalg.Vector) first.get(0)).size();
                    Column array = org.apache.spark.ml.functions.vector_to_array(c, "float64");
                    for (int i = 0; i < size; i++) out.add(array.getItem(i).as(field.name() + "_" + i));
                    any = true;
                } else {
                    out.add(c);
                }
            }
            return any ? data.select(out.toArray(Column[]::new)) : data;
        }
    }
}
