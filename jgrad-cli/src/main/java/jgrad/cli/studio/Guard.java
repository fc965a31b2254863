package jgrad.cli.studio;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Who may talk to the studio. A page on another site can make the browser send requests to
 * 127.0.0.1, and DNS rebinding can even give such a site our address under its own name: so the
 * Host header must name this server (a loopback name, the bound address, or with a wildcard
 * bind any IP literal, which no rebinding can forge), and an Origin, when sent, must be one of those too.
 */
record Guard(String boundHost, int port) {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    /** Null when the request may proceed, else why not. */
    String check(String host, String origin) {
        if (host == null || !allowedHost(host)) {
            return "refused: Host '" + host + "' is not this server's (use http://127.0.0.1:" + port + "/)";
        }
        if (origin != null && !origin.equals("null")) {
            URI u;
            try {
                u = URI.create(origin);
            } catch (IllegalArgumentException e) {
                return "refused: malformed Origin '" + origin + "'";
            }
            if (!"http".equals(u.getScheme()) || u.getRawAuthority() == null || !allowedHost(u.getRawAuthority())) {
                return "refused: a page from " + origin + " may not control this studio";
            }
        } else if ("null".equals(origin)) {
            return "refused: a page without an origin (a sandboxed frame or a file) may not control this studio";
        }
        return null;
    }

    private boolean allowedHost(String hostPort) {
        String h = hostPort.toLowerCase(Locale.ROOT);
        int colon = h.lastIndexOf(':');
        if (colon < 0 || colon < h.lastIndexOf(']')) return false; // browsers always send the port for a non-80 server
        String name = h.substring(0, colon);
        if (!h.substring(colon + 1).equals(Integer.toString(port))) return false;
        if (LOOPBACK.contains(name) || name.equals(boundHost.toLowerCase(Locale.ROOT))) return true;
        return wildcard() && ipLiteral(name);
    }

    private boolean wildcard() {
        return boundHost.equals("0.0.0.0") || boundHost.equals("::") || boundHost.equals("[::]");
    }

    private static boolean ipLiteral(String name) {
        String n = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        if (!n.matches("[0-9.]+|[0-9a-f:]+")) return false;
        try {
            InetAddress.ofLiteral(n);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
