package jgrad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "explain", mixinStandardHelpOptions = true, description = "Show one forward and backward pass of a small network, step by step.")
final class ExplainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'jgrad explain' is not implemented yet");
    }
}
