package jgrad.cli.studio;

import jgrad.model.Mlp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.cli.data.Prepared;
import jgrad.cli.data.Target;
import jgrad.cli.model.SavedLayer;

/**
 * A {@code jgrad train --live} run as the studio page shows it (at {@code /#live}): the epochs as the
 * command's own trainer reports them, then the trained network. Read-only: the command line drives it.
 */
public final class LiveRun {
    final Channel channel = new Channel();
    private final Map<String, Object> info = new LinkedHashMap<>();
    private StudioServer server;

    LiveRun(String title, Map<String, Object> info) {
        this.info.putAll(info);
        this.info.put("title", title);
        channel.publish(Map.of("status", "running", "epoch", 0));
    }

    /** Starts a studio server on {@code port} (0: any free one) for this run and says where, on {@code err}. */
    public static LiveRun serve(int port, String data, Prepared prepared, Mlp.Settings s, PrintWriter err) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("data", data);
        info.put("task", prepared.schema().classification() ? "classification" : "regression");
        info.put("target", prepared.schema().target().name());
        if (prepared.schema().target() instanceof Target.Classes c) info.put("classes", c.classes());
        List<Integer> widths = new ArrayList<>();
        widths.add(prepared.schema().inputs());
        for (int h : s.hidden()) widths.add(h);
        widths.add(prepared.schema().outputs());
        info.put("widths", widths);
        info.put("inputs", prepared.schema().inputNames());
        info.put("activation", s.layers().activations().isEmpty() ? "identity" : s.layers().activations().getFirst().name());
        info.put("epochs", s.epochs());
        try {
            StudioServer server = new StudioServer(StudioServer.Options.defaults("127.0.0.1", port));
            LiveRun live = server.live("jgrad train --data " + data, info);
            live.server = server;
            err.println("live: watch this training at " + server.url() + "#live");
            err.flush();
            return live;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, Object> info() {
        return info;
    }

    /** One epoch as the command's trainer reported it. */
    public void epoch(Mlp.Epoch e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", e.epoch());
        m.put("loss", e.trainLoss());
        m.put("val_loss", e.validationLoss());
        m.put("score", e.trainScore());
        m.put("val_score", e.validationScore());
        channel.epoch(m);
        channel.publish(Map.of("status", "running", "epoch", e.epoch()));
    }

    /** Training ended: shows the test metrics ({@code train --json}'s) and the network, and keeps the page up until Ctrl-C. */
    public void finishAndServe(Map<String, Object> test, List<SavedLayer> layers, PrintWriter err) {
        List<Map<String, Object>> dense = new ArrayList<>();
        for (SavedLayer l : layers) if (l instanceof SavedLayer.Dense d) dense.add(Map.of("weight", d.weight(), "bias", d.bias()));
        channel.publish(Map.of("status", "done", "test", test, "layers", dense));
        err.println("live: training done; the page stays at " + server.url() + "#live until you press Ctrl-C");
        err.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }
}
