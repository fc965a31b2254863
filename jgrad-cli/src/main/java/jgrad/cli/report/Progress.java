package jgrad.cli.report;

import jgrad.model.Mlp;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar over epochs with the latest loss and accuracy, on standard error. Drawn only on
 * an interactive terminal: in a pipe, a log file or a test, the redrawn line would be noise.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final String scoreName;
    private boolean showRate;

    private Progress(ProgressBar bar, String scoreName) {
        this.bar = bar;
        this.scoreName = scoreName;
    }

    public static Progress start(boolean wanted, int epochs, boolean classes) {
        var console = System.console();
        boolean terminal = wanted && console != null && console.isTerminal();
        ProgressBar bar = terminal
                ? new ProgressBarBuilder().setTaskName("train").setInitialMax(epochs).setUnit(" epochs", 1)
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(100).continuousUpdate().hideEta().build()
                : null;
        return new Progress(bar, classes ? "acc" : "R²");
    }

    /** Also show each epoch's learning rate (when a schedule moves it). */
    public Progress showingRate(boolean on) {
        showRate = on;
        return this;
    }

    /** Whether a bar is drawn (and so wants the per-epoch scores). */
    public boolean shown() {
        return bar != null;
    }

    public void epoch(Mlp.Epoch e) {
        if (bar == null) return;
        bar.stepTo(e.epoch());
        bar.setExtraMessage(String.format(" loss %.4f  val %.4f  %s %.3f/%.3f", e.trainLoss(), e.validationLoss(), scoreName, e.trainScore(), e.validationScore())
                + (showRate ? String.format("  lr %.3g", e.learningRate()) : ""));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.maxHint(bar.getCurrent()); // early stopping ends before the maximum: show the bar full
            bar.close();
        }
    }
}
