package jgrad.spark.cli;

import java.io.PrintWriter;
import jgrad.cli.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code jgrad spark}: the commands that run on Apache Spark. The {@code ./jgrad} launcher starts this
 * class (from jgrad-spark's own jar and class path) for {@code jgrad spark ...}; {@code spark-submit}
 * starts it on a cluster. Errors are {@code jgrad}'s: one line, exit code 2.
 */
@Command(name = "jgrad spark", mixinStandardHelpOptions = true, description = "Train jgrad networks data-parallel on Apache Spark.",
        subcommands = {CommandLine.HelpCommand.class, SparkTrainCommand.class})
public final class SparkMain implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given streams; returns the exit code (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SparkMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cl, parsed) -> handle(ex, err));
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("jgrad: error: " + ex.getMessage() + " (see 'jgrad spark train --help')");
            return 2;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The user's mistakes (also when Spark wraps them in a failed job) print one line; anything else is a bug. */
    static int handle(Exception ex, PrintWriter err) {
        Throwable known = ex;
        while (known != null && !isKnown(known)) known = known.getCause();
        Throwable shown = known != null ? known : ex;
        err.println("jgrad: error: " + (shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage()));
        if (known == null) err.println("(internal error: " + ex.getClass().getName() + "; set JGRAD_DEBUG=1 for the stack trace)");
        if (System.getenv("JGRAD_DEBUG") != null) ex.printStackTrace(err);
        return known != null ? 2 : 1;
    }

    private static boolean isKnown(Throwable t) {
        return t instanceof UserException || t instanceof IllegalArgumentException || t instanceof ArithmeticException
                || t instanceof java.io.UncheckedIOException;
    }
}
