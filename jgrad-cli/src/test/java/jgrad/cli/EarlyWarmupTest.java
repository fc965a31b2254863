package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jgrad.cli.EarlyWarmup.Plan;
import org.junit.jupiter.api.Test;

class EarlyWarmupTest {
    @Test
    void trainWarmsItsPrecisionForTraining() {
        assertEquals(Plan.TRAIN_FLOAT64, EarlyWarmup.plan("train"), "train's default dtype is float64");
        assertEquals(Plan.TRAIN_FLOAT64, EarlyWarmup.plan("train", "--data", "iris", "--dtype", "float64"));
        assertEquals(Plan.TRAIN_FLOAT32, EarlyWarmup.plan("train", "--dtype", "float32", "--data", "wine"));
        assertEquals(Plan.TRAIN_FLOAT32, EarlyWarmup.plan("train", "--epochs=3", "--dtype=float32"));
        assertEquals(Plan.NONE, EarlyWarmup.plan("train", "--dtype", "float16"), "a bad dtype is picocli's to report");
        assertEquals(Plan.NONE, EarlyWarmup.plan("train", "--dtype"));
    }

    @Test
    void benchWarmsOnlyTheWorkloadsThatPrepare() {
        assertEquals(Plan.TRAIN_FLOAT32, EarlyWarmup.plan("bench"), "all starts with W1");
        assertEquals(Plan.TRAIN_FLOAT32, EarlyWarmup.plan("bench", "--threads", "2", "W1"));
        assertEquals(Plan.TRAIN_FLOAT32, EarlyWarmup.plan("bench", "w1-2048", "--batch", "512"));
        assertEquals(Plan.TRAIN_FLOAT32, EarlyWarmup.plan("bench", "--batch", "32", "--json", "w1-1024"));
        assertEquals(Plan.INFER_FLOAT32, EarlyWarmup.plan("bench", "w3", "--threads=2"));
        for (String w : new String[] {"w2", "w4", "w5", "w6", "gemm", "nonsense"}) {
            assertEquals(Plan.NONE, EarlyWarmup.plan("bench", w), w);
        }
        assertEquals(Plan.NONE, EarlyWarmup.plan("bench", "--dtype", "float32", "w5"), "a valued option's value is not the workload");
    }

    @Test
    void otherCommandsAndHelpStartNothing() {
        assertEquals(Plan.NONE, EarlyWarmup.plan());
        assertEquals(Plan.NONE, EarlyWarmup.plan("train", "--help"));
        assertEquals(Plan.NONE, EarlyWarmup.plan("bench", "w1", "-h"));
        assertEquals(Plan.NONE, EarlyWarmup.plan("--version"));
        assertEquals(Plan.NONE, EarlyWarmup.plan("predict", "--model", "m.json", "--data", "x.csv"), "the model file says its dtype");
        assertEquals(Plan.NONE, EarlyWarmup.plan("diff", "x^2", "x"));
    }
}
