package jgrad.cli.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jgrad.cli.UserException;

/** Reading requests and writing answers for {@link StudioServer}: bounded bodies, JSON, and errors as one line of JSON. */
final class Http {
    private Http() {}

    /** A refusal with its status code: 404 no such thing, 405 wrong method, 413 too large. */
    static final class HttpError extends RuntimeException {
        final int code;

        HttpError(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    static HttpError notFound(String message) {
        return new HttpError(404, message);
    }

    static void only(HttpExchange ex, String method) {
        if (!ex.getRequestMethod().equals(method)) {
            throw new HttpError(405, ex.getRequestURI().getRawPath() + " takes " + method + ", not " + ex.getRequestMethod());
        }
    }

    static Params params(HttpExchange ex) throws IOException {
        byte[] body = body(ex, StudioServer.MAX_BODY, "request body larger than " + megabytes(StudioServer.MAX_BODY));
        if (body.length == 0) return new Params(Map.of());
        try {
            return new Params(StudioServer.JSON.readValue(body, new TypeReference<Map<String, Object>>() {}));
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage().startsWith("Unexpected end-of-input")) throw new UserException("the request body is not valid JSON: it ends too early");
            throw new UserException(e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException ? "the request body is not a JSON object" : "the request body is not valid JSON");
        }
    }

    /** The body, refusing more than {@code limit} bytes without reading them all. */
    static byte[] body(HttpExchange ex, long limit, String tooLarge) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) throw new HttpError(413, tooLarge);
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (b.length > limit) throw new HttpError(413, tooLarge);
            return b;
        }
    }

    static String utf8(byte[] body, String name) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserException((name == null ? "upload" : name) + ": not a UTF-8 text file");
        }
    }

    static String query(HttpExchange ex, String key) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) return null;
        for (String kv : q.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0 && kv.substring(0, eq).equals(key)) return java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
    }

    static void json(HttpExchange ex, int code, Object value) throws IOException {
        send(ex, code, "application/json; charset=utf-8", StudioServer.JSON.writeValueAsBytes(value));
    }

    static void error(HttpExchange ex, int code, String message) {
        try {
            json(ex, code, Map.of("error", message == null ? "bad request" : message));
        } catch (IOException | RuntimeException e) {
            // the response had started, or the client left: nothing more to say
        }
    }

    static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'");
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) ex.getResponseBody().write(body);
    }
}
