package jgrad.cli.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jgrad.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The safety list of the studio, and its runs, over plain HTTP. */
class StudioServerTest {
    static StudioServer server;
    static StudioClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new StudioServer(new StudioServer.Options("127.0.0.1", 0, 4096, null, 600, 16));
        client = new StudioClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** After any refusal the server answers the next request as before. */
    private static void stillServing() {
        assertEquals(200, client.get("/api/datasets").status());
    }

    @Test
    void listensOnLoopbackByDefault() {
        StudioCommand command = new StudioCommand();
        new CommandLine(command).parseArgs();
        assertEquals("127.0.0.1", command.host);
        assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
    }

    @Test
    void refusesAForeignHostHeader() throws Exception {
        // DNS rebinding: the attacker's name resolves to 127.0.0.1, so the browser sends Host: evil.example
        String r = StudioClient.raw(server.port(), "GET /api/datasets HTTP/1.1", "evil.example:" + server.port());
        assertTrue(r.startsWith("HTTP/1.1 403"), r);
        assertTrue(r.contains("refused: Host 'evil.example:" + server.port() + "' is not this server's"), r);
        assertTrue(StudioClient.raw(server.port(), "GET / HTTP/1.1", "127.0.0.1:1").startsWith("HTTP/1.1 403"), "another port is another origin");
        assertTrue(StudioClient.raw(server.port(), "GET / HTTP/1.1", "localhost:" + server.port()).startsWith("HTTP/1.1 200"));
        stillServing();
    }

    @Test
    void refusesRequestsFromOtherSitesPages() {
        var r = client.post("/api/runs", "{}", "Origin", "http://evil.example", "Content-Type", "application/json");
        assertEquals(403, r.status());
        assertEquals("refused: a page from http://evil.example may not control this studio", r.json().get("error"));
        assertEquals(403, client.get("/api/datasets", "Origin", "null").status());
        assertEquals(200, client.get("/api/datasets", "Origin", "http://127.0.0.1:" + server.port()).status());
        stillServing();
    }

    @Test
    void anUploadAboveTheLimitIsRefusedWithItsSize() {
        String big = "a,b\n" + "1,2\n".repeat(2000); // 8 KB against the 4 KB limit of this server
        var r = client.post("/api/upload?name=big.csv", big, "Content-Type", "text/csv");
        assertEquals(413, r.status());
        assertEquals("upload: the file is larger than 4 KB (the studio's limit; train on it with jgrad train --data FILE)", r.json().get("error"));
        stillServing();
    }

