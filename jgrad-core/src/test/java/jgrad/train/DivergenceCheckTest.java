package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jgrad.nn.Linear;
import jgrad.nn.MSELoss;
import jgrad.optim.SGD;
import jgrad.optimize.Divergence;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Divergence: NaN or infinity, or a loss climbing far above its start by the formulas' rule. */
class DivergenceCheckTest {
    @Test
    void aClimbingLossStopsWithWhereItStartedAndAHint() {
        Linear l = TrainerTest.line();
        var e = assertThrows(TrainingDivergedException.class, () -> Trainer.builder(l, new MSELoss(), new SGD(l.parameters(), 10))
                .epochs(500).build().fit(TrainerTest.X, TrainerTest.Y));
        assertEquals("loss went from 85 to 1.47798e+12 at epoch 3, batch 1; try a smaller learning rate (now 10.0)", e.getMessage());
    }

    @Test
    void aNaNLossStopsAtOnce() {
        Linear l = TrainerTest.line();
        Tensor x = Tensor.of(new double[][] {{1}, {Double.NaN}, {2}, {3}});
        var e = assertThrows(TrainingDivergedException.class, () -> Trainer.builder(l, new MSELoss(), new SGD(l.parameters(), 0.1))
                .epochs(5).batchSize(2).shuffle(false).build().fit(x, x));
        assertEquals("loss became NaN at epoch 1, batch 1; try a smaller learning rate (now 0.1)", e.getMessage());
    }

    @Test
    void theRuleIsTheFormulasRuleOnBatchLosses() {
        DivergenceCheck check = new DivergenceCheck();
        TrainingLoop loop = new TrainingLoop(TrainerTest.line(), new SGD(TrainerTest.line().parameters(), 0.5), 4);
        check.beforeTraining(loop);
        double[] losses = {2, 1, 2 + 0.999 * Divergence.FACTOR * 2}; // scale max(1, |2|, |1|) = 2: just below the line
        for (int b = 0; b < losses.length; b++) {
            loop.at(1, b);
            check.afterLoss(loop, losses[b]);
        }
        loop.at(2, 0);
        var e = assertThrows(TrainingDivergedException.class, () -> check.afterLoss(loop, 2 + 1.001 * Divergence.FACTOR * 2));
        assertEquals("loss went from 2 to 2.002e+06 at epoch 2, batch 1; try a smaller learning rate (now 0.5)", e.getMessage());
        check.beforeTraining(loop); // a new fit starts from its own first loss
        check.afterLoss(loop, 1e9);
    }
}
