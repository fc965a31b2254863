package jgrad.cli;

import jgrad.model.Mlp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import jgrad.cli.data.Inputs;
import jgrad.cli.data.Matrix;
import jgrad.cli.data.Notes;
import jgrad.cli.data.Target;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.cli.model.Predictor;
import jgrad.cli.report.Evaluation;
import jgrad.cli.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a saved model on labelled rows: accuracy, per-class precision/recall/F1 and the confusion matrix, or R², RMSE and MAE.",
        footer = {"", "Example:", "  ./jgrad evaluate --model iris.json --data labelled.csv"})
final class EvaluateCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "model file written by 'jgrad train --out'")
    Path model;
    @Option(names = "--data", required = true, paramLabel = "CSV|NAME", description = "labelled rows (CSV with a header row and the target column, or a bundled set)")
    String data;
    @Option(names = "--json", description = "print the report as one JSON object (metrics under 'test')")
    boolean json;
    @Mixin DataOptions.ForModel options;

    @Override
    public Integer call() {
        Model m = ModelFile.read(model);
        jgrad.kernel.MatMul.prepare(m.dtype() == jgrad.tensor.DType.FLOAT32, false); // the forward kernels compile while the file loads
        Inputs in = Inputs.load(data, m.schema(), m.training(), options.settings(Set.of()), true);
        boolean classes = m.schema().classification();
        int[] labels = classes ? m.schema().labels(in.table(), in.rows()) : null;
        double[] values = classes ? null : m.schema().values(in.table(), in.rows());
        Matrix x = in.scaled(m.scaler());
        Notes notes = in.notes();
        int rows = in.size();
        long cells = (long) x.rows() * m.schema().features().size();
        in = null; // the file is read: let its columns go before the network's tensors take their memory
        Memory.tableDropped(cells);
        Mlp.Predictions p = Predictor.of(m).predictScaled(x);
        Evaluation e = m.schema().target() instanceof Target.Classes c
                ? Evaluation.classes(labels, p.classes(), c.classes())
                : Evaluation.values(values, p.values());
        notes.print(spec.commandLine().getErr(), false);
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("model", model.toString());
            r.put("data", data);
            r.put("rows", rows);
            r.put("test", e.json());
            o.println(Json.line(r));
        } else {
            o.printf("%s on %s (%d rows)%n%n", model, data, rows);
            e.print(o, "");
        }
        return 0;
    }
}
