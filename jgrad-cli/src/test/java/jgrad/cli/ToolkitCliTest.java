package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import jgrad.cli.model.Model;
import jgrad.cli.model.ModelFile;
import jgrad.cli.model.SavedLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The toolkit from the command line: the layer grammar, schedules, clipping and class weights, saved and used again. */
class ToolkitCliTest {
    @TempDir Path dir;

    @Test
    void grammarWithDropoutAndBatchNormTrainsSavesAndPredicts() throws Exception {
        Path model = dir.resolve("m.json");
        JsonNode r = TrainTest.trainJson("--data", "iris", "--layers", "relu(16)|batchnorm|dropout(0.2)|tanh(8, l2=1e-4)",
                "--lr-schedule", "warmup(3)|cosine", "--clip-norm", "1.0", "--class-weight", "balanced", "--epochs", "40", "--out", model.toString());
        assertTrue(r.at("/test/accuracy").asDouble() >= 0.9, r.toString());
        Model m = ModelFile.read(model);
        assertTrue(m.layers().stream().anyMatch(SavedLayer.BatchNorm.class::isInstance) && m.layers().stream().anyMatch(SavedLayer.Dropout.class::isInstance));
        JsonNode note = TrainTest.JSON.readTree(model.toFile()).get("training");
        assertEquals("relu(16)|batchnorm|dropout(0.2)|tanh(8, l2=1.0E-4)", note.get("layers").asText());
        assertEquals("warmup(3)|cosine", note.get("lr_schedule").asText());
        assertEquals("balanced", note.get("class_weight").asText());
        CliRun e = CliRun.of("evaluate", "--model", model.toString(), "--data", "iris", "--json");
        assertEquals(0, e.exitCode(), e.toString());
        assertTrue(TrainTest.JSON.readTree(e.lastLine()).at("/test/accuracy").asDouble() >= 0.9, e.out());
    }

    @Test
    void theSameSeedGivesTheSameModelFileWithDropout() throws Exception {
        Path a = dir.resolve("a.json"), b = dir.resolve("b.json");
        for (Path p : new Path[] {a, b}) TrainTest.trainJson("--data", "iris", "--layers", "relu(8)|dropout(0.5)", "--epochs", "5", "--out", p.toString());
        assertEquals(Files.readString(a), Files.readString(b));
    }

