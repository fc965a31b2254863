package jgrad.cli.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jgrad.cli.UserException;
import jgrad.cli.data.CsvTable;
import jgrad.cli.model.Layer;
import jgrad.cli.model.Model;
import jgrad.cli.model.Training;

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
                error(ex, 403, refused);
                return;
            }
            route(ex, ex.getRequestMethod(), ex.getRequestURI().getRawPath());
        } catch (HttpError e) {
            error(ex, e.code, e.getMessage());
        } catch (UserException | IllegalArgumentException e) {
            error(ex, 400, e.getMessage());
        } catch (IOException e) {
            // the client went away; nothing to answer
        } catch (RuntimeException e) {
            System.err.println("jgrad studio: internal error on " + ex.getRequestURI().getRawPath() + ": " + e);
            error(ex, 500, "internal error (" + e.getClass().getSimpleName() + "); the server goes on");
        } finally {
            ex.close(); // after the catch clauses have answered (a try-with-resources would close first)
        }
    }

    private void route(HttpExchange ex, String method, String path) throws IOException {
        String[] parts = path.split("/", -1);
        if (path.equals("/") || path.startsWith("/static/")) {
            String name = path.equals("/") ? "index.html" : path.substring("/static/".length());
            Assets.Asset a = Assets.get(name);
            if (a == null) throw notFound("no such file: " + path);
            only(ex, "GET");
            send(ex, 200, a.type(), a.bytes());
            return;
        }
        switch (path) {
            case "/api/datasets" -> {
                only(ex, "GET");
                json(ex, 200, Map.of("datasets", sources.list()));
            }
            case "/api/upload" -> {
                only(ex, "POST");
                String name = query(ex, "name");
                byte[] body = body(ex, options.maxUploadBytes(), "upload: the file is larger than " + megabytes(options.maxUploadBytes()) + " (the studio's limit; train on it with jgrad train --data FILE)");
                json(ex, 200, sources.upload(name, utf8(body, name)));
            }
            case "/api/runs" -> {
                only(ex, "POST");
                json(ex, 200, create(params(ex)));
            }
            case "/api/formula" -> {
                only(ex, "POST");
                json(ex, 200, Lessons.formula(params(ex)));
            }
            case "/api/surface" -> {
                only(ex, "POST");
                json(ex, 200, Lessons.surface(params(ex)));
            }
            case "/api/live" -> {
                only(ex, "GET");
                LiveRun l = live;
                if (l == null) throw notFound("no live run: start one with jgrad train ... --live");
                json(ex, 200, l.info());
            }
            case "/api/live/events" -> {
                only(ex, "GET");
                LiveRun l = live;
                if (l == null) throw notFound("no live run: start one with jgrad train ... --live");
                stream(ex, l.channel);
            }
            default -> {
                if (parts.length == 5 && parts[1].equals("api") && parts[2].equals("runs")) {
                    run(ex, method, session(parts[3]), parts[4]);
                } else {
                    throw notFound("no such page: " + path);
                }
            }
        }
    }

    private void run(HttpExchange ex, String method, Session s, String what) throws IOException {
        switch (what) {
            case "events" -> {
                only(ex, "GET");
                stream(ex, s.channel);
            }
            case "control" -> {
                only(ex, "POST");
                Params p = params(ex);
                s.control(p.string("action"), p);
                json(ex, 200, Map.of("ok", true));
            }
            case "close" -> {
                only(ex, "POST");
                close(s);
                json(ex, 200, Map.of("ok", true));
            }
            case "explain" -> {
                only(ex, "GET");
                String row = query(ex, "row");
                json(ex, 200, s.explain(new Params(Map.of("row", row == null ? "0" : row)).integer("row", 0, 0, Integer.MAX_VALUE)));
            }
            case "model" -> {
                only(ex, "GET");
                ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"jgrad-model.json\"");
                send(ex, 200, "application/json", s.modelFile());
            }
            default -> throw notFound("no such page: " + ex.getRequestURI().getRawPath());
        }
    }

    private Session session(String id) {
        Session s = sessions.get(id);
        if (s == null) throw notFound("no run '" + id + "': it was closed (a tab left open without its page, or a restarted server); reload the page");
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
        int[] hidden;
        if (layers.isEmpty() || layers.equals("none")) {
            hidden = new int[0];
        } else {
            try {
                hidden = java.util.Arrays.stream(layers.split(",", -1)).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
            } catch (NumberFormatException e) {
                throw Params.bad("layers", layers, "comma-separated sizes such as 4,4, or none");
            }
            if (hidden.length > 6 || java.util.Arrays.stream(hidden).anyMatch(h -> h < 1 || h > 256)) {
                throw Params.bad("layers", layers, "at most 6 layers of 1 to 256 neurons, such as 4,4");
            }
        }
        Layer.Function act = Layer.Function.parse(p.string("activation", "tanh"));
        if (act != Layer.Function.RELU && act != Layer.Function.TANH && act != Layer.Function.SIGMOID) {
            throw Params.bad("activation", p.string("activation", ""), "relu|tanh|sigmoid");
        }
        Model.LossKind loss = Model.LossKind.parse(p.string("loss", "cross-entropy"));
        if (loss == null) throw Params.bad("loss", p.string("loss", ""), "mse|cross-entropy");
        Training.OptimizerKind opt;
        try {
            opt = Training.OptimizerKind.valueOf(p.string("optimizer", "sgd").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Params.bad("optimizer", p.string("optimizer", ""), "sgd|momentum|adam");
        }
        String batch = p.string("batch", "10");
        int b = batch.equals("full") ? 0 : new Params(Map.of("batch", batch)).integer("batch", 0, 0, 1_000_000);
        return new StudioRun.Config(p.string("data", "xor"), hidden, act, loss, opt, p.positive("lr", 0.1, 1e3), b,
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

    /** A refusal with its status code: 404 no such thing, 405 wrong method, 413 too large. */
    private static final class HttpError extends RuntimeException {
        final int code;

        HttpError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    private static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    private static void only(HttpExchange ex, String method) {
        if (!ex.getRequestMethod().equals(method)) {
            throw new HttpError(405, ex.getRequestURI().getRawPath() + " takes " + method + ", not " + ex.getRequestMethod());
        }
    }

    private static Params params(HttpExchange ex) throws IOException {
        byte[] body = body(ex, MAX_BODY, "request body larger than " + megabytes(MAX_BODY));
        if (body.length == 0) return new Params(Map.of());
        try {
            return new Params(JSON.readValue(body, new TypeReference<Map<String, Object>>() {}));
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage().startsWith("Unexpected end-of-input")) throw new UserException("the request body is not valid JSON: it ends too early");
            throw new UserException(e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException ? "the request body is not a JSON object" : "the request body is not valid JSON");
        }
    }

    /** The body, refusing more than {@code limit} bytes without reading them all. */
    private static byte[] body(HttpExchange ex, long limit, String tooLarge) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) throw new HttpError(413, tooLarge);
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (b.length > limit) throw new HttpError(413, tooLarge);
            return b;
        }
    }

    private static String utf8(byte[] body, String name) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserException((name == null ? "upload" : name) + ": not a UTF-8 text file");
        }
    }

    private static String query(HttpExchange ex, String key) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) return null;
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(key)) return java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    private static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
    }

    private static void json(HttpExchange ex, int code, Object value) throws IOException {
        send(ex, code, "application/json; charset=utf-8", JSON.writeValueAsBytes(value));
    }

    private static void error(HttpExchange ex, int code, String message) {
        try {
            json(ex, code, Map.of("error", message == null ? "bad request" : message));
        } catch (IOException | RuntimeException e) {
            // the response had started, or the client left: nothing more to say
        }
    }

    private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'");
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
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
