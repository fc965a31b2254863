package jgrad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "examples", mixinStandardHelpOptions = true, description = "List the seeds' worked examples and run them with the correct numbers.")
final class ExamplesCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'jgrad examples' is not implemented yet");
    }
}
