package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jgrad.nn.Init;
import jgrad.nn.Linear;
import jgrad.nn.Loss;
import jgrad.nn.MSELoss;
import jgrad.nn.HalfSquaredError;
import jgrad.nn.Sequential;
import jgrad.nn.Tanh;
import jgrad.optim.SGD;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final Tensor X = Tensor.of(new double[][] {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}});
    private static final Tensor Y = X.mul(2).add(1); // y = 2x + 1

    private static Linear line() {
        return new Linear(1, 1).init(Init.constant(0), 0);
    }

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
    void miniBatchAndStochasticDescentFitALine() {
        for (int batch : new int[] {1, 3, 0}) {
            Linear l = line();
            Trainer.builder(l, new MSELoss(), new SGD(l.parameters(), 0.01)).epochs(batch == 0 ? 3000 : 400)
                    .batchSize(batch).seed(1).build().fit(X, Y);
            assertEquals(2.0, l.weight().item(), 1e-3, "batch " + batch);
            assertEquals(1.0, l.bias().item(), 1e-2, "batch " + batch);
        }
    }

    @Test
    void theSameSeedGivesBitIdenticalTraining() {
        double[][] runs = new double[2][];
        for (int r = 0; r < 2; r++) {
            Rng.manualSeed(5);
            Sequential m = new Sequential(new Linear(1, 4), new Tanh(), new Linear(4, 1));
            Trainer.builder(m, new MSELoss(), new SGD(m.parameters(), 0.01)).epochs(20).batchSize(2).seed(9).build().fit(X, Y);
            runs[r] = m.parameters().get(0).toDoubleArray();
        }
        assertArrayEquals(runs[0], runs[1]);
    }

    @Test
    void divergenceStopsWithTheEpochAndAHint() {
        Linear l = line();
        var e = assertThrows(TrainingDivergedException.class, () -> Trainer.builder(l, new MSELoss(), new SGD(l.parameters(), 10))
                .epochs(500).build().fit(X, Y));
        assertTrue(e.getMessage().matches("loss became (NaN|Infinity) at epoch \\d+, batch 1; try a smaller learning rate \\(now 10.0\\)"),
                e.getMessage());
    }

    @Test
    void patienceStopsAndRestoresTheBestWeights() {
        Linear l = line();
        Tensor xVal = Tensor.of(new double[][] {{10}}), yVal = Tensor.of(new double[][] {{100}}); // unreachable
        History h = Trainer.builder(l, new MSELoss(), new SGD(l.parameters(), 0.01)).epochs(1000).patience(5)
                .validation(xVal, yVal).build().fit(X, Y);
        assertEquals(History.StopReason.PATIENCE, h.stoppedBy());
        EpochStats best = h.epochs().get(h.bestEpoch() - 1);
        for (EpochStats s : h.epochs()) assertTrue(s.validationLoss() >= best.validationLoss());
        assertEquals(best.validationLoss(), new MSELoss().apply(l.predict(xVal), yVal).item(), 1e-12);
    }

    @Test
    void listenersSeeGradientsAndCanStop() {
        Linear l = line();
        int[] calls = new int[1];
        History h = Trainer.builder(l, new MSELoss(), new SGD(l.parameters(), 0.01)).epochs(50)
                .listener(new TrainingListener() {
                    @Override
                    public void afterBackward(int epoch, int batch, Tensor loss) {
                        assertTrue(l.weight().grad() != null);
                        calls[0]++;
                    }

                    @Override
                    public boolean afterEpoch(EpochStats stats) {
                        return stats.epoch() < 7;
                    }
                }).build().fit(X, Y);
        assertEquals(History.StopReason.LISTENER, h.stoppedBy());
        assertEquals(7, calls[0]);
    }

    @Test
    void summedGradientsWithLrOverMEqualAveragedGradientsWithLr() {
        // seed 000 averages per-point gradients; seed 002 sums per-example gradients and scales by 1/m
        Linear averaged = line(), summed = line();
        int m = X.dim(0);
        Trainer.builder(averaged, new HalfSquaredError(Loss.Reduction.MEAN), new SGD(averaged.parameters(), 0.01))
                .epochs(50).build().fit(X, Y);
        Trainer.builder(summed, new HalfSquaredError(Loss.Reduction.SUM), new SGD(summed.parameters(), 0.01 / m))
                .epochs(50).build().fit(X, Y);
        assertEquals(averaged.weight().item(), summed.weight().item(), 1e-12);
        assertEquals(averaged.bias().item(), summed.bias().item(), 1e-12);
        assertTrue(Math.abs(averaged.weight().item()) > 0.5, "it trained");
    }
}
