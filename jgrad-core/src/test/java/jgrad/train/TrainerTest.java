package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
    static final Tensor X = Tensor.of(new double[][] {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}});
    static final Tensor Y = X.mul(2).add(1); // y = 2x + 1

    static Linear line() {
        return new Linear(1, 1).init(Init.constant(0), 0);
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

    @Test
    void listenersSeeEveryEventInOrder() {
        Linear l = line();
        List<String> events = new ArrayList<>();
        TrainingListener log = new TrainingListener() {
            @Override
            public void beforeTraining(TrainingLoop loop) {
                events.add("start " + loop.batchesPerEpoch());
            }

            @Override
            public void beforeBatch(TrainingLoop loop) {
                events.add("batch " + loop.epoch() + "." + loop.batch());
            }

            @Override
            public void afterLoss(TrainingLoop loop, double loss) {
                events.add("loss");
            }

            @Override
            public void afterBackward(int epoch, int batch, Tensor loss) {
                events.add("backward");
            }

            @Override
            public void afterBatch(TrainingLoop loop, double loss) {
                events.add("update " + loop.optimizer().steps());
            }

            @Override
            public void afterEpoch(TrainingLoop loop, EpochStats stats) {
                events.add("epoch " + stats.epoch());
            }

            @Override
            public void afterTraining(TrainingLoop loop) {
                events.add("end");
            }
        };
        Trainer.builder(l, new MSELoss(), new SGD(l.parameters(), 0.01)).epochs(2).batchSize(4).listener(log).build().fit(X, Y);
        assertEquals(List.of("start 2", "batch 1.0", "loss", "backward", "update 1", "batch 1.1", "loss", "backward", "update 2", "epoch 1",
                "batch 2.0", "loss", "backward", "update 3", "batch 2.1", "loss", "backward", "update 4", "epoch 2", "end"), events);
    }

    @Test
    void aStopAskedForBeforeTheUpdateSkipsItAndRecordsTheEpochSoFar() {
        Linear l = line();
        SGD sgd = new SGD(l.parameters(), 0.01);
        List<Double> losses = new ArrayList<>();
        History h = Trainer.builder(l, new MSELoss(), sgd).epochs(10).batchSize(4).shuffle(false)
                .listener(new TrainingListener() {
                    @Override
                    public void afterLoss(TrainingLoop loop, double loss) {
                        losses.add(loss);
                        if (loop.epoch() == 2 && loop.batch() == 1) loop.stop(History.StopReason.LISTENER);
                    }
                }).build().fit(X, Y);
        assertEquals(History.StopReason.LISTENER, h.stoppedBy());
        assertEquals(2, h.epochs().size());
        assertEquals(3, sgd.steps(), "the fourth batch was measured, not applied");
        assertEquals((losses.get(2) * 4 + losses.get(3) * 4) / 8, h.last().loss(), 0.0);
    }
}
