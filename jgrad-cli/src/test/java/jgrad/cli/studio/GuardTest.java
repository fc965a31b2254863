package jgrad.cli.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which Host and Origin headers the studio answers, for each way it can listen. */
class GuardTest {

    @Test
    void onLoopbackOnlyLoopbackNamesWithThePort() {
        Guard g = new Guard("127.0.0.1", 8765);
        assertNull(g.check("127.0.0.1:8765", null));
        assertNull(g.check("localhost:8765", "http://localhost:8765"));
        assertNull(g.check("[::1]:8765", null));
        assertEquals("refused: Host 'rebind.example:8765' is not this server's (use http://127.0.0.1:8765/)", g.check("rebind.example:8765", null));
        assertEquals("refused: Host '127.0.0.1' is not this server's (use http://127.0.0.1:8765/)", g.check("127.0.0.1", null));
        assertEquals("refused: Host 'null' is not this server's (use http://127.0.0.1:8765/)", g.check(null, null));
        assertEquals("refused: Host '10.0.0.5:8765' is not this server's (use http://127.0.0.1:8765/)", g.check("10.0.0.5:8765", null));
        assertEquals("refused: a page from http://127.0.0.1:9999 may not control this studio", g.check("127.0.0.1:8765", "http://127.0.0.1:9999"));
        assertEquals("refused: a page from https://127.0.0.1:8765 may not control this studio", g.check("127.0.0.1:8765", "https://127.0.0.1:8765"));
        assertEquals("refused: a page without an origin (a sandboxed frame or a file) may not control this studio", g.check("127.0.0.1:8765", "null"));
    }

    @Test
    void onAWildcardAnyIpLiteralButNoName() {
        Guard g = new Guard("0.0.0.0", 8765);
        assertNull(g.check("192.168.1.20:8765", "http://192.168.1.20:8765"));
        assertNull(g.check("[fe80::1]:8765", null));
        assertEquals("refused: Host 'myhost.lan:8765' is not this server's (use http://127.0.0.1:8765/)", g.check("myhost.lan:8765", null));
        assertEquals("refused: Host '999.1.1.1:8765' is not this server's (use http://127.0.0.1:8765/)", g.check("999.1.1.1:8765", null));
    }

    @Test
    void onANamedHostThatName() {
        Guard g = new Guard("studio.lan", 80_80);
        assertNull(g.check("studio.lan:8080", "http://studio.lan:8080"));
        assertEquals("refused: Host 'other.lan:8080' is not this server's (use http://127.0.0.1:8080/)", g.check("other.lan:8080", null));
    }
}
