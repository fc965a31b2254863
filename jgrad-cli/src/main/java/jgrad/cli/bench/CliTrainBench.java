package jgrad.cli.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import jgrad.cli.Main;

/**
 * W5, the CLI's real path: {@code jgrad train} with its defaults (digits, one hidden layer of 64 ReLU, Adam
 * lr 0.01 with weight decay 1e-3, batches of 32, seeded shuffling, validation loss every epoch) in float32 and
 * float64, all 200 epochs ({@code --patience 0}, so every run does the same work). One untimed run, then a
 * timed one, in the same JVM; the time is the training's own (train's {@code seconds}, data loading left out).
 * The PyTorch peer {@code jgrad-bench/peers/w5_torch.py} trains the same model with the same optimiser and
 * batch size on the same rows.
 */
public final class CliTrainBench {
    private CliTrainBench() {}

    /**
     * The one call into the CLI's training (re-point it here when the training path changes): runs
     * {@code jgrad train --dtype DTYPE --patience 0 --json --quiet} and returns its JSON report line.
     */
    static String train(String dtype) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Main.run(new PrintWriter(out), new PrintWriter(err), "train", "--dtype", dtype, "--patience", "0", "--json", "--quiet");
        if (rc != 0) throw new IllegalStateException("jgrad train failed (exit " + rc + "): " + err);
        String[] lines = out.toString().strip().split("\n");
        return lines[lines.length - 1];
    }

    public static Map<String, Object> run(String dtype) {
        train(dtype); // warm-up run: the JIT compiles the training path
        Timer t = new Timer();
        t.start();
        String report = train(dtype);
        t.stop();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("samples_per_s", number(report, "samples_per_second"));
        t.into(r); // the whole command (data loading and evaluation too); "train_seconds" is the training alone
        r.put("train_seconds", number(report, "seconds"));
        r.put("dtype", dtype);
        r.put("epochs", number(report, "epochs"));
        r.put("train_rows", number(report, "\"train\""));
        r.put("test_accuracy", number(report, "accuracy"));
        return r;
    }

    /** The first number after {@code "key":} in a JSON line (the keys read here occur once). */
    static double number(String json, String key) {
        String k = key.startsWith("\"") ? key + ":" : "\"" + key + "\":";
        int at = json.indexOf(k);
        if (at < 0) throw new IllegalStateException("no " + key + " in " + json);
        int from = at + k.length(), to = from;
        while (to < json.length() && "+-.0123456789eE".indexOf(json.charAt(to)) >= 0) to++;
        return Double.parseDouble(json.substring(from, to));
    }
}
