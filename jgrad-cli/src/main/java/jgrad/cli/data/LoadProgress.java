package jgrad.cli.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar in megabytes while a large file loads; only on a terminal, as training's. */
final class LoadProgress implements AutoCloseable {
    /** Smaller files load in about a second: no bar. */
    static final long THRESHOLD = 32L << 20;

    private final ProgressBar bar;

    private LoadProgress(ProgressBar bar) {
        this.bar = bar;
    }

    static LoadProgress start(boolean wanted, Path path, long bytes) {
        var console = System.console();
        boolean terminal = wanted && bytes >= THRESHOLD && console != null && console.isTerminal();
        return new LoadProgress(terminal
                ? new ProgressBarBuilder().setTaskName("load " + path.getFileName()).setInitialMax(bytes >> 20).setUnit(" MB", 1)
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(200).continuousUpdate().build()
                : null);
    }

    /** {@code in}, moving the bar as it is read. */
    InputStream counting(InputStream in) {
        if (bar == null) return in;
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) bar.stepTo((read += n) >> 20);
                return n;
            }
        };
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
