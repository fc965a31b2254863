package jgrad.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.cli.onnx.OnnxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export a saved model as an ONNX file (IR " + OnnxExport.IR_VERSION + ", opset " + OnnxExport.OPSET + ") that onnxruntime runs without jgrad.",
                "Input 'input' [N, inputs]: the model's numeric columns in order, raw (the file scales them); categorical columns one-hot encoded by the caller.",
                "Outputs: 'probabilities' [N, classes] and 'label' [N] for classes, 'value' [N, 1] for numbers, as 'jgrad predict' computes them."},
        footer = {"", "Example:", "  jgrad train --data iris --out iris.json", "  jgrad export --model iris.json --onnx iris.onnx"})
final class ExportCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "model file written by 'jgrad train --out'")
    Path model;
    @Option(names = "--onnx", required = true, paramLabel = "FILE", description = "the ONNX file to write (replaced atomically)")
    Path onnx;

    @Override
    public Integer call() {
        AtomicFile.checkWritable(onnx, "--onnx");
        if (onnx.toAbsolutePath().normalize().equals(model.toAbsolutePath().normalize())) {
            throw new UserException("--onnx: " + onnx + " is the model file itself; name another file (model.onnx)");
        }
        Model m = ModelFile.read(model);
        OnnxExport.write(m, onnx);
        spec.commandLine().getErr().println("wrote " + onnx + " (" + m.schema().inputs() + " inputs, " + m.layers().size() + " layers, "
                + m.dtype().name().toLowerCase(java.util.Locale.ROOT) + ")");
        if (m.schema().features().stream().anyMatch(f -> f instanceof jgrad.cli.data.Feature.Categorical)) {
            spec.commandLine().getErr().println("input columns, in order (one-hot encode the categories before running it): "
                    + String.join(", ", m.schema().inputNames()));
        }
        return 0;
    }
}
