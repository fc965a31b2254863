package jgrad.cli;

import jgrad.model.Mlp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import jgrad.cli.data.Inputs;
import jgrad.cli.data.Matrix;
import jgrad.cli.data.Notes;
import jgrad.cli.data.Numbers;
import jgrad.cli.data.Target;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.cli.model.Predictor;
import jgrad.cli.report.Json;
import jgrad.tensor.DType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict with a saved model: one output row per input row, in order.",
                "For classes: the predicted class and one probability column per class; for numbers: the predicted value.",
                "The target column may be absent from the input."},
        footer = {"", "Example:", "  ./jgrad train --data iris --out iris.json", "  ./jgrad predict --model iris.json --data new-flowers.csv --out predictions.csv",
                "  ./jgrad predict --model churn.json --data customers.csv --keep customerID"})
final class PredictCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "model file written by 'jgrad train --out'")
    Path model;
    @Option(names = "--data", required = true, paramLabel = "CSV|NAME", description = "rows to predict (CSV with a header row, or a bundled set)")
    String data;
    @Option(names = "--out", paramLabel = "FILE", description = "write the predictions to FILE instead of standard output")
    Path out;
    @Option(names = "--keep", paramLabel = "COLUMNS", description = "copy these input columns (an ID, say) into the output, first, as they are")
    String keep;
    @Option(names = "--precision", paramLabel = "DIGITS", description = "significant digits of the numbers (default: the shortest text that reads back exactly; probabilities 6 decimals)")
    Integer precision;
    @Option(names = "--json", description = "one JSON object instead of CSV: {\"model\", \"data\", \"rows\", \"predictions\": [{column: value}, ...]}")
    boolean json;
    @Mixin DataOptions.ForModel options;

    @Override
    public Integer call() throws IOException {
        if (out != null) AtomicFile.checkWritable(out, "--out");
        if (precision != null) Flags.atLeast(spec, "--precision", precision, 1);
        Set<String> kept = DataOptions.columns("--keep", keep);
        Model m = ModelFile.read(model);
        jgrad.kernel.MatMul.prepare(m.dtype() == jgrad.tensor.DType.FLOAT32, false); // the forward kernels compile while the file loads
        Inputs in = Inputs.load(data, m.schema(), m.training(), options.settings(kept), false);
        String[][] keptText = in.kept(List.copyOf(kept));
        Matrix x = in.scaled(m.scaler());
        Notes notes = in.notes();
        long cells = (long) x.rows() * m.schema().features().size();
        in = null; // the file is read: let its columns go before the network's tensors take their memory
        Memory.tableDropped(cells);
        Mlp.Predictions p = Predictor.of(m).predictScaled(x);
        Target target = m.schema().target();
        List<String> header = new ArrayList<>(kept);
        header.add(target.name());
        if (target instanceof Target.Classes c) c.classes().forEach(k -> header.add("p_" + k));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < x.rows(); i++) {
            List<Object> row = new ArrayList<>(List.of((Object[]) keptText[i]));
            if (target instanceof Target.Classes c) {
                row.add(c.classes().get(p.classes()[i]));
                for (double v : p.probabilities()[i]) row.add(json ? (Object) round(v) : probability(v));
            } else {
                row.add(json ? (Object) round(p.values()[i]) : number(p.values()[i], m.dtype()));
            }
            rows.add(row);
        }
        // rendered in memory first: a failure half-way must not leave a partial predictions file
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (json) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", model.toString());
            r.put("data", data);
            r.put("rows", x.rows());
            r.put("predictions", rows.stream().map(row -> {
                Map<String, Object> o = new LinkedHashMap<>();
                for (int k = 0; k < header.size(); k++) o.put(header.get(k), row.get(k));
                return o;
            }).toList());
            if (!notes.warnings().isEmpty()) r.put("warnings", notes.warnings());
            bytes.write((Json.line(r) + "\n").getBytes(StandardCharsets.UTF_8));
        } else {
            try (var w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8); var csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
                csv.printRecord(header);
                for (List<Object> row : rows) csv.printRecord(row);
            }
        }
        notes.print(spec.commandLine().getErr(), false);
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(bytes.toString(StandardCharsets.UTF_8));
            o.flush();
        } else {
            AtomicFile.write(out, s -> bytes.writeTo(s));
            spec.commandLine().getErr().println("wrote " + x.rows() + " predictions to " + out);
        }
        return 0;
    }

    /** Shortest exact text; a float32 model's numbers as the float32 they are computed in. */
    private String number(double v, DType dtype) {
        if (precision != null) return Numbers.format(v, precision);
        return dtype == DType.FLOAT32 && Float.isFinite((float) v) ? Numbers.format(Double.parseDouble(Float.toString((float) v))) : Numbers.format(v);
    }

    private String probability(double v) {
        return precision != null ? Numbers.format(v, precision) : String.format(java.util.Locale.ROOT, "%.6f", v);
    }

    private double round(double v) {
        return precision == null ? v : Double.parseDouble(Numbers.format(v, precision));
    }
}
