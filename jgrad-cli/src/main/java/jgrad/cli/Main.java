package jgrad.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jgrad} command: one subcommand per job, errors as one line and exit code 2. */
@Command(
        name = "jgrad",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Train neural networks by gradient descent and backpropagation, and see every step.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ExamplesCommand.class,
            DiffCommand.class,
            MinimizeCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            EvaluateCommand.class,
            ExplainCommand.class,
            SurfaceCommand.class,
            BenchCommand.class,
            ExportCommand.class,
            SummaryCommand.class,
            jgrad.cli.studio.StudioCommand.class,
        })
public final class Main implements Runnable {
    /** Exit code for bad input (flags, files, shapes): the user can fix it. */
    public static final int USAGE = 2;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        EarlyWarmup.start(args); // before picocli's 190 ms of set-up
        StdErr.adopt();
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; returns the exit code (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler((ex, a) -> {
            String unknown = UnknownCommand.message(ex);
            err.println("jgrad: error: " + (unknown != null ? unknown : ex.getMessage() + " (see 'jgrad " + commandPath(ex.getCommandLine()) + "--help')"));
            return USAGE;
        });
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommand() instanceof TakesFormula) sub.setUnmatchedOptionsArePositionalParams(true);
        }
        Threads threads = new Threads();
        threads.addTo(cli);
        cli.setExecutionStrategy(threads::execute);
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // the frames that held the memory are gone by now, so there is room to say what happened
            err.println("jgrad: error: " + Memory.outOfMemory());
            code = USAGE;
        }
        out.flush();
        err.flush();
        return code;
    }

    private static String commandPath(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }

    /** Known failures print one line; anything else is a bug and shows its trace only with JGRAD_DEBUG=1. */
    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        boolean known = ex instanceof UserException || ex instanceof IllegalArgumentException
                || ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException
                || ex instanceof ArithmeticException;
        err.println("jgrad: error: " + message);
        if (!known) {
            err.println("(internal error: " + ex.getClass().getName() + "; set JGRAD_DEBUG=1 for the stack trace)");
        }
        if (System.getenv("JGRAD_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return known ? USAGE : 1;
    }

    /** The Maven project version, written into version.properties by resource filtering at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            return new String[] {"jgrad " + projectVersion() + " (Java " + Runtime.version() + ")"};
        }

        static String projectVersion() throws java.io.IOException {
            var properties = new java.util.Properties();
            try (var in = Main.class.getResourceAsStream("version.properties")) {
                if (in == null) throw new java.io.IOException("version.properties is missing from the build");
                properties.load(in);
            }
            return properties.getProperty("version");
        }
    }
}
