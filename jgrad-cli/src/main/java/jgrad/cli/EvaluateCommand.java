package jgrad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate a saved model on labelled data.")
final class EvaluateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'jgrad evaluate' is not implemented yet");
    }
}
