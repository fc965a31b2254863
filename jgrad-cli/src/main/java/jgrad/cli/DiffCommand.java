package jgrad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "diff", mixinStandardHelpOptions = true, description = "Differentiate a formula symbolically.")
final class DiffCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'jgrad diff' is not implemented yet");
    }
}
