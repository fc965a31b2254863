package jgrad.cli.studio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A plain java.net.http client for the studio's API, as the tests (and scripts) talk to it. */
final class StudioClient {
    static final ObjectMapper JSON = new ObjectMapper();
    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StudioClient(StudioServer server) {
        this.base = server.url();
    }

    record Reply(int status, Map<String, Object> json, String text) {}

    Reply get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).GET(), headers);
    }

    Reply post(String path, String body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    Reply post(String path, Map<String, ?> body) {
        try {
            return post(path, JSON.writeValueAsString(body), "Content-Type", "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(HttpRequest.Builder b, String... headers) {
        if (headers.length > 0) b.headers(headers);
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json") && r.body().startsWith("{")
                    ? JSON.readValue(r.body(), new TypeReference<Map<String, Object>>() {}) : null;
            return new Reply(r.statusCode(), json, r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    String createRun(Map<String, ?> settings) {
        Reply r = post("/api/runs", settings);
        if (r.status() != 200) throw new AssertionError("create run: " + r.status() + " " + r.text());
        return (String) r.json().get("id");
    }

    /** The run's event stream, read frame by frame. */
    Events events(String path) {
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + path.substring(1))).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) throw new AssertionError("events: " + r.statusCode());
            return new Events(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Events implements AutoCloseable {
        private final InputStream in;
        private final BufferedReader reader;

        Events(InputStream in) {
            this.in = in;
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        /** The next frame: {state, restart, epochs}. */
        Map<String, Object> next() {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith("data: ")) return JSON.readValue(line.substring(6), new TypeReference<Map<String, Object>>() {});
                }
                throw new AssertionError("the stream ended");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next frame whose state satisfies the test, within a generous number of frames. */
        @SuppressWarnings("unchecked")
        Map<String, Object> until(java.util.function.Predicate<Map<String, Object>> test) {
            for (int i = 0; i < 100_000; i++) {
                Map<String, Object> f = next();
                if (test.test((Map<String, Object>) f.get("state"))) return (Map<String, Object>) f.get("state");
            }
            throw new AssertionError("no such frame");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A raw HTTP/1.1 request, for headers java.net.http will not forge (Host). Returns the status line and body. */
    static String raw(int port, String requestLine, String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int body = response.indexOf("\r\n\r\n");
            return response.lines().findFirst().orElse("") + "\n" + (body < 0 ? "" : response.substring(body + 4));
        }
    }
}
