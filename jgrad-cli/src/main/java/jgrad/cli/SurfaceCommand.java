package jgrad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "surface", mixinStandardHelpOptions = true, description = "Draw the cost surface over two weights of a tiny network.")
final class SurfaceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'jgrad surface' is not implemented yet");
    }
}