    @Test
    void anUploadedCsvIsReadAsTrainReadsIt(@TempDir Path dir) throws Exception {
        String text = "a,b,label\n1,2,x\n3,4,y\n5,oops,x\n7,8,y\n";
        var r = client.post("/api/upload?name=bad.csv", text, "Content-Type", "text/csv");
        assertEquals(400, r.status());
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, text);
        StringWriter err = new StringWriter();
        assertEquals(2, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "train", "--data", file.toString()));
        assertEquals(err.toString().strip().replace("jgrad: error: " + file, "bad.csv"), r.json().get("error"));
        assertEquals("bad.csv:4: column 'b' (2): 'oops' is not a number (the column's other values are; fix the value, or pass --categorical b)", r.json().get("error"));

        var good = client.post("/api/upload?name=good.csv", text.replace("oops", "6"), "Content-Type", "text/csv");
        assertEquals(200, good.status(), good.text());
        assertEquals("classification", good.json().get("task"));
        String id = client.createRun(Map.of("data", good.json().get("key"), "layers", "2"));
        assertNotEquals(null, id);
        stillServing();
    }

    @Test
    @SuppressWarnings("unchecked")
    void studioDataIsOfferedFirst(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, "u,v,y\n1,2,0\n2,1,1\n3,4,0\n4,3,1\n5,6,0\n6,5,1\n7,8,0\n8,7,1\n9,9,0\n1,1,1\n");
        try (var own = new StudioServer(new StudioServer.Options("127.0.0.1", 0, 4096, jgrad.cli.data.CsvTable.read(file), 600, 16))) {
            var c = new StudioClient(own);
            var list = (List<Map<String, String>>) c.get("/api/datasets").json().get("datasets");
            assertEquals(Map.of("key", "file:" + file, "label", file.toString()), list.getFirst());
            String id = c.createRun(Map.of("data", "file:" + file));
            assertEquals(200, c.get("/api/runs/" + id + "/explain?row=0").status());
        }
    }

    @Test
    void onlyThePagesOwnFilesAreServed() throws Exception {
        assertEquals(200, client.get("/").status());
        assertTrue(client.get("/static/uPlot.iife.min.js").text().startsWith("/*! https://github.com/leeoniya/uPlot"));
        for (String path : List.of("/static/../../pom.xml", "/static/%2e%2e/%2e%2e/pom.xml", "/static/jgrad/cli/data/iris.csv",
                "/static/", "/static/..%2fstudio%2findex.html", "/etc/passwd", "/static/Main.class")) {
            String r = StudioClient.raw(server.port(), "GET " + path + " HTTP/1.1", "127.0.0.1:" + server.port());
            assertTrue(r.startsWith("HTTP/1.1 404"), path + ": " + r);
            assertTrue(r.contains("\"error\":\"no such"), path + ": " + r);
        }
        stillServing();
    }

    @Test
    void badParametersGetAClearMessageAndA4xx() {
        record Case(int status, String path, String body, String error) {}
        for (Case c : List.of(
                new Case(400, "/api/runs", "{\"layers\": \"4,x\"}", "invalid value for layers: '4,x' (expected comma-separated sizes such as 4,4, or none)"),
                new Case(400, "/api/runs", "{\"layers\": \"tanh(4)|rleu(3)\"}",
                        "invalid value for layers: 'tanh(4)|rleu(3)' (expected the layer grammar, e.g. tanh(4)|dropout(0.1)|relu(4): unknown layer 'rleu' at column 9)"),
                new Case(400, "/api/runs", "{\"lr\": -1}", "invalid value for lr: '-1' (expected a positive number up to 1000)"),
                new Case(400, "/api/runs", "{\"data\": \"/etc/passwd\"}", "data: no data set '/etc/passwd' (choose one of the list, or upload a CSV file)"),
                new Case(400, "/api/runs", "{\"activation\": \"softmax\"}", "invalid value for activation: 'softmax' (expected relu|tanh|sigmoid|silu|elu|gelu|gelu_tanh|softplus)"),
                new Case(400, "/api/runs", "{\"lr\": 1", "the request body is not valid JSON: it ends too early"),
                new Case(400, "/api/runs", "[1, 2]", "the request body is not a JSON object"),
                new Case(400, "/api/formula", "{\"formula\": \"x**2 + )\"}", "formula: unexpected ')' at column 8\nx**2 + )\n       ^"),
                new Case(400, "/api/formula", "{\"formula\": \"x*y*z\", \"start\": {}}", "formula: the lesson draws formulas of 1 or 2 variables; this one has 3 (x, y, z)"),
                new Case(404, "/api/runs/nosuchrun/control", "{\"action\": \"run\"}", "no run 'nosuchrun': it was closed (a tab left open without its page, or a restarted server); reload the page"),
                new Case(405, "/api/datasets", "{}", "/api/datasets takes GET, not POST"))) {
            var r = client.post(c.path(), c.body(), "Content-Type", "application/json");
            assertEquals(c.status(), r.status(), c.path() + " " + c.body());
            assertEquals(c.error(), r.json().get("error"), c.body());
        }
        String id = client.createRun(Map.of("data", "xor"));
        var r = client.post("/api/runs/" + id + "/control", Map.of("action", "jump"));
        assertEquals("invalid value for action: 'jump' (expected run|pause|step|reset|lr)", r.json().get("error"));
        r = client.get("/api/runs/" + id + "/explain?row=999");
        assertEquals("row: 999 is not a training row (0 to 159)", r.json().get("error"));
        stillServing();
    }

    @Test
    @SuppressWarnings("unchecked")
    void stepAndResetGiveTheSameInitialLoss() throws Exception {
        String id = client.createRun(Map.of("data", "xor", "layers", "3", "lr", 0.5, "batch", "full"));
        try (var events = client.events("/api/runs/" + id + "/events")) {
            Map<String, Object> first = events.until(s -> ((Number) s.get("epoch")).intValue() == 1);
            client.post("/api/runs/" + id + "/control", Map.of("action", "step", "count", 5));
            Map<String, Object> later = events.until(s -> ((Number) s.get("epoch")).intValue() == 6 && "paused".equals(s.get("status")));
            assertTrue(((Number) later.get("batch_loss")).doubleValue() < ((Number) first.get("batch_loss")).doubleValue(), "5 steps of descent lower the loss");
            client.post("/api/runs/" + id + "/control", Map.of("action", "reset"));
            Map<String, Object> again = events.until(s -> ((Number) s.get("epoch")).intValue() == 1);
            assertEquals(first.get("batch_loss"), again.get("batch_loss"));
            assertEquals(first.get("layers"), again.get("layers"), "the same initial weights");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLearningRateChangesWhileRunning() throws Exception {
        String id = client.createRun(Map.of("data", "xor", "lr", 0.1, "speed", 200));
        try (var events = client.events("/api/runs/" + id + "/events")) {
            client.post("/api/runs/" + id + "/control", Map.of("action", "run"));
            events.until(s -> ((Number) s.get("epoch")).intValue() > 3);
            assertEquals(200, client.post("/api/runs/" + id + "/control", Map.of("action", "lr", "lr", 0.02)).status());
            Map<String, Object> s = events.until(st -> ((Number) st.get("lr")).doubleValue() == 0.02 && "running".equals(st.get("status")));
            assertTrue(((Number) s.get("epoch")).intValue() > 3);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStalledPageNeitherBlocksTrainingNorQueuesFrames() throws Exception {
        String id = client.createRun(Map.of("data", "circles", "epochs", 3000, "speed", 0, "layers", "8"));
        // this stream is opened and never read: its socket buffer fills, the trainer must not notice
        var stalled = client.events("/api/runs/" + id + "/events");
        client.post("/api/runs/" + id + "/control", Map.of("action", "run"));
        try (var events = client.events("/api/runs/" + id + "/events")) {
            Map<String, Object> done = events.until(s -> "done".equals(s.get("status")));
            assertEquals(3000, ((Number) done.get("epoch")).intValue());
        }
        stalled.close();
    }

    @Test
    void aClosedTabStopsItsRun() throws Exception {
        String id = client.createRun(Map.of("data", "xor"));
        try (var events = client.events("/api/runs/" + id + "/events")) {
            events.next();
        }
        // this server stops runs 600 ms after their last page left; heartbeats find a closed stream within 2 s
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (client.post("/api/runs/" + id + "/control", Map.of("action", "pause")).status() == 200) {
            assertTrue(System.nanoTime() < deadline, "the run outlived its page");
            Thread.sleep(100);
        }
        assertEquals(404, client.post("/api/runs/" + id + "/control", Map.of("action", "pause")).status());
    }

    @Test
    void theFormulaLessonFollowsMinimize() {
        var r = client.post("/api/formula", Map.of("formula", "x**2 + 3*y**2", "start", Map.of("x", 4, "y", -4), "lr", 0.2,
                "iterations", 20, "rule", "gradient", "limit", 0.01));
        assertEquals(200, r.status(), r.text());
        assertEquals(List.of("2*x", "6*y"), r.json().get("gradient"));
        assertEquals("every |gradient component| < 0.01 after iteration 15", r.json().get("message"));
        assertEquals(16, ((List<?>) r.json().get("path")).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSurfacesPathsStartOnTheSurfaces() {
        var r = client.post("/api/surface", Map.of("w0", -8, "w1", 8, "lr", 1, "steps", 50, "grid", 2));
        assertEquals(200, r.status(), r.text());
        List<List<Number>> mse = (List<List<Number>>) r.json().get("mse_path"), ce = (List<List<Number>>) r.json().get("cross_entropy_path");
        double h0 = 1 / (1 + Math.exp(-8)), h1 = 1 / (1 + Math.exp(0)); // x = 0 and x = 1 at w0 = -8, w1 = 8
        assertEquals(((1 - h0) * (1 - h0) + h1 * h1) / 2, mse.getFirst().get(2).doubleValue(), 1e-12);
        assertEquals(-Math.log(h0) - Math.log(1 - h1), ce.getFirst().get(2).doubleValue(), 1e-12);
        assertEquals(51, mse.size());
        assertTrue(ce.getLast().get(2).doubleValue() < ce.getFirst().get(2).doubleValue());
    }
}
