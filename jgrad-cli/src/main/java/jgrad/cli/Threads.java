package jgrad.cli;

import java.util.ArrayList;
import java.util.List;
import jgrad.kernel.Parallel;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --threads N} on every command, added here once instead of in each command: it sets the size of
 * jgrad's one kernel thread pool for the run and puts it back afterwards (tests run many commands in
 * one JVM). Results do not depend on it, only speed does.
 */
final class Threads {
    static final String FLAG = "--threads";

    private final List<OptionSpec> added = new ArrayList<>();

    /** Adds the flag to every subcommand, nested ones too ({@code examples run}), that has none of its own ({@code bench} has). */
    void addTo(CommandLine root) {
        for (CommandLine sub : new java.util.LinkedHashSet<>(root.getSubcommands().values())) { // aliases map to the same one
            addTo(sub);
            if (sub.getCommand() instanceof CommandLine.HelpCommand || sub.getCommandSpec().findOption(FLAG) != null) {
                continue;
            }
            OptionSpec option = OptionSpec.builder(FLAG).paramLabel("N").type(Integer.class)
                    .description("Threads for the kernels (default: all cores, or -Djgrad.threads). Results are bit-identical for any N.")
                    .build();
            sub.getCommandSpec().addOption(option);
            added.add(option);
        }
    }

    /** Runs the parsed command with the thread count asked for, restoring the previous one after. */
    int execute(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult sub = parsed;
        while (sub.hasSubcommand()) {
            sub = sub.subcommand();
        }
        OptionSpec option = sub.matchedOption(FLAG);
        if (option == null || !added.contains(option)) {
            return new CommandLine.RunLast().execute(parsed);
        }
        int n = option.getValue();
        if (n < 1) { // the message of Flags.atLeast, as every range check of every command
            parsed.commandSpec().commandLine().getErr().println("jgrad: error: " + Flags.bad(FLAG,
                    option.originalStringValues().getLast(), "an integer >= 1").getMessage());
            return Main.USAGE;
        }
        int before = Parallel.threads();
        Parallel.setThreads(n);
        try {
            return new CommandLine.RunLast().execute(parsed);
        } finally {
            Parallel.setThreads(before);
        }
    }
}
