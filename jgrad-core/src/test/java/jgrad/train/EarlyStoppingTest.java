package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jgrad.nn.Linear;
import jgrad.nn.MSELoss;
import jgrad.optim.SGD;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
    @Test
    void patienceStopsAndRestoresTheBestWeights() {
        Linear l = TrainerTest.line();
        Tensor xVal = Tensor.of(new double[][] {{10}}), yVal = Tensor.of(new double[][] {{100}}); // unreachable
        History h = Trainer.builder(l, new MSELoss(), new SGD(l.parameters(), 0.01)).epochs(1000).patience(5)
                .validation(xVal, yVal).build().fit(TrainerTest.X, TrainerTest.Y);
        assertEquals(History.StopReason.PATIENCE, h.stoppedBy());
        assertEquals(h.bestEpoch() + 5, h.epochs().size(), "five epochs without improvement");
        EpochStats best = h.epochs().get(h.bestEpoch() - 1);
        for (EpochStats s : h.epochs()) assertTrue(s.validationLoss() >= best.validationLoss());
        assertEquals(best.validationLoss(), new MSELoss().apply(l.predict(xVal), yVal).item(), 0.0);
        // a second fit starts afresh: its own best epoch, counted from its own start
        History again = Trainer.builder(l, new MSELoss(), new SGD(l.parameters(), 0.01)).epochs(3).patience(5)
                .validation(xVal, yVal).build().fit(TrainerTest.X, TrainerTest.Y);
        assertTrue(again.bestEpoch() <= 3);
    }

    @Test
    void patienceMustBePositive() {
        var e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0));
        assertEquals("patience must be at least 1 epoch, got 0", e.getMessage());
    }
}
