package jgrad.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;

/** "unknown command 'trian'; did you mean 'train'?", as git says it, instead of picocli's "Unmatched argument". */
final class UnknownCommand {
    private UnknownCommand() {}

    /** The message for a mistyped command name ({@code jgrad trian}, {@code jgrad help trian}), or null when {@code ex} is about something else. */
    static String message(CommandLine.ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        String typed = cl.getParent() != null ? null : typed(ex);
        if (typed == null) {
            return null;
        }
        List<String> names = new ArrayList<>(cl.getSubcommands().keySet()); // with the aliases
        String closest = names.stream().min(Comparator.comparingInt(n -> distance(typed, n))).orElseThrow();
        // as git: suggest only what is a slip of the keyboard away (a third of the letters, at least 2)
        if (distance(typed, closest) <= Math.max(2, closest.length() / 3)) { // an alias (minimise) suggests its command
            return "unknown command '" + typed + "'; did you mean '" + cl.getSubcommands().get(closest).getCommandName() + "'? (see 'jgrad --help')";
        }
        return "unknown command '" + typed + "' (commands: " + String.join(", ", cl.getSubcommands().values().stream()
                .map(CommandLine::getCommandName).distinct().toList()) + ")";
    }

    private static String typed(CommandLine.ParameterException ex) {
        var help = java.util.regex.Pattern.compile("Unknown subcommand '(.*)'\\.").matcher(String.valueOf(ex.getMessage()));
        if (help.matches()) { // from 'jgrad help NAME'
            return help.group(1);
        }
        CommandLine.ParseResult parsed = ex.getCommandLine().getParseResult();
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || parsed != null && parsed.hasSubcommand()) {
            return null;
        }
        List<String> unmatched = u.getUnmatched();
        return unmatched.isEmpty() || unmatched.getFirst().startsWith("-") ? null : unmatched.getFirst();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
    static int distance(String a, String b) {
        a = a.toLowerCase(java.util.Locale.ROOT);
        b = b.toLowerCase(java.util.Locale.ROOT);
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
