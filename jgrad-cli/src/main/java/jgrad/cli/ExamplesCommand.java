package jgrad.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jgrad.examples.ExampleRun;
import jgrad.examples.SeedExample;
import jgrad.examples.SeedExamples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "examples", mixinStandardHelpOptions = true,
        description = {"List the seeds' worked examples, or run one with the correct numbers.", "",
            "  jgrad examples                 list them", "  jgrad examples run xor-2-3-1   run one"},
        subcommands = ExamplesCommand.Run.class)
final class ExamplesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SeedExample> all = SeedExamples.all();
        int width = all.stream().mapToInt(e -> e.id().length()).max().orElse(2) + 2;
        out.printf("%-" + width + "s%s%n", "ID", "DESCRIPTION");
        for (SeedExample e : all) out.printf("%-" + width + "s%s%n", e.id(), e.description());
        out.println();
        out.println("Run one with: jgrad examples run ID [--json]");
        return 0;
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run an example: its trace in the seed's own format, and a note where the seed's printed numbers were wrong.")
    static final class Run implements Callable<Integer> {
        /** Longer traces are shortened to their head and tail unless --full is given. */
        private static final int HEAD = 25, TAIL = 10;

        @Spec CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "the example id (see 'jgrad examples')")
        String id;

        @Option(names = "--json", description = "print one JSON object {\"id\", \"records\", ...} with the reference's field names")
        boolean json;

        @Option(names = "--full", description = "print every line of a long trace")
        boolean full;

        @Override
        public Integer call() throws Exception {
            SeedExample example = SeedExamples.find(id).orElseThrow(() ->
                    new UserException("unknown example '" + id + "'; run 'jgrad examples' for the list"));
            ExampleRun run = example.run();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("id", run.id());
                object.put("records", run.records());
                object.putAll(run.extras());
                if (run.note() != null) object.put("note", run.note());
                out.println(new ObjectMapper().writeValueAsString(object));
                return 0;
            }
            out.print(shorten(run.text()));
            if (run.note() != null) {
                out.println();
                out.println(Text.wrap("Note on the seed: " + run.note(), 100));
            }
            return 0;
        }

        private String shorten(String text) {
            String[] lines = text.split("\n", -1);
            if (full || lines.length <= HEAD + TAIL + 5) return text;
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < HEAD; i++) sb.append(lines[i]).append('\n');
            sb.append("... (").append(lines.length - 1 - HEAD - TAIL).append(" more lines; --full prints them all)\n");
            for (int i = lines.length - 1 - TAIL; i < lines.length - 1; i++) sb.append(lines[i]).append('\n');
            return sb.toString();
        }
    }
}
