package jgrad.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import jgrad.function.Activations;
import jgrad.nn.ActivationLayer;
import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.FusedDense;
import jgrad.nn.HalfSquaredError;
import jgrad.nn.LeakyReLU;
import jgrad.nn.Linear;
import jgrad.nn.Loss;
import jgrad.nn.MSELoss;
import jgrad.nn.ReLU;
import jgrad.nn.Sequential;
import jgrad.nn.Sigmoid;
import jgrad.nn.Softmax;
import jgrad.nn.Tanh;
import jgrad.optim.Adam;
import jgrad.optim.AdamW;
import jgrad.optim.Optimizer;
import jgrad.optim.RMSprop;
import jgrad.optim.SGD;
import jgrad.tensor.DType;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fused dense path must train exactly as the autograd path: same losses, same weights. */
class FusedDenseTest {
    record Run(double[] losses, double[] weights, List<double[]> grads) {}

    static Run train(Supplier<Sequential> model, Loss loss, boolean fast, boolean adam, int batch, boolean shuffle,
                     Tensor x, Tensor y, int epochs) {
        Sequential m = model.get();
        Optimizer opt = adam ? new Adam(m.parameters(), 0.01) : new SGD(m.parameters(), 0.1);
        List<double[]> grads = new ArrayList<>();
        History h = Trainer.builder(m, loss, opt).epochs(epochs).batchSize(batch).shuffle(shuffle).seed(3).fastPath(fast)
                .listener(new TrainingListener() {
                    @Override
                    public void afterBackward(int epoch, int b, Tensor l) {
                        if (epoch == 1 && b == 0) for (Tensor p : m.parameters()) grads.add(p.grad().toDoubleArray());
                    }
                })
                .build().fit(x, y);
        double[] losses = h.epochs().stream().mapToDouble(EpochStats::loss).toArray();
        double[] w = m.parameters().stream().flatMapToDouble(p -> java.util.Arrays.stream(p.toDoubleArray())).toArray();
        return new Run(losses, w, grads);
    }

    static void assertSame(Supplier<Sequential> model, Loss loss, boolean adam, int batch, boolean shuffle, Tensor x, Tensor y, double tol) {
        FusedDense plan = FusedDense.of(model.get(), loss);
        assertNotNull(plan, "the fast path must accept " + model.get());
        assertEquals(true, plan.accepts(x, y), "the fast path must accept the data");
        Run fast = train(model, loss, true, adam, batch, shuffle, x, y, 6);
        Run slow = train(model, loss, false, adam, batch, shuffle, x, y, 6);
        assertArrayEquals(slow.losses, fast.losses, tol, "losses");
        assertArrayEquals(slow.weights, fast.weights, tol, "weights");
        for (int i = 0; i < slow.grads.size(); i++) assertArrayEquals(slow.grads.get(i), fast.grads.get(i), tol, "gradient " + i);
    }

    static Tensor xor() {
        return Tensor.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    }

    static Sequential seeded(long seed, DType t, jgrad.nn.Layer... layers) {
        Rng.manualSeed(seed);
        return new Sequential(layers).to(t);
    }

    @Test
    void xorWithSigmoidsAndSquaredErrorMatchesAutograd() {
        Tensor y = Tensor.of(new double[][] {{0}, {1}, {1}, {0}});
        Supplier<Sequential> net = () -> { Rng.manualSeed(21); return new Sequential(new Linear(2, 3), new Sigmoid(), new Linear(3, 1), new Sigmoid()); };
        assertSame(net, new MSELoss(), false, 1, false, xor(), y, 1e-12);
        assertSame(net, new HalfSquaredError(Loss.Reduction.SUM), false, 2, true, xor(), y, 1e-12);
    }

    static Tensor inputs(int n, int d, DType t) {
        Rng r = new Rng(7);
        return Tensor.randn(r, n, d).to(t);
    }

    static Tensor classes(int n, int k) {
        double[] c = new double[n];
        for (int i = 0; i < n; i++) c[i] = (i * 7) % k;
        return Tensor.fromArray(c, n);
    }

    @Test
    void reluTanhNetworkWithCrossEntropyMatchesAutograd() {
        Supplier<Sequential> net = () -> seeded(4, DType.FLOAT64, new Linear(5, 7), new ReLU(), new Linear(7, 4), new Tanh(), new Linear(4, 3));
        Tensor x = inputs(22, 5, DType.FLOAT64), y = classes(22, 3);
        assertSame(net, new CrossEntropyLoss(), false, 4, true, x, y, 1e-12); // shuffled: rows gathered; last batch of 2
        assertSame(net, new CrossEntropyLoss(Loss.Reduction.SUM), true, 0, false, x, y, 1e-12); // full batch, Adam
        assertSame(net, new MSELoss(), false, 5, false, x, inputs(22, 3, DType.FLOAT64), 1e-12);
    }

