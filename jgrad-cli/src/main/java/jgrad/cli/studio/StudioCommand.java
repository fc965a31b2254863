package jgrad.cli.studio;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.Callable;
import jgrad.cli.UserException;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Datasets;
import jgrad.cli.data.Schema;
import jgrad.cli.data.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "studio", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Watch and step backpropagation live in the browser, on your own data.",
                "Serves a local page: train a network on a 2-D set, a bundled set or an",
                "uploaded CSV; run, pause, step and reset it; see its curves, weights and",
                "decision regions; step through one sample's backward pass; the formula",
                "lesson and the NOT-gate cost surfaces."},
        footer = {"", "Examples:", "  jgrad studio", "  jgrad studio --port 9000 --data my.csv", "  jgrad train --data iris --live"})
public final class StudioCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "port to listen on; 0 = any free port (default: ${DEFAULT-VALUE})")
    int port = 8765;
    @Option(names = "--host", paramLabel = "H", description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only)")
    String host = "127.0.0.1";
    @Option(names = "--data", paramLabel = "CSV|NAME", description = "a CSV file (or bundled set) to offer first in the page")
    String data;
    @Option(names = "--max-upload", paramLabel = "MB", description = "largest CSV a page may upload (default: ${DEFAULT-VALUE})")
    int maxUpload = 8;
    @Option(names = "--no-open", description = "do not open a browser")
    boolean noOpen;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) throw new UserException("invalid value for --port: '" + port + "' (expected a port from 0 to 65535)");
        if (maxUpload < 1 || maxUpload > 1024) throw new UserException("invalid value for --max-upload: '" + maxUpload + "' (expected megabytes from 1 to 1024)");
        CsvTable preset = null;
        if (data != null) {
            preset = Datasets.open(data);
            Schema.infer(preset, null, Target.Task.AUTO, Set.of()); // its mistakes are reported now, as train reports them
        }
        if (!loopback(host)) {
            err.println("jgrad studio: warning: listening on " + host + ": other machines can reach the studio (it has no password)");
        }
        var options = new StudioServer.Options(host, port, (long) maxUpload << 20, preset, 10_000, 16);
        StudioServer server = new StudioServer(options);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        out.println("jgrad studio: serving " + server.url() + "  (Ctrl-C to stop)");
        out.flush();
        if (!noOpen) Browser.open(server.url());
        Thread.currentThread().join();
        return 0;
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            throw new UserException("invalid value for --host: '" + host + "' (" + e.getMessage() + ")");
        }
    }

    /** Opens the page where there is a desktop to open it on; silently does nothing on a server. */
    static final class Browser {
        static void open(String url) {
            boolean desktop = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                    || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
            if (!desktop) return;
            try {
                if (java.awt.Desktop.isDesktopSupported() && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                    java.awt.Desktop.getDesktop().browse(java.net.URI.create(url));
                }
            } catch (IOException | RuntimeException e) {
                // no browser: the URL is printed above
            }
        }
    }
}
