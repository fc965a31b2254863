package jgrad.cli.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The page's files, read from the jar only: a fixed list of names, so no request path can reach
 * any other file (no traversal, no directory listing). uPlot (MIT, its LICENSE beside it) is vendored here.
 */
final class Assets {
    private Assets() {}

    record Asset(byte[] bytes, String type) {}

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "studio.css", "text/css; charset=utf-8",
            "studio.js", "text/javascript; charset=utf-8",
            "draw.js", "text/javascript; charset=utf-8",
            "lessons.js", "text/javascript; charset=utf-8",
            "uPlot.iife.min.js", "text/javascript; charset=utf-8",
            "uPlot.min.css", "text/css; charset=utf-8",
            "uPlot.LICENSE.txt", "text/plain; charset=utf-8");

    private static final Map<String, Asset> CACHE = new ConcurrentHashMap<>();

    /** The file of that name, or null when there is none. */
    static Asset get(String name) {
        String type = FILES.get(name);
        if (type == null) return null;
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = Assets.class.getResourceAsStream("/studio/" + n)) {
                if (in == null) throw new IllegalStateException("studio file missing from the jar: " + n);
                return new Asset(in.readAllBytes(), type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