    /** Any activation takes the fused path through its own definition, also those whose derivative needs z. */
    @Test
    void siluAndLeakyReluNetworksMatchAutograd() {
        Supplier<Sequential> net = () -> seeded(5, DType.FLOAT64, new Linear(5, 6), new ActivationLayer(Activations.SILU),
                new Linear(6, 4), new LeakyReLU(0.1), new Linear(4, 3));
        Tensor x = inputs(18, 5, DType.FLOAT64);
        assertSame(net, new CrossEntropyLoss(), true, 4, true, x, classes(18, 3), 1e-12);
        Supplier<Sequential> f32 = () -> seeded(5, DType.FLOAT32, new Linear(5, 6), new ActivationLayer(Activations.SILU), new Linear(6, 2));
        assertSame(f32, new MSELoss(), false, 6, false, x.to(DType.FLOAT32), inputs(18, 2, DType.FLOAT32), 1e-5);
    }

    @Test
    void float32AgreesToRounding() {
        Supplier<Sequential> net = () -> seeded(8, DType.FLOAT32, new Linear(9, 16), new ReLU(), new Linear(16, 10, false));
        assertSame(net, new CrossEntropyLoss(), false, 8, false, inputs(40, 9, DType.FLOAT32), classes(40, 10), 1e-5);
    }

    @Test
    void predictTakesTheFusedPathWithTheSameValues() {
        Sequential m = seeded(2, DType.FLOAT64, new Linear(6, 8), new Sigmoid(), new Linear(8, 3), new Softmax());
        assertNotNull(FusedDense.of(m, null));
        Tensor x = inputs(9, 6, DType.FLOAT64);
        assertArrayEquals(m.forward(x).toDoubleArray(), m.predict(x).toDoubleArray(), 0.0);
        Sequential f = seeded(2, DType.FLOAT32, new Linear(6, 8), new ReLU(), new Linear(8, 3), new Softmax());
        Tensor xf = x.to(DType.FLOAT32);
        assertArrayEquals(f.forward(xf).toDoubleArray(), f.predict(xf).toDoubleArray(), 1e-7);
    }

    @Test
    void whatItCannotDoGoesToAutograd() {
        assertNull(FusedDense.of(new Sequential(new Linear(2, 2), new ReLU(), new Tanh(), new Linear(2, 1)), new MSELoss()));
        assertNull(FusedDense.of(new Sequential(new ReLU(), new Linear(2, 1)), new MSELoss()));
        assertNull(FusedDense.of(new Sequential(new Linear(2, 2), new Softmax()), new MSELoss())); // softmax: inference only
        FusedDense f = FusedDense.of(new Sequential(new Linear(2, 3)), new CrossEntropyLoss());
        assertEquals(false, f.accepts(xor(), xor())); // class probabilities as targets: autograd handles them
        assertEquals(false, f.accepts(xor().to(DType.FLOAT32), Tensor.of(0, 1, 2, 0)));
    }

    @Test
    void badClassTargetsAreNamedAsByTheLoss() {
        Sequential m = new Sequential(new Linear(2, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> Trainer.builder(m, new CrossEntropyLoss(),
                new SGD(m.parameters(), 0.1)).build().fit(xor(), Tensor.of(0, 1, 3, 0)));
        assertEquals("CrossEntropyLoss: target 3.0 at row 2 is not a class in 0..2", e.getMessage());
    }

    /** Every optimiser, not only plain SGD: its buffers are made at the first step and reused after. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("optimisers")
    void aTrainingStepAllocatesNothingOnceWarm(String name, DType dtype) {
        Sequential m = seeded(1, dtype, new Linear(30, 20), new ReLU(), new Linear(20, 5));
        FusedDense f = FusedDense.of(m, new CrossEntropyLoss());
        Tensor x = inputs(64, 30, dtype), y = classes(64, 5);
        List<Tensor> ps = m.parameters();
        Optimizer opt = switch (name) {
            case "sgd" -> new SGD(ps, 0.01);
            case "sgd+decay" -> new SGD(ps, 0.01).weightDecay(1e-3);
            case "nesterov" -> new SGD(ps, 0.01).momentum(0.9).nesterov(true).weightDecay(1e-4);
            case "adam" -> new Adam(ps, 0.01).weightDecay(1e-3);
            case "adamw" -> new AdamW(ps, 0.01);
            case "rmsprop" -> new RMSprop(ps, 0.001).momentum(0.5);
            default -> throw new IllegalArgumentException(name);
        };
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        // "warm" means compiled by C2: until then the Vector API kernels box. Late in a test run C2's queue is long
        // and a kernel that only this test's shapes call (SmallF.rows16) was compiled after 200 windows of 100 steps,
        // so measure windows of 100 steps until one allocates nothing, for up to 60 s.
        long allocated = -1;
        for (long end = System.nanoTime() + 60_000_000_000L; allocated != 0 && System.nanoTime() < end; ) {
            long before = bean.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 100; i++) {
                f.trainStep(x, y, null, (i % 4) * 16, (i % 4) * 16 + 16);
                opt.step();
            }
            allocated = bean.getThreadAllocatedBytes(tid) - before;
        }
        assertEquals(0, allocated, "bytes allocated by 100 warm steps");
    }

    static Stream<Arguments> optimisers() {
        return Stream.of("sgd", "sgd+decay", "nesterov", "adam", "adamw", "rmsprop")
                .flatMap(o -> Stream.of(Arguments.of(o, DType.FLOAT32), Arguments.of(o, DType.FLOAT64)));
    }
}
