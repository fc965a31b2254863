package jgrad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "predict", mixinStandardHelpOptions = true, description = "Predict with a saved model.")
final class PredictCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'jgrad predict' is not implemented yet");
    }
}
