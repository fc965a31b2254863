package jgrad.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Gaps;
import jgrad.cli.data.Notes;
import jgrad.cli.data.Prepared;
import jgrad.cli.data.Schema;
import jgrad.cli.model.Model;
import jgrad.cli.model.Network;
import jgrad.cli.model.Predictor;
import jgrad.cli.model.Training;
import jgrad.cli.report.Evaluation;
import jgrad.data.Scaler;
import jgrad.model.Mlp;

/**
 * {@code train --cv K}: k-fold cross-validation, seeded and stratified for classes. Each round tests on one fold and
 * trains on the others (a share of them kept for validation and patience), with the same settings; the report is
 * every test metric's mean ± standard deviation over the folds (numpy's, ddof 0), and each fold's figures.
 */
final class CrossValidation {
    private CrossValidation() {}

    record Fold(int index, int train, int validation, int test, int epochs, Map<String, Object> metrics) {}

    static List<Fold> run(CsvTable table, Schema schema, Scaler.Method method, int k, double validation, long seed, Gaps.Missing gaps,
                          boolean indicator, Mlp.Settings settings, PrintWriter out, boolean chatty) {
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            Prepared p = Prepared.fold(table, schema, method, k, f, validation, seed, gaps, indicator, new Notes());
            Mlp.Result r = Training.fit(p, settings, false, e -> {});
            Model model = new Model(p.schema(), p.scaler(), Network.layers(r.network()), settings.loss(), settings.dtype(), Map.of());
            Evaluation e = TrainCommand.evaluate(new Predictor(model, r.network()), p, p.test());
            Map<String, Object> metrics = new LinkedHashMap<>();
            e.json().forEach((name, v) -> {
                if (v instanceof Number n) metrics.put(name, n.doubleValue());
            });
            Fold fold = new Fold(f + 1, p.train().size(), p.validation().size(), p.test().size(), r.epochs().size(), metrics);
            folds.add(fold);
            if (chatty) {
                out.printf("fold %-4d %s  (%d train / %d validation / %d test rows, %d epochs)%n", fold.index(), shown(metrics, null),
                        fold.train(), fold.validation(), fold.test(), fold.epochs());
                out.flush();
            }
        }
        return folds;
    }

    /** Runs the folds, printing them and their mean when {@code talk}, and returns {@link #summary}'s report. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> report(PrintWriter o, CsvTable table, Schema schema, Scaler.Method method, int k, double validation, long seed,
                                      Gaps.Missing gaps, boolean indicator, Mlp.Settings settings, boolean talk) {
        if (table.size() < k) throw new UserException("--cv: " + table.source() + " has " + table.size() + " rows, too few for " + k + " folds");
        if (talk) {
            o.printf("cv        %d folds%s, seed %d: each fold is tested on once, the others train (%.0f%% of them validate)%n", k,
                    schema.classification() ? " (stratified)" : "", seed, 100 * validation);
        }
        Map<String, Object> report = summary(run(table, schema, method, k, validation, seed, gaps, indicator, settings, o, talk));
        if (talk) {
            o.println("cv mean   " + shown((Map<String, Object>) report.get("mean"), (Map<String, Object>) report.get("std"))
                    + "   (mean ± standard deviation over the folds)");
        }
        return report;
    }

    /** Each metric's mean and standard deviation over the folds. */
    static Map<String, Object> summary(List<Fold> folds) {
        Map<String, Object> mean = new LinkedHashMap<>(), std = new LinkedHashMap<>();
        for (String name : folds.getFirst().metrics().keySet()) {
            double[] v = folds.stream().mapToDouble(f -> (Double) f.metrics().get(name)).toArray();
            double m = java.util.Arrays.stream(v).average().orElse(Double.NaN);
            mean.put(name, m);
            std.put(name, Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).average().orElse(Double.NaN)));
        }
        List<Map<String, Object>> perFold = new ArrayList<>();
        for (Fold f : folds) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("fold", f.index());
            row.put("rows", jgrad.cli.report.Json.object("train", f.train(), "validation", f.validation(), "test", f.test()));
            row.put("epochs", f.epochs());
            row.putAll(f.metrics());
            perFold.add(row);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("folds", folds.size());
        s.put("mean", mean);
        s.put("std", std);
        s.put("per_fold", perFold);
        return s;
    }

    /** "accuracy 0.9750  macro_f1 0.9745", or with ± std. */
    @SuppressWarnings("unchecked")
    static String shown(Map<String, Object> mean, Map<String, Object> std) {
        StringBuilder b = new StringBuilder();
        for (var e : mean.entrySet()) {
            b.append(b.isEmpty() ? "" : "   ").append(e.getKey()).append(' ').append(String.format(java.util.Locale.ROOT, "%.4f", (Double) e.getValue()));
            if (std != null) b.append(" ± ").append(String.format(java.util.Locale.ROOT, "%.4f", (Double) std.get(e.getKey())));
        }
        return b.toString();
    }
}
