package jgrad.cli;

import jgrad.model.Mlp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jgrad.cli.data.CsvTable;
import jgrad.cli.data.Datasets;
import jgrad.cli.data.Target;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.cli.model.Predictor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict with a saved model: one output row per input row, in order.",
                "For classes: the predicted class and one probability column per class; for numbers: the predicted value.",
                "The target column may be absent from the input."},
        footer = {"", "Example:", "  jgrad train --data iris --out iris.json", "  jgrad predict --model iris.json --data new-flowers.csv --out predictions.csv"})
final class PredictCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "model file written by 'jgrad train --out'")
    Path model;
    @Option(names = "--data", required = true, paramLabel = "CSV|NAME", description = "rows to predict (CSV with a header row, or a bundled set)")
    String data;
    @Option(names = "--out", paramLabel = "FILE", description = "write the predictions (CSV) to FILE instead of standard output")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (out != null) AtomicFile.checkWritable(out, "--out");
        Model m = ModelFile.read(model);
        CsvTable table = Datasets.open(data);
        Mlp.Predictions p = Predictor.of(m).predict(m.schema().encode(table));
        // rendered in memory first: a failure half-way must not leave a partial predictions file
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8); var csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            Target target = m.schema().target();
            List<String> header = new ArrayList<>(List.of(target.name()));
            if (target instanceof Target.Classes c) c.classes().forEach(k -> header.add("p_" + k));
            csv.printRecord(header);
            for (int i = 0; i < table.size(); i++) {
                List<Object> row = new ArrayList<>();
                if (target instanceof Target.Classes c) {
                    row.add(c.classes().get(p.classes()[i]));
                    for (double v : p.probabilities()[i]) row.add(String.format(java.util.Locale.ROOT, "%.6f", v));
                } else {
                    row.add(p.values()[i]);
                }
                csv.printRecord(row);
            }
        }
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(bytes.toString(StandardCharsets.UTF_8));
            o.flush();
        } else {
            AtomicFile.write(out, s -> bytes.writeTo(s));
            spec.commandLine().getErr().println("wrote " + table.size() + " predictions to " + out);
        }
        return 0;
    }
}
