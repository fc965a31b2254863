package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jgrad.nn.HalfSquaredError;
import jgrad.nn.Init;
import jgrad.nn.Linear;
import jgrad.nn.MSELoss;
import jgrad.optim.SGD;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The threshold rule, with its two timings: before the update with one batch, after the epoch with several. */
class LossThresholdTest {
    @Test
    void fullBatchStopsOnTheLossBeforeTheUpdateAsTheSeedsDo() {
        // seed 000, identity neuron: x = 2, y = 5, w = 0.5, b = 1, lr 0.1, stop when L < 0.01
        Linear neuron = new Linear(1, 1).init(Init.values(0.5), Init.values(1.0), 0);
        History h = Trainer.builder(neuron, new HalfSquaredError(), new SGD(neuron.parameters(), 0.1))
                .epochs(20).stopWhenLossBelow(0.01).build().fit(Tensor.of(new double[][] {{2}}), Tensor.of(new double[][] {{5}}));
        assertEquals(History.StopReason.LOSS_BELOW_THRESHOLD, h.stoppedBy());
        assertEquals(6, h.epochs().size());
        assertEquals(4.5, h.epochs().get(0).loss(), 1e-12);
        assertEquals(0.004394531249999997, h.last().loss(), 1e-12);
        assertEquals(1.6625, neuron.weight().item(), 1e-12); // not updated at the stopping epoch
    }

    @Test
    void miniBatchesStopAfterTheEpochWhoseMeanLossIsBelow() {
        Linear l = TrainerTest.line();
        History h = Trainer.builder(l, new MSELoss(), new SGD(l.parameters(), 0.01)).epochs(500).batchSize(3).seed(2)
                .stopWhenLossBelow(0.05).build().fit(TrainerTest.X, TrainerTest.Y);
        assertEquals(History.StopReason.LOSS_BELOW_THRESHOLD, h.stoppedBy());
        int stopped = h.epochs().size();
        assertTrue(h.last().loss() < 0.05 && h.epochs().get(stopped - 2).loss() >= 0.05, "the first epoch below the threshold");
        // the stopping epoch made all its updates: the same weights as a run of exactly that many epochs
        Linear same = TrainerTest.line();
        Trainer.builder(same, new MSELoss(), new SGD(same.parameters(), 0.01)).epochs(stopped).batchSize(3).seed(2).build()
                .fit(TrainerTest.X, TrainerTest.Y);
        assertArrayEquals(same.weight().toDoubleArray(), l.weight().toDoubleArray(), 0.0);
        assertEquals(same.bias().item(), l.bias().item(), 0.0);
    }
}
