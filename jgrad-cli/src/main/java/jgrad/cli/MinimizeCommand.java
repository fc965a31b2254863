package jgrad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "minimize", mixinStandardHelpOptions = true, description = "Minimise a formula by gradient descent and show its path.")
final class MinimizeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'jgrad minimize' is not implemented yet");
    }
}
