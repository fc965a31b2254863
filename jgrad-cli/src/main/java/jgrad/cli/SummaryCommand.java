package jgrad.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.cli.report.Json;
import jgrad.cli.summary.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "summary", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Describe a saved model, as Keras's model.summary() does.",
                "Layers with output shapes and parameter counts; the columns with their encoding and scaling; the target and classes,"
                        + " dtype, loss, output step and ONNX exportability; the note the model was trained with."},
        footer = {"", "Example:", "  jgrad summary --model iris.json", "  jgrad summary --model iris.json --json"})
final class SummaryCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "model file written by 'jgrad train --out'")
    Path model;
    @Option(names = "--json", description = "print one JSON object instead (every number in full)")
    boolean json;

    @Override
    public Integer call() {
        Model m = ModelFile.read(model);
        var o = spec.commandLine().getOut();
        if (json) o.println(Json.line(ModelSummary.json(m, model.toString())));
        else ModelSummary.print(o, m, model.toString());
        o.flush();
        return 0;
    }
}
