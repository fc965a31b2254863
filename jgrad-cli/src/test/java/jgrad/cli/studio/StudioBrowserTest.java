package jgrad.cli.studio;

import jgrad.model.Mlp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jgrad.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The studio page in a real headless Chromium, as a learner uses it. Screenshots go to target/studio-screenshots. */
class StudioBrowserTest {
    static StudioServer server;
    static ChromeDriver chrome;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        server = new StudioServer(new StudioServer.Options("127.0.0.1", 0, 1 << 20, null, 1_000, 16));
        chrome = Chrome.start();
        wait = new WebDriverWait(chrome, Duration.ofSeconds(20), Duration.ofMillis(50));
    }

    @AfterAll
    static void stop() {
        if (chrome != null) chrome.quit();
        if (server != null) server.close();
    }

    @BeforeEach
    void open() {
        chrome.get(server.url());
        waitFor("return studio.state && studio.state.status === 'paused' && studio.state.epoch === 1");
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) chrome).executeScript(script, args);
    }

    private static void waitFor(String condition) {
        try {
            wait.until(d -> Boolean.TRUE.equals(js(condition)));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                Chrome.screenshot(chrome, "timeout");
            } catch (java.io.IOException io) {
                e.addSuppressed(io);
            }
            throw new AssertionError("page never met: " + condition + "; status '" + js("return document.getElementById('status').textContent")
                    + "', error '" + js("return document.getElementById('error').textContent") + "' (screenshot target/studio-screenshots/timeout.png)", e);
        }
    }

    private static double number(String expression) {
        return ((Number) js("return Number(" + expression + ")")).doubleValue();
    }

    private static String regions() {
        return (String) js("return document.getElementById('regions').toDataURL()");
    }

    private static WebElement id(String id) {
        return chrome.findElement(By.id(id));
    }

    @Test
    void xorTrainingLowersTheLossAndMovesTheDecisionRegions() throws Exception {
        assertEquals("xor", js("return studio.info.data"));
        Object oldRun = js("return studio.id");
        new Select(id("speed")).selectByValue("0"); // as fast as it goes
        id("apply").click();
        wait.until(d -> !oldRun.equals(js("return studio.id")));
        waitFor("return studio.state && studio.state.status === 'paused' && studio.state.epoch === 1");
        String before = regions();
        id("play").click();
        waitFor("return studio.state.status === 'done'");
        assertEquals(500L, js("return studio.epochs.length"));
        List<?> epochs = (List<?>) js("return studio.epochs.map(e => e.loss)");
        double first = ((Number) epochs.getFirst()).doubleValue(), last = ((Number) epochs.getLast()).doubleValue();
        assertTrue(last < 0.1 * first, "loss " + first + " -> " + last);
        assertTrue(number("studio.epochs[499].val_score") >= 0.9, "validation accuracy");
        assertNotEquals(before, regions(), "the decision regions did not change");
        assertTrue(id("status").getText().startsWith("done · epoch 500"), id("status").getText());
        assertEquals(8L, js("return document.querySelectorAll('#network image').length"), "each of the 4 + 4 hidden neurons shows its region");
        Chrome.screenshot(chrome, "xor-training");
    }

    @Test
    void stepAndResetComeBackToTheSameInitialLoss() throws Exception {
        double initial = number("studio.state.batch_loss");
        String weights = (String) js("return JSON.stringify(studio.state.layers)");
        id("step").click(); // one batch of 10 rows: forward, backward, update
        waitFor("return studio.state.batch === 2");
        assertNotEquals(weights, js("return JSON.stringify(studio.state.layers)"), "a step updates the weights");
        id("step").click();
        waitFor("return studio.state.batch === 3");
        id("play").click();
        waitFor("return studio.epochs.length > 10");
        id("reset").click();
        waitFor("return studio.state.status === 'paused' && studio.state.epoch === 1 && studio.state.batch === 1 && studio.epochs.length === 0");
        assertEquals(initial, number("studio.state.batch_loss"), 0.0, "reset starts from the same initial weights");
        assertEquals(weights, js("return JSON.stringify(studio.state.layers)"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void stepModeShowsTheNumbersOfExplain(@TempDir Path dir) throws Exception {
        id("step").click();
        waitFor("return studio.state.batch === 2");
        id("row").clear();
        id("row").sendKeys("7");
        id("explain").click();
        waitFor("return document.querySelectorAll('#explain-lines div').length > 20");
        List<String> page = (List<String>) js("return [...document.querySelectorAll('#explain-lines div')].map(d => d.textContent)");
        Map<String, Object> sample = (Map<String, Object>) js("return studio.explain");
        Path model = dir.resolve("model.json");
        var reply = new StudioClient(server).get("/api/runs/" + js("return studio.id") + "/model");
        Files.writeString(model, reply.text());
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "explain", "--model", model.toString(),
                "--input", (String) sample.get("input"), "--target", (String) sample.get("target"), "--lr", js("return String(studio.state.lr)").toString()));
        List<String> cli = out.toString().lines().toList();
        cli = cli.subList(cli.indexOf("Forward pass"), cli.size());
        assertEquals(cli, page.stream().map(l -> l.equals(" ") ? "" : l).toList());
        assertTrue(page.stream().anyMatch(l -> l.startsWith("  dL/dw1[1,1] = ")), String.join("\n", page));
        // the drawn network carries the same z and a
        String z = cli.stream().filter(l -> l.startsWith("  z1[1] = ")).findFirst().orElseThrow();
        String label = (String) js("return document.querySelector('[data-neuron=\"1,1\"] text.value').textContent");
        assertTrue(label.startsWith("z=" + z.substring(z.lastIndexOf(" = ") + 3)), label + " vs " + z);
        // a horizontal line has no height to click at: dispatch the click a user's pointer makes
        js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", chrome.findElement(By.cssSelector("line[data-weight='2,1,1']")));
        assertTrue(((String) js("return [...document.querySelectorAll('#explain-lines .hit')].map(d => d.textContent).join('\\n')")).contains("dL/dw2[1,1] = "));
        Chrome.screenshot(chrome, "step-mode");
    }

    @Test
    void uploadsAGoodCsvAndShowsWhatIsWrongWithABadOne(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("height,weight,kind\n");
        for (int i = 0; i < 60; i++) csv.append(150 + i).append(',').append(i % 2 == 0 ? 50 + i : 90 - i / 2).append(',').append(i % 2 == 0 ? "cat" : "dog").append('\n');
        Path good = dir.resolve("animals.csv");
        Files.writeString(good, csv);
        id("upload").sendKeys(good.toString());
        waitFor("return studio.info.data === 'animals.csv' && studio.state && studio.state.regions !== undefined");
        assertEquals(List.of("cat", "dog"), js("return studio.info.classes"));
        assertEquals("animals.csv (uploaded)", new Select(id("data")).getFirstSelectedOption().getText());

        Path bad = dir.resolve("broken.csv");
        Files.writeString(bad, csv.toString().replace("\n152,", "\n152x,"));
        id("upload").sendKeys(bad.toString());
        waitFor("return !document.getElementById('error').hidden");
        assertEquals("broken.csv:4: column 'height' (1): '152x' is not a number (the column's other values are; fix the value, or pass --categorical height)",
                id("error").getText());
        assertEquals("animals.csv", js("return studio.info.data"), "the good run goes on");
        Path numbers = dir.resolve("prices.csv");
        StringBuilder rows = new StringBuilder("size,rooms,price\n");
        for (int i = 0; i < 40; i++) rows.append(50 + i).append(',').append(1 + i % 4).append(',').append(1000 + 37.5 * i + (i % 3)).append('\n');
        Files.writeString(numbers, rows);
        id("upload").sendKeys(numbers.toString());
        waitFor("return studio.info.data === 'prices.csv' && studio.state && studio.state.epoch === 1");
        assertEquals("regression", js("return studio.info.task"));
        assertEquals("mse", new Select(id("loss")).getFirstSelectedOption().getAttribute("value"), "a numeric target switches to squared error");
        Chrome.screenshot(chrome, "upload-error");
    }

    @Test
    void theFormulaLessonDrawsThePathOfMinimize() throws Exception {
        chrome.findElement(By.cssSelector("nav button[data-tab='formula']")).click();
        wait.until(d -> id("f-stop").getText().startsWith("Stopped"));
        assertEquals("Stopped (gradient): every |gradient component| < 0.01 after iteration 15", id("f-stop").getText());
        assertEquals("f(x, y) = x**2 + 3*y**2\n∇f = [2*x, 6*y]", id("f-derivative").getText());
        assertTrue(id("f-trace").getText().contains("Iteration 1: x = 2.4000, y = 0.8000, f = 7.6800"), id("f-trace").getText());
        Thread.sleep(1_500); // the path is drawn point by point
        Chrome.screenshot(chrome, "formula-contour");
        id("f-formula").clear();
        id("f-formula").sendKeys("x^4 - 3x^3 + 2");
        id("f-derive").click();
        wait.until(d -> id("f-derivative").getText().contains("4*x**3 - 9*x**2"));
        id("f-lr").clear();
        id("f-lr").sendKeys("0.01");
        new Select(id("f-rule")).selectByValue("precision");
        id("f-limit").clear();
        id("f-limit").sendKeys("1e-5");
        id("f-iterations").clear();
        id("f-iterations").sendKeys("1000");
        id("f-run").click();
        wait.until(d -> id("f-stop").getText().contains("precision"));
        assertEquals("Stopped (precision): step size <= 0.00001 at iteration 42", id("f-stop").getText());
        Thread.sleep(3_200); // the path is drawn point by point
        Chrome.screenshot(chrome, "formula-lesson");

        chrome.findElement(By.cssSelector("nav button[data-tab='surface']")).click();
        wait.until(d -> id("s-ce-end").getText().startsWith("step 300:"));
        assertTrue(id("s-mse-end").getText().startsWith("step 300: w0 = "), id("s-mse-end").getText());
        Chrome.screenshot(chrome, "cost-surfaces");
    }

    @Test
    void aWideDataSetIsDrawnWithoutAPlane() throws Exception {
        new Select(id("data")).selectByValue("digits");
        waitFor("return studio.info.data === 'digits' && studio.state && studio.state.epoch === 1");
        assertEquals(List.of(64L, 4L, 4L, 10L), js("return studio.info.widths"));
        assertEquals(64 * 4 + 4 * 4 + 4 * 10L, js("return document.querySelectorAll('#network line').length"));
        double height = number("document.querySelector('#network svg').getAttribute('height')");
        assertTrue(height < 700, "64 inputs drawn " + height + " pixels tall");
        assertEquals("Decision regions are drawn for data with 2 numeric features; digits has 64 feature columns.", id("legend").getText());
        id("play").click();
        waitFor("return studio.epochs.length >= 2");
        Chrome.screenshot(chrome, "digits");
    }

    @Test
    void theLivePageShowsACommandLineRun() throws Exception {
        LiveRun live = server.live("jgrad train --data iris", Map.of("data", "iris", "task", "classification", "widths", List.of(4, 3, 3), "classes", List.of("setosa", "versicolor", "virginica"),
                "inputs", List.of("a", "b", "c", "d"), "activation", "relu"));
        for (int e = 1; e <= 25; e++) live.epoch(new jgrad.model.Mlp.Epoch(e, 1.0 / e, 1.2 / e, 0.5 + e / 60.0, 0.45 + e / 60.0, 0.1));
        live.channel.publish(Map.of("status", "done", "test", Map.of("accuracy", 0.95), "layers", List.of(
                Map.of("weight", new double[][] {{1, -1, 0.5}, {0.2, 0.3, -0.4}, {1, 1, 1}, {-1, 0, 1}}, "bias", new double[] {0, 0, 0}),
                Map.of("weight", new double[][] {{1, -1, 0.5}, {0.2, 0.3, -0.4}, {1, 1, 1}}, "bias", new double[] {0, 0, 0}))));
        chrome.get("about:blank"); // only a hash apart: without this the page would not load again
        chrome.get(server.url() + "#live");
        waitFor("return studio.state && studio.state.status === 'done' && studio.epochs.length === 25");
        assertTrue(id("status").getText().startsWith("done · epoch 25 · epoch loss 0.04000 · accuracy 0.9167"), id("status").getText());
        assertTrue(id("status").getText().endsWith("test accuracy 0.9500"), id("status").getText());
        assertEquals(21L, js("return document.querySelectorAll('#network line').length"), "4·3 + 3·3 weights drawn");
        assertEquals(false, js("return document.getElementById('play').offsetParent !== null"), "no controls: the command line drives this run");
        Chrome.screenshot(chrome, "live");
    }

    @Test
    void aClosedTabStopsItsRun() throws Exception {
        String original = chrome.getWindowHandle();
        int before = server.runs();
        chrome.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        chrome.get(server.url());
        waitFor("return studio.state && studio.state.epoch === 1");
        assertEquals(before + 1, server.runs());
        chrome.close();
        chrome.switchTo().window(original);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (server.runs() > before) {
            assertTrue(System.nanoTime() < deadline, "the closed tab's run goes on");
            Thread.sleep(50);
        }
    }
}
