package jgrad.metrics;

import java.util.Arrays;

/**
 * Accuracy, per-class precision/recall/F1 and the confusion matrix, as scikit-learn's
 * {@code classification_report} computes them. A class that is never predicted has precision 0
 * (not NaN) and a class that never occurs has recall 0, so macro averages stay defined.
 * Macro averages run over {@link #labels()}, the classes that occur or are predicted, as
 * {@code f1_score(average='macro')} does without {@code labels=}: a class absent from both has
 * nothing to score, and counting it as 0 would punish a model for a test set that lacks it.
 *
 * @param confusion {@code confusion[actual][predicted]} counts
 */
public record ClassificationMetrics(
        int[][] confusion, double accuracy, double[] precision, double[] recall, double[] f1, int[] support) {

    /** Compares predicted with actual class indices in {@code 0..classes-1}. */
    public static ClassificationMetrics of(int[] actual, int[] predicted, int classes) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("metrics: " + actual.length + " labels but " + predicted.length + " predictions");
        }
        int[][] confusion = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) confusion[actual[i]][predicted[i]]++;
        int correct = 0;
        double[] precision = new double[classes], recall = new double[classes], f1 = new double[classes];
        int[] support = new int[classes];
        for (int c = 0; c < classes; c++) {
            int predictedC = 0;
            for (int a = 0; a < classes; a++) {
                support[c] += confusion[c][a];
                predictedC += confusion[a][c];
            }
            int tp = confusion[c][c];
            correct += tp;
            precision[c] = predictedC == 0 ? 0 : (double) tp / predictedC;
            recall[c] = support[c] == 0 ? 0 : (double) tp / support[c];
            double sum = precision[c] + recall[c];
            f1[c] = sum == 0 ? 0 : 2 * precision[c] * recall[c] / sum;
        }
        double accuracy = actual.length == 0 ? 0 : (double) correct / actual.length;
        return new ClassificationMetrics(confusion, accuracy, precision, recall, f1, support);
    }

    /** The classes that occur in the actual labels or in the predictions, in index order. */
    public int[] labels() {
        return java.util.stream.IntStream.range(0, support.length)
                .filter(c -> support[c] > 0 || Arrays.stream(confusion).anyMatch(row -> row[c] > 0)).toArray();
    }

    /** Unweighted mean of the per-class F1 scores over {@link #labels()}: every class counts the same, however rare. */
    public double macroF1() {
        return macro(f1);
    }

    public double macroPrecision() {
        return macro(precision);
    }

    public double macroRecall() {
        return macro(recall);
    }

    private double macro(double[] perClass) {
        return Arrays.stream(labels()).mapToDouble(c -> perClass[c]).average().orElse(0);
    }

    /** Index of the largest value in each row: the predicted class from scores or probabilities. */
    public static int[] argmax(double[][] scores) {
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int best = 0;
            for (int j = 1; j < scores[i].length; j++) if (scores[i][j] > scores[i][best]) best = j;
            out[i] = best;
        }
        return out;
    }
}
