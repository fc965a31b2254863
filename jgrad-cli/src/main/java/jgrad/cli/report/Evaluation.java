package jgrad.cli.report;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.metrics.ClassificationMetrics;
import jgrad.metrics.RegressionMetrics;

/** How well a model did on one set of labelled rows, as text for people and as a map for JSON. */
public sealed interface Evaluation {

    /** The headline number: accuracy for classes, R² for numbers. */
    double score();

    void print(PrintWriter out, String label);

    Map<String, Object> json();

    private static String prefix(String label) {
        return label.isEmpty() ? "" : label + " ";
    }

    static Evaluation classes(int[] actual, int[] predicted, List<String> classes) {
        return new Classes(ClassificationMetrics.of(actual, predicted, classes.size()), classes);
    }

    static Evaluation values(double[] actual, double[] predicted) {
        return new Values(RegressionMetrics.of(actual, predicted));
    }

    record Classes(ClassificationMetrics metrics, List<String> classes) implements Evaluation {
        @Override
        public double score() {
            return metrics.accuracy();
        }

        /** A scikit-learn style classification report, then the confusion matrix. */
        @Override
        public void print(PrintWriter out, String label) {
            out.printf("%saccuracy %.4f   macro F1 %.4f%n%n", prefix(label), metrics.accuracy(), metrics.macroF1());
            int w = Math.max(9, classes.stream().mapToInt(String::length).max().orElse(0) + 2);
            out.printf("%-" + w + "s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1-score", "support");
            int[] scored = metrics.labels();
            for (int c = 0; c < classes.size(); c++) {
                if (java.util.Arrays.binarySearch(scored, c) >= 0) {
                    out.printf("%-" + w + "s %9.4f %9.4f %9.4f %8d%n", classes.get(c), metrics.precision()[c], metrics.recall()[c], metrics.f1()[c], metrics.support()[c]);
                } else { // neither in the rows nor predicted: nothing to score, and not in the macro average
                    out.printf("%-" + w + "s %9s %9s %9s %8d%n", classes.get(c), "-", "-", "-", 0);
                }
            }
            out.printf("%-" + w + "s %9.4f %9.4f %9.4f %8d%n%n", "macro avg", metrics.macroPrecision(), metrics.macroRecall(), metrics.macroF1(),
                    java.util.Arrays.stream(metrics.support()).sum());
            out.println("confusion matrix (rows: actual class, columns: predicted class)");
            int cw = Math.max(4, classes.stream().mapToInt(String::length).max().orElse(0) + 1);
            StringBuilder head = new StringBuilder(" ".repeat(w));
            for (String c : classes) head.append(String.format("%" + cw + "s", c));
            out.println(head);
            for (int a = 0; a < classes.size(); a++) {
                StringBuilder row = new StringBuilder(String.format("%-" + w + "s", classes.get(a)));
                for (int p = 0; p < classes.size(); p++) row.append(String.format("%" + cw + "d", metrics.confusion()[a][p]));
                out.println(row);
            }
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accuracy", metrics.accuracy());
            m.put("macro_f1", metrics.macroF1());
            m.put("macro_precision", metrics.macroPrecision());
            m.put("macro_recall", metrics.macroRecall());
            Map<String, Object> perClass = new LinkedHashMap<>();
            for (int c = 0; c < classes.size(); c++) {
                perClass.put(classes.get(c), Json.object("precision", metrics.precision()[c], "recall", metrics.recall()[c], "f1", metrics.f1()[c],
                        "support", metrics.support()[c]));
            }
            m.put("per_class", perClass);
            m.put("confusion_matrix", metrics.confusion());
            return m;
        }
    }

    record Values(RegressionMetrics metrics) implements Evaluation {
        @Override
        public double score() {
            return metrics.r2();
        }

        @Override
        public void print(PrintWriter out, String label) {
            out.printf("%sR² %.4f   RMSE %.6g   MAE %.6g%n", prefix(label), metrics.r2(), metrics.rmse(), metrics.mae());
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("r2", metrics.r2());
            m.put("rmse", metrics.rmse());
            m.put("mae", metrics.mae());
            return m;
        }
    }
}
