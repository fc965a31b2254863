package jgrad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a network on a CSV file or a bundled data set.")
final class TrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'jgrad train' is not implemented yet");
    }
}
