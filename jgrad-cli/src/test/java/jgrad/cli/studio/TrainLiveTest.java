package jgrad.cli.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code jgrad train --live} in its own process: the page's stream carries the command's epochs, then the trained network. */
class TrainLiveTest {

    @Test
    @SuppressWarnings("unchecked")
    void trainLiveStreamsEveryEpochAndTheTrainedNetwork() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "jgrad.cli.Main", "train", "--data", "iris",
                "--layers", "5", "--epochs", "40", "--patience", "0", "--quiet", "--live").start();
        try {
            BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String url = null;
            for (String line; url == null && (line = err.readLine()) != null; ) {
                if (line.startsWith("live: watch this training at ")) url = line.substring("live: watch this training at ".length());
            }
            assertTrue(url != null && url.matches("http://127\\.0\\.0\\.1:\\d+/#live"), String.valueOf(url));
            String base = url.substring(0, url.indexOf('#'));
            HttpClient http = HttpClient.newHttpClient();
            var info = StudioClient.JSON.readValue(http.send(HttpRequest.newBuilder(URI.create(base + "api/live")).build(),
                    HttpResponse.BodyHandlers.ofString()).body(), Map.class);
            assertEquals(List.of(4, 5, 3), info.get("widths"));
            var stream = http.send(HttpRequest.newBuilder(URI.create(base + "api/live/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
            List<Map<String, Object>> epochs = new ArrayList<>();
            try (var events = new StudioClient.Events(stream.body())) {
                for (;;) {
                    Map<String, Object> f = events.next();
                    epochs.addAll((List<Map<String, Object>>) f.get("epochs"));
                    Map<String, Object> state = (Map<String, Object>) f.get("state");
                    if ("done".equals(state.get("status"))) {
                        assertEquals(2, ((List<?>) state.get("layers")).size(), "the trained network's two dense layers");
                        assertTrue(((Number) ((Map<String, Object>) state.get("test")).get("accuracy")).doubleValue() > 0.8);
                        break;
                    }
                }
            }
            assertEquals(40, epochs.size());
            assertEquals(1, ((Number) epochs.getFirst().get("epoch")).intValue());
            assertTrue(((Number) epochs.getLast().get("loss")).doubleValue() < ((Number) epochs.getFirst().get("loss")).doubleValue());
            assertTrue(p.isAlive(), "the page stays up after training, until Ctrl-C");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
