package jgrad.cli.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jgrad.cli.UserException;
import jgrad.cli.data.CsvTable;
import jgrad.cli.model.SavedLayer;

/**
 * One page's run: a training thread driven by run / pause / step / reset and a live learning rate.
 * The thread stops between batches (the engine's listener hook, before the update) while paused;
 * it never waits for a page. A reset starts the same configuration again: same seed, same initial weights.
 */
final class Session {
    static final int MAX_EPOCHS = Channel.MAX_EPOCHS;
    /** Running, the state is sent at most this often (a page draws ~10 frames a second, not one per batch). */
    private static final long FRAME_NANOS = 100_000_000;

    /** Thrown inside the training thread to end it (reset, close). */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    final String id;
    final Channel channel = new Channel();
    private final StudioRun.Config config;
    private final CsvTable table;
    private StudioRun run;
    private Thread thread;
    private int generation;
    private boolean playing;
    private int steps;
    private boolean stopped;
    private double lr;
    private final int speed;
    private String status = "paused";
    private String message = "";
    private int epoch;
    private int batch;
    private double batchLoss = Double.NaN;
    private List<SavedLayer> layers;
    private Map<String, Object> regions;
    private long lastFrame;
    private long lastEpoch;

    /** Builds the run (a bad configuration or data set throws here, before anything starts) and starts it paused. */
    Session(String id, StudioRun.Config config, CsvTable table, int epochsPerSecond) {
        this.id = id;
        this.config = config;
        this.table = table;
        this.speed = epochsPerSecond;
        this.lr = config.lr();
        this.run = new StudioRun(config, table);
        start();
    }

    Map<String, Object> info() {
        return run.info();
    }

    private synchronized void start() {
        int gen = ++generation;
        StudioRun r = run;
        layers = r.layers();
        regions = r.planar() ? r.regions() : null;
        status = "paused";
        epoch = 0;
        batchLoss = Double.NaN;
        publish();
        thread = Thread.ofPlatform().daemon().name("jgrad-studio-" + id).start(() -> train(r, gen));
    }

    private void train(StudioRun r, int gen) {
        try {
            r.train(new StudioRun.Driver() {
                @Override
                public double beforeUpdate(int e, int b, double loss) {
                    return gate(r, gen, e, b, loss);
                }

                @Override
                public void afterEpoch(Map<String, Object> e) {
                    pace(gen, e);
                }
            });
            finish(r, gen, "done", "all " + config.epochs() + " epochs ran");
        } catch (Stopped s) {
            // reset or closed: a newer thread (or none) takes over
        } catch (RuntimeException e) {
            finish(r, gen, "failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private synchronized double gate(StudioRun r, int gen, int e, int b, double loss) {
        if (stopped || gen != generation) throw new Stopped();
        epoch = e;
        batch = b;
        batchLoss = loss;
        long now = System.nanoTime();
        boolean pausing = !playing && steps == 0;
        if (pausing || now - lastFrame > FRAME_NANOS) snapshot(r, pausing ? "paused" : "running");
        while (!playing && steps == 0) {
            try {
                wait();
            } catch (InterruptedException ex) {
                throw new Stopped();
            }
            if (stopped || gen != generation) throw new Stopped();
        }
        if (!playing) steps--;
        return lr;
    }

    /** Records the epoch and, when a speed is set, waits so that the curves can be watched growing. */
    private synchronized void pace(int gen, Map<String, Object> e) {
        if (stopped || gen != generation) throw new Stopped();
        channel.epoch(e);
        if (speed <= 0) return;
        long due = lastEpoch + 1_000_000_000L / speed;
        for (long now = System.nanoTime(); playing && now < due; now = System.nanoTime()) {
            try {
                wait(Math.max(1, (due - now) / 1_000_000));
            } catch (InterruptedException ex) {
                throw new Stopped();
            }
            if (stopped || gen != generation) throw new Stopped();
        }
        lastEpoch = System.nanoTime();
    }

    private synchronized void finish(StudioRun r, int gen, String how, String why) {
        if (gen != generation) return;
        playing = false;
        message = why;
        snapshot(r, how);
    }

    /** On the training thread, between batches: the weights and regions are read while nothing changes them. */
    private void snapshot(StudioRun r, String newStatus) {
        status = newStatus;
        layers = r.layers();
        regions = r.planar() ? r.regions() : null;
        lastFrame = System.nanoTime();
        publish();
    }

    private void publish() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", status);
        s.put("message", message);
        s.put("epoch", epoch);
        s.put("batch", batch + 1);
        s.put("batch_loss", batchLoss);
        s.put("lr", lr);
        List<Map<String, Object>> dense = new ArrayList<>();
        for (SavedLayer l : layers) if (l instanceof SavedLayer.Dense d) dense.add(Map.of("weight", d.weight(), "bias", d.bias()));
        s.put("layers", dense);
        if (regions != null) s.put("regions", regions);
        channel.publish(s);
    }

    /** run, pause, step, reset, or lr with {@code value}. */
    void control(String action, Params p) {
        switch (action) {
            case "run" -> change(true, 0);
            case "pause" -> change(false, 0);
            case "step" -> change(false, p.integer("count", 1, 1, 10_000));
            case "lr" -> setLearningRate(p.positive("lr", Double.NaN, 1e3));
            case "reset" -> reset();
            default -> throw Params.bad("action", action, "run|pause|step|reset|lr");
        }
    }

    private synchronized void change(boolean play, int step) {
        if (status.equals("done") || status.equals("failed")) throw new UserException("the run has " + (status.equals("done") ? "finished" : "failed") + ": " + message + "; press Reset to start again");
        playing = play;
        steps += step;
        if (play) {
            status = "running";
            publish();
        }
        lastEpoch = System.nanoTime();
        notifyAll();
    }

    private synchronized void setLearningRate(double rate) {
        lr = rate;
        publish();
    }

    private void reset() {
        Thread old;
        synchronized (this) {
            generation++; // the old thread ends at its next hook
            old = thread;
            notifyAll();
            playing = false;
            steps = 0;
            message = "";
            lr = config.lr();
        }
        try {
            old.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            run = new StudioRun(config, table);
            channel.restart();
            start();
        }
    }

    /** Step mode on the weights the page shows now. */
    synchronized Map<String, Object> explain(int row) {
        return run.explain(layers, row, lr);
    }

    synchronized byte[] modelFile() {
        return run.modelFile(layers);
    }

    void close() {
        synchronized (this) {
            stopped = true;
            notifyAll();
        }
        channel.close();
    }
}
