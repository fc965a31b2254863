package jgrad.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jgrad.cli.data.Feature;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import jgrad.data.Scaler;
import org.apache.spark.sql.Row;

/**
 * Turns a Spark row into network inputs and a target as {@code Schema.encode}, {@code labels} and
 * {@code values} do for a CSV row (numbers as they are, categories one-hot), then scales them with
 * the fitted parameters. Plain arrays and strings only: it is shipped to every executor.
 */
final class Encoder implements Serializable {
    private final int[] columns;
    private final int[] offsets;
    private final String[][] categories;
    private final int inputs;
    private final int target;
    private final String[] classes;
    private double[] offset, scale;
    private double targetOffset, targetScale = 1;
    private transient List<Map<String, Integer>> categoryIndex;
    private transient Map<String, Integer> classIndex;

    Encoder(Schema schema, List<String> header) {
        List<Feature> fs = schema.features();
        columns = new int[fs.size()];
        offsets = new int[fs.size()];
        categories = new String[fs.size()][];
        int at = 0;
        for (int k = 0; k < fs.size(); k++) {
            columns[k] = header.indexOf(fs.get(k).name());
            offsets[k] = at;
            if (fs.get(k) instanceof Feature.Categorical c) categories[k] = c.categories().toArray(String[]::new);
            at += fs.get(k).width();
        }
        inputs = at;
        target = header.indexOf(schema.target().name());
        classes = schema.target() instanceof Target.Classes c ? c.classes().toArray(String[]::new) : null;
        offset = new double[inputs];
        scale = new double[inputs];
        java.util.Arrays.fill(scale, 1);
    }

    int inputs() {
        return inputs;
    }

    boolean classification() {
        return classes != null;
    }

    /** Scaling from now on: inputs by {@code scaler}, a numeric target by its training mean and spread. */
    Encoder scaled(Scaler scaler, Target target) {
        offset = scaler.offset();
        scale = scaler.scale();
        if (target instanceof Target.Values v) {
            targetOffset = v.offset();
            targetScale = v.scale();
        }
        return this;
    }

    /** Row {@code r}'s inputs, scaled, into {@code x} from {@code at}. */
    void encode(Row r, double[] x, int at) {
        if (categoryIndex == null) index();
        for (int k = 0; k < columns.length; k++) {
            Object v = r.get(columns[k]);
            if (categories[k] == null) {
                x[at + offsets[k]] = Cell.number(v);
            } else {
                x[at + offsets[k] + categoryIndex.get(k).get(Cell.text(v))] = 1;
            }
        }
        for (int j = 0; j < inputs; j++) x[at + j] = (x[at + j] - offset[j]) / scale[j];
    }

    /** Row {@code r}'s class index (classification). */
    int label(Row r) {
        if (classIndex == null) index();
        return classIndex.get(Cell.text(r.get(target)));
    }

    /** Row {@code r}'s numeric target, unscaled (regression). */
    double value(Row r) {
        return Cell.number(r.get(target));
    }

    double scaleTarget(double y) {
        return (y - targetOffset) / targetScale;
    }

    double unscaleTarget(double y) {
        return y * targetScale + targetOffset;
    }

    private void index() {
        categoryIndex = new java.util.ArrayList<>();
        for (int k = 0; k < columns.length; k++) {
            Map<String, Integer> m = new HashMap<>();
            if (categories[k] != null) for (int c = 0; c < categories[k].length; c++) m.put(categories[k][c], c);
            categoryIndex.add(m);
        }
        classIndex = new HashMap<>();
        if (classes != null) for (int c = 0; c < classes.length; c++) classIndex.put(classes[c], c);
    }
}
