package jgrad.cli.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jgrad.cli.UserException;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Datasets;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;

/**
 * The data sets a page may choose: the 2-D sets, the bundled ones, the one given with
 * {@code studio --data}, and CSV files uploaded from pages (the newest {@link #MAX_UPLOADS} kept).
 * Pages name them by key; a page never names a path on this machine.
 */
final class DataSources {
    static final int MAX_UPLOADS = 16;

    private final Map<String, CsvTable> fixed = new LinkedHashMap<>();
    private final LinkedHashMap<String, CsvTable> uploads = new LinkedHashMap<>();
    private int uploaded;

    DataSources(CsvTable preset) {
        if (preset != null) fixed.put("file:" + preset.source(), preset);
        for (String name : Toy2D.NAMES) fixed.put(name, null);
        for (String name : Datasets.BUNDLED) fixed.put(name, null);
    }

    synchronized List<Map<String, String>> list() {
        List<Map<String, String>> out = new ArrayList<>();
        for (String key : fixed.keySet()) out.add(Map.of("key", key, "label", label(key)));
        for (var e : uploads.entrySet()) out.add(Map.of("key", e.getKey(), "label", e.getValue().source() + " (uploaded)"));
        return out;
    }

    private static String label(String key) {
        if (key.startsWith("file:")) return key.substring(5);
        return Toy2D.NAMES.contains(key) ? key + " (2-D)" : key + " (bundled)";
    }

    synchronized CsvTable table(String key) {
        if (uploads.containsKey(key)) return uploads.get(key);
        if (!fixed.containsKey(key)) throw new UserException("data: no data set '" + key + "' (choose one of the list, or upload a CSV file)");
        CsvTable t = fixed.get(key);
        if (t != null) return t;
        return Toy2D.NAMES.contains(key) ? Toy2D.table(key) : Datasets.open(key);
    }

    /** Parses an uploaded file exactly as {@code jgrad train --data FILE} reads one; its errors name the file and line. */
    synchronized Map<String, Object> upload(String fileName, String text) {
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        CsvTable t = CsvTable.parse(name, text);
        Schema schema = Schema.infer(t, null, Target.Task.AUTO, Set.of());
        String key = "upload:" + (++uploaded);
        uploads.put(key, t);
        if (uploads.size() > MAX_UPLOADS) uploads.remove(uploads.keySet().iterator().next());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("label", name + " (uploaded)");
        m.put("rows", t.size());
        m.put("features", schema.features().size());
        m.put("target", schema.target().name());
        m.put("task", schema.classification() ? "classification" : "regression");
        return m;
    }
}
