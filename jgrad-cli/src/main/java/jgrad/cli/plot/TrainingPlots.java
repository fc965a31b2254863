package jgrad.cli.plot;

import java.nio.file.Path;
import jgrad.cli.data.Prepared;
import jgrad.cli.model.Predictor;
import jgrad.cli.model.Training;

public final class TrainingPlots {
    private TrainingPlots() {}

    public static void write(Path dir, Training.Result result, Prepared data, Predictor predictor) {}
}
