package jgrad.cli.studio;

import jgrad.nn.LayerSpec;
import jgrad.function.Activations;
import jgrad.function.Activation;
import jgrad.model.LossKind;
import jgrad.model.Mlp;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jgrad.cli.UserException;
import jgrad.cli.data.CsvTable;

/**
 * The studio's web server (the JDK's built-in one): the page and its scripts from the jar, a JSON
 * API for controls, and one server-sent-event stream per run. Every request is checked by
 * {@link Guard}; every failure is a 4xx with one line of JSON {@code {"error": ...}}, and the server
 * goes on serving.
 */
public final class StudioServer implements AutoCloseable {

    /** @param idleMillis a run no page has watched for this long is stopped (a closed tab) */
    public record Options(String host, int port, long maxUploadBytes, CsvTable preset, long idleMillis, int maxRuns) {
        public static Options defaults(String host, int port) {
            return new Options(host, port, 8L << 20, null, 10_000, 16);
        }
    }

    static final int MAX_BODY = 64 << 10;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final long HEARTBEAT_MILLIS = 2_000;
    /** At most 20 frames a second to a page: epochs that come faster arrive together in the next frame. */
    private static final long FRAME_GAP_MILLIS = 50;

    private final Options options;
    private final HttpServer http;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("jgrad-studio-reaper").unstarted(r));
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final DataSources sources;
    private final SecureRandom random = new SecureRandom();
    private final Guard guard;
    private volatile LiveRun live;

    public StudioServer(Options options) throws IOException {
        this.options = options;
        this.sources = new DataSources(options.preset());
        try {
            this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 0);
        } catch (java.net.BindException e) {
            throw new UserException("--port: cannot listen on " + options.host() + ":" + options.port() + " (" + e.getMessage()
                    + "); choose another port, or --port 0 for any free one");
        }
        this.guard = new Guard(options.host(), http.getAddress().getPort());
        http.setExecutor(handlers);
        http.createContext("/", this::handle);
        http.start();
        reaper.scheduleWithFixedDelay(this::reap, 500, 500, TimeUnit.MILLISECONDS);
    }

    public String url() {
        String h = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        if (h.equals("0.0.0.0") || h.equals("[::]")) h = "127.0.0.1";
        return "http://" + h + ":" + http.getAddress().getPort() + "/";
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The stream of a {@code jgrad train --live} run in this process, shown at {@code /#live}. */
    LiveRun live(String title, Map<String, Object> info) {
        LiveRun l = new LiveRun(title, info);
        live = l;
        return l;
    }

    int runs() {
        return sessions.size();
    }

    private void reap() {
        for (Session s : sessions.values()) {
            if (s.channel.idleMillis() > options.idleMillis()) close(s);
        }
    }

    private void close(Session s) {
        sessions.remove(s.id);
        s.close();
    }

    private void handle(HttpExchange ex) {
        try {
            String refused = guard.check(ex.getRequestHeaders().getFirst("Host"), ex.getRequestHeaders().getFirst("Origin"));
            if (refused != null) {
                Http.error(ex, 403, refused);
                return;
            }
            route(ex, ex.getRequestMethod(), ex.getRequestURI().getRawPath());
        } catch (Http.HttpError e) {
            Http.error(ex, e.code, e.getMessage());
        } catch (UserException | IllegalArgumentException e) {
            Http.error(ex, 400, e.getMessage());
        } catch (IOException e) {
            // the client went away; nothing to answer
        } catch (RuntimeException e) {
            System.err.println("jgrad studio: internal error on " + ex.getRequestURI().getRawPath() + ": " + e);
            Http.error(ex, 500, "internal error (" + e.getClass().getSimpleName() + "); the server goes on");
        } finally {
            ex.close(); // after the catch clauses have answered (a try-with-resources would close first)
        }
    }

    private void route(HttpExchange ex, String method, String path) throws IOException {
        String[] parts = path.split("/", -1);
        if (path.equals("/") || path.startsWith("/static/")) {
            String name = path.equals("/") ? "index.html" : path.substring("/static/".length());
            Assets.Asset a = Assets.get(name);
            if (a == null) throw Http.notFound("no such file: " + path);
            Http.only(ex, "GET");
            Http.send(ex, 200, a.type(), a.bytes());
            return;
        }
        switch (path) {
            case "/api/datasets" -> {
                Http.only(ex, "GET");
                Http.json(ex, 200, Map.of("datasets", sources.list()));
            }
            case "/api/upload" -> {
                Http.only(ex, "POST");
                String name = Http.query(ex, "name");
                byte[] body = Http.body(ex, options.maxUploadBytes(), "upload: the file is larger than " + Http.megabytes(options.maxUploadBytes()) + " (the studio's limit; train on it with jgrad train --data FILE)");
                Http.json(ex, 200, sources.upload(name, Http.utf8(body, name)));
            }
            case "/api/runs" -> {
                Http.only(ex, "POST");
                Http.json(ex, 200, create(Http.params(ex)));
            }
            case "/api/formula" -> {
                Http.only(ex, "POST");
                Http.json(ex, 200, Lessons.formula(Http.params(ex)));
            }
            case "/api/surface" -> {
                Http.only(ex, "POST");
                Http.json(ex, 200, Lessons.surface(Http.params(ex)));
            }
            case "/api/live" -> {
                Http.only(ex, "GET");
                LiveRun l = live;
                if (l == null) throw Http.notFound("no live run: start one with jgrad train ... --live");
                Http.json(ex, 200, l.info());
            }
            case "/api/live/events" -> {
                Http.only(ex, "GET");
                LiveRun l = live;
                if (l == null) throw Http.notFound("no live run: start one with jgrad train ... --live");
                stream(ex, l.channel);
            }
            default -> {
                if (parts.length == 5 && parts[1].equals("api") && parts[2].equals("runs")) {
                    run(ex, method, session(parts[3]), parts[4]);
                } else {
                    throw Http.notFound("no such page: " + path);
                }
            }
        }
    }

    private void run(HttpExchange ex, String method, Session s, String what) throws IOException {
        switch (what) {
            case "events" -> {
                Http.only(ex, "GET");
                stream(ex, s.channel);
            }
            case "control" -> {
                Http.only(ex, "POST");
                Params p = Http.params(ex);
                s.control(p.string("action"), p);
                Http.json(ex, 200, Map.of("ok", true));
            }
            case "close" -> {
                Http.only(ex, "POST");
                close(s);
                Http.json(ex, 200, Map.of("ok", true));
            }
            case "explain" -> {
                Http.only(ex, "GET");
                String row = Http.query(ex, "row");
                Http.json(ex, 200, s.explain(new Params(Map.of("row", row == null ? "0" : row)).integer("row", 0, 0, Integer.MAX_VALUE)));
            }
            case "model" -> {
                Http.only(ex, "GET");
                ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"jgrad-model.json\"");
                Http.send(ex, 200, "application/json", s.modelFile());
            }
            default -> throw Http.notFound("no such page: " + ex.getRequestURI().getRawPath());
        }
    }

    private Session session(String id) {
        Session s = sessions.get(id);
        if (s == null) throw Http.notFound("no run '" + id + "': it was closed (a tab left open without its page, or a restarted server); reload the page");
        return s;
    }

    private Map<String, Object> create(Params p) {
        if (sessions.size() >= options.maxRuns()) {
            throw new UserException("too many runs at once (" + options.maxRuns() + "); close some studio tabs");
        }
        StudioRun.Config c = config(p);
        Session s = new Session(HexFormat.of().formatHex(bytes()), c, sources.table(c.data()),
                p.integer("speed", 30, 0, 10_000));
        sessions.put(s.id, s);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id);
        out.put("info", s.info());
        return out;
    }

    private byte[] bytes() {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return b;
    }

    /** The run's settings from the page's form, each checked with a message naming its field. */
    static StudioRun.Config config(Params p) {
        String layers = p.string("layers", "4");
        Activation act = Activations.byName(p.string("activation", "tanh"));
        if (act == null || act == Activations.IDENTITY) {
            throw Params.bad("activation", p.string("activation", ""), jgrad.cli.model.Network.hiddenActivationNames());
        }
        LayerSpec spec;
        if (layers.isEmpty() || layers.equals("none")) {
            spec = LayerSpec.of(new int[0], act);
        } else if (!layers.contains("(") && !layers.contains("|")) {
            try {
                spec = LayerSpec.of(java.util.Arrays.stream(layers.split(",", -1)).mapToInt(s -> Integer.parseInt(s.strip())).toArray(), act);
            } catch (NumberFormatException e) {
                throw Params.bad("layers", layers, "comma-separated sizes such as 4,4, or none");
            }
        } else { // the layer grammar of train --layers; each layer names its activation
            try {
                spec = LayerSpec.parse(layers);
            } catch (jgrad.nn.LayerSpecException e) {
                throw Params.bad("layers", layers, "the layer grammar, e.g. tanh(4)|dropout(0.1)|relu(4): " + e.getMessage());
            }
        }
        int[] hidden = spec.hidden();
        if (hidden.length > 6 || java.util.Arrays.stream(hidden).anyMatch(h -> h < 1 || h > 256)) {
            throw Params.bad("layers", layers, "at most 6 layers of 1 to 256 neurons, such as 4,4");
        }
        LossKind loss = LossKind.parse(p.string("loss", "cross-entropy"));
        if (loss == null) throw Params.bad("loss", p.string("loss", ""), "mse|cross-entropy");
        Mlp.OptimizerKind opt;
        try {
            opt = Mlp.OptimizerKind.valueOf(p.string("optimizer", "sgd").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Params.bad("optimizer", p.string("optimizer", ""), "sgd|momentum|adam");
        }
        String batch = p.string("batch", "10");
        int b = batch.equals("full") ? 0 : new Params(Map.of("batch", batch)).integer("batch", 0, 0, 1_000_000);
        return new StudioRun.Config(p.string("data", "xor"), spec, loss, opt, p.positive("lr", 0.1, 1e3), b,
                (long) p.number("seed", 0, 0, 1e15), p.integer("epochs", 500, 1, Session.MAX_EPOCHS), p.number("weight_decay", 0, 0, 10));
    }

    /** Server-sent events: the newest state whenever it changes, a comment as heartbeat (it also finds closed tabs). */
    private void stream(HttpExchange ex, Channel channel) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        channel.subscribe();
        try {
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            long seen = -1;
            int generation = -1, cursor = 0;
            while (!channel.closed()) {
                Channel.Frame f = channel.next(seen, generation, cursor, HEARTBEAT_MILLIS);
                if (f == null) {
                    out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    Map<String, Object> frame = new LinkedHashMap<>();
                    frame.put("state", f.state());
                    frame.put("restart", f.generation() != generation);
                    frame.put("epochs", f.epochs());
                    out.write(("event: frame\ndata: " + JSON.writeValueAsString(frame) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    seen = f.version();
                    generation = f.generation();
                    cursor = f.from() + f.epochs().size();
                    out.flush();
                    Thread.sleep(FRAME_GAP_MILLIS);
                    continue;
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            channel.unsubscribe();
        }
    }

    @Override
    public void close() {
        http.stop(0);
        reaper.shutdownNow();
        sessions.values().forEach(this::close);
        LiveRun l = live;
        if (l != null) l.channel.close();
        handlers.shutdownNow();
    }
}