    @Test
    void crossValidationReportsEveryFoldAndTheirMeanAndTrainsTheFinalModelOnEveryRow() throws Exception {
        CliRun r = CliRun.of("train", "--data", "iris", "--cv", "3", "--epochs", "30", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode cv = TrainTest.JSON.readTree(r.lastLine()).get("cv");
        assertEquals(3, cv.get("folds").asInt());
        double sum = 0;
        int tested = 0;
        for (JsonNode fold : cv.get("per_fold")) {
            sum += fold.get("accuracy").asDouble();
            tested += fold.at("/rows/test").asInt();
        }
        assertEquals(150, tested, "every row is tested once");
        assertEquals(sum / 3, cv.at("/mean/accuracy").asDouble(), 1e-12);
        assertTrue(cv.at("/mean/accuracy").asDouble() >= 0.9 && cv.at("/std/accuracy").asDouble() >= 0, cv.toString());

        Path model = dir.resolve("final.json");
        CliRun withOut = CliRun.of("train", "--data", "iris", "--cv", "3", "--epochs", "30", "--out", model.toString(), "--json");
        assertEquals(0, withOut.exitCode(), withOut.toString());
        JsonNode report = TrainTest.JSON.readTree(withOut.lastLine());
        assertEquals(0, report.at("/rows/test").asInt(), "the final model trains on every row: " + report);
        assertEquals(cv, report.get("cv"), "the same folds, the same figures");
        assertTrue(Files.exists(model));
        expect("jgrad: error: invalid value for --cv: '1' (expected an integer >= 2)", "--cv", "1");
        Path tiny = Files.writeString(dir.resolve("tiny.csv"), "a,y\n1,x\n2,y\n3,x\n");
        CliRun few = CliRun.of("train", "--data", tiny.toString(), "--cv", "5");
        assertEquals(2, few.exitCode());
        assertEquals("jgrad: error: --cv: " + tiny + " has 3 rows, too few for 5 folds", few.err().strip());
    }

    /** 10 epochs, then --resume for 10 more, give the weights of 20 epochs bit for bit, dropout and a schedule included. */
    @Test
    void resumingTenPlusTenEqualsTwenty() throws Exception {
        Path whole = dir.resolve("whole.json"), first = dir.resolve("first.json"), second = dir.resolve("second.json");
        String[] common = {"--data", "iris", "--layers", "relu(8)|dropout(0.2)|tanh(4)", "--lr-schedule", "exponential(0.95)", "--patience", "0"};
        TrainTest.trainJson(concat(common, "--epochs", "20", "--out", whole.toString()));
        TrainTest.trainJson(concat(common, "--epochs", "10", "--out", first.toString()));
        TrainTest.trainJson(concat(common, "--epochs", "10", "--resume", first.toString(), "--out", second.toString()));
        JsonNode a = TrainTest.JSON.readTree(whole.toFile()), b = TrainTest.JSON.readTree(second.toFile());
        assertEquals(a.get("layers"), b.get("layers"), "the same weights, bit for bit");
        assertEquals(a.get("state"), b.get("state"), "the same optimiser state and epoch count");
        assertEquals(20, b.at("/state/epochs").asInt());
        CliRun wrong = CliRun.of(concat(concat(new String[] {"train"}, common), "--epochs", "5", "--resume", first.toString(), "--optimizer", "sgd"));
        assertEquals(2, wrong.exitCode());
        assertEquals("jgrad: error: --resume: " + first + " was trained with --optimizer adam, not sgd", wrong.err().strip());
        CliRun otherData = CliRun.of("train", "--data", "wine", "--layers", "relu(8)|dropout(0.2)|tanh(4)", "--resume", first.toString(), "--epochs", "2");
        assertEquals(2, otherData.exitCode());
        assertTrue(otherData.err().startsWith("jgrad: error: --resume: ") && otherData.err().contains("other columns"), otherData.err());
    }

    @Test
    void aCheckpointHoldsTheBestValidationEpochWhileTraining() throws Exception {
        Path best = dir.resolve("best.json"), out = dir.resolve("out.json");
        TrainTest.trainJson("--data", "iris", "--layers", "8", "--epochs", "40", "--patience", "5", "--checkpoint", best.toString(), "--out", out.toString());
        assertEquals(TrainTest.JSON.readTree(out.toFile()).get("layers"), TrainTest.JSON.readTree(best.toFile()).get("layers"),
                "patience keeps the best epoch's weights: the last checkpoint is that epoch");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void mistakesInTheGrammarsPointAtTheColumn() {
        expect("jgrad: error: unknown layer 'rleu' at column 1 of --layers", "--layers", "rleu(64)|tanh(32)");
        expect("jgrad: error: unknown schedule 'cosin' (constant, warmup, step, exponential, cosine, plateau) at column 11 of --lr-schedule",
                "--lr-schedule", "warmup(5)|cosin");
        expect("jgrad: error: --activation: the layer grammar of --layers names each layer's activation; drop --activation",
                "--layers", "relu(4)", "--activation", "tanh");
        expect("jgrad: error: --clip-norm and --clip-value: choose one way to clip", "--clip-norm", "1", "--clip-value", "1");
        expect("jgrad: error: invalid value for --class-weight: 'even' (expected none|balanced)", "--class-weight", "even");
    }

    private void expect(String message, String... flags) {
        String[] args = new String[flags.length + 3];
        args[0] = "train";
        args[1] = "--data";
        args[2] = "iris";
        System.arraycopy(flags, 0, args, 3, flags.length);
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(message, r.err().strip());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }
}
