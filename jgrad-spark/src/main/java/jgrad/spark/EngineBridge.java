package jgrad.spark;

import jgrad.model.LossKind;
import jgrad.model.Mlp;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jgrad.cli.data.Schema;
import jgrad.cli.model.Model;
import jgrad.cli.model.Network;
import jgrad.data.Scaler;
import jgrad.nn.CrossEntropyLoss;
import jgrad.nn.FusedDense;
import jgrad.nn.Loss;
import jgrad.nn.MSELoss;
import jgrad.nn.Sequential;
import jgrad.tensor.DType;
import jgrad.tensor.Rng;
import jgrad.tensor.Tensor;

/**
 * Every call from jgrad-spark into the engine (jgrad-core) and into jgrad-cli's model code, in one
 * place: the rest of the module sees networks only as flat {@code double[]} parameter vectors,
 * which is also how they travel between the driver and the executors.
 */
final class EngineBridge {
    private EngineBridge() {}

    /** A network as {@code Training.fit} builds it, in plain serialisable values. */
    record Net(int inputs, String layers, int outputs, boolean softmaxOut, LossKind loss, DType dtype) implements Serializable {

        /** The network of {@code jgrad train} for this schema and these settings (softmax after MSE on classes). */
        static Net of(Schema schema, Mlp.Settings s) {
            if (s.layers().items().stream().anyMatch(i -> !(i instanceof jgrad.nn.LayerSpec.Dense))) {
                throw new jgrad.cli.UserException("--layers: jgrad spark trains dense layers and their activations; dropout, batchnorm and softmax layers are not supported on Spark yet");
            }
            boolean softmax = schema.classification() && s.loss() == LossKind.MSE;
            return new Net(schema.inputs(), s.layers().toString(), schema.outputs(), softmax, s.loss(), s.dtype());
        }

        /** A key that compares by value (a record compares its int[] by identity). */
        String key() {
            return inputs + ":" + layers + ":" + outputs + ":" + softmaxOut + ":" + loss + ":" + dtype;
        }

        /** Numbers per row the loss reads as target: a class index for cross-entropy, else one per output. */
        int targetWidth() {
            return loss == LossKind.CROSS_ENTROPY ? 1 : outputs;
        }

        /** What turns a summed loss (and gradient) into the engine's mean: rows, or rows × outputs for MSE. */
        double meanDivisor(long rows) {
            return loss == LossKind.CROSS_ENTROPY ? rows : (double) rows * outputs;
        }
    }

    /** The initial weights of {@code jgrad train} for this seed, flattened. */
    static double[] initialParameters(Net net, long seed) {
        return flatten(create(net, seed));
    }

    private static Sequential create(Net net, long seed) {
        Sequential s = jgrad.nn.LayerSpec.parse(net.layers()).build(net.inputs(), net.outputs(), seed, net.softmaxOut());
        return s.to(net.dtype());
    }

    static double[] flatten(Sequential net) {
        List<Tensor> ps = net.parameters();
        int size = 0;
        for (Tensor p : ps) size += p.size();
        double[] flat = new double[size];
        int at = 0;
        for (Tensor p : ps) for (int i = 0; i < p.size(); i++) flat[at++] = p.getFlat(i);
        return flat;
    }

    private static void load(List<Tensor> ps, double[] flat) {
        int at = 0;
        for (Tensor p : ps) {
            if (p.data64() != null) {
                System.arraycopy(flat, at, p.data64(), 0, p.size());
                at += p.size();
            } else {
                for (int i = 0; i < p.size(); i++) p.setFlat(i, flat[at++]);
            }
        }
    }

    /** The engine network holding {@code params}. */
    static Sequential network(Net net, double[] params) {
        Sequential s = create(net, 0);
        load(s.parameters(), params);
        return s;
    }

    /** The model file's contents for trained {@code params} (written by jgrad-cli's {@code ModelFile}). */
    static Model model(Schema schema, Scaler scaler, Net net, double[] params, Map<String, Object> note) {
        return new Model(schema, scaler, Network.layers(network(net, params)), net.loss(), net.dtype(), note);
    }

    /** The permutations of {@code Trainer}'s batch order: one per epoch, from one seeded generator. */
    static Rng batchOrder(long seed) {
        return new Rng(seed);
    }

    static int[] permutation(Rng rng, int n) {
        return rng.permutation(n);
    }

    /** Rows as tensors in the network's dtype: inputs [n, inputs] and targets as the loss reads them (y may be null). */
    record Rows(Tensor x, Tensor y) {}

    static Rows rows(Net net, double[] x, double[] y, int n) {
        Tensor xt = Tensor.fromArray(x, n, net.inputs()).to(net.dtype());
        if (y == null) return new Rows(xt, null);
        Tensor yt = net.loss() == LossKind.CROSS_ENTROPY ? Tensor.fromArray(y, n) : Tensor.fromArray(y, n, net.targetWidth());
        return new Rows(xt, yt.to(net.dtype()));
    }

    /**
     * One partition's rows and a network to run them through, kept per executor thread between
     * tasks: the fused dense path with summed losses, so partitions' results add up to the batch's.
     */
    static final class Local {
        private static final ThreadLocal<Map<String, Local>> CACHE = ThreadLocal.withInitial(HashMap::new);

        private final Net net;
        private final Sequential model;
        private final List<Tensor> params;
        private final Loss sumLoss;
        private final FusedDense fused;

        private Local(Net net) {
            this.net = net;
            model = create(net, 0);
            params = model.parameters();
            sumLoss = net.loss() == LossKind.CROSS_ENTROPY ? new CrossEntropyLoss(Loss.Reduction.SUM) : new MSELoss(Loss.Reduction.SUM);
            fused = FusedDense.of(model, sumLoss);
        }

        static Local of(Net net) {
            return CACHE.get().computeIfAbsent(net.key(), k -> new Local(net));
        }

        /**
         * The summed loss of rows {@code order[0..count-1]} (rows 0..count-1 when null) at {@code weights},
         * and its gradient added into {@code grad} from index {@code at}.
         */
        double lossAndGradient(double[] weights, Rows rows, int[] order, int count, double[] grad, int at) {
            load(params, weights);
            Tensor x = rows.x(), y = rows.y();
            double value;
            if (fused != null && fused.accepts(x, y)) {
                value = fused.trainStep(x, y, order, 0, count);
            } else {
                int[] pick = order != null ? java.util.Arrays.copyOf(order, count) : java.util.stream.IntStream.range(0, count).toArray();
                model.zeroGrad();
                Tensor l = sumLoss.apply(model.forward(x.rows(pick)), y.rows(pick));
                l.backward();
                value = l.item();
            }
            for (Tensor p : params) {
                Tensor g = p.grad();
                for (int i = 0; i < p.size(); i++) grad[at++] += g.getFlat(i);
            }
            return value;
        }

        /** The summed loss of every row at {@code weights}, without gradients. */
        double loss(double[] weights, Rows rows) {
            load(params, weights);
            return sumLoss.apply(model.predict(rows.x()), rows.y()).item();
        }

        /** The network's outputs for every row, row-major [n × outputs], in float64. */
        double[] outputs(double[] weights, Rows rows) {
            load(params, weights);
            return model.predict(rows.x()).to(DType.FLOAT64).data64();
        }
    }
}
