package jgrad.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** One JSON object on one line: what {@code --json} prints last, for scripts to parse. */
public final class Json {
    private Json() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static String line(Map<String, Object> object) {
        try {
            return MAPPER.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
