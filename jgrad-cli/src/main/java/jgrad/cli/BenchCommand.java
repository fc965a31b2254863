package jgrad.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run the benchmark workloads of shared/bench/SPEC.md.")
final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserException("'jgrad bench' is not implemented yet");
    }
}
