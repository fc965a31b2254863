package jgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import jgrad.autograd.GradCheck;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every operation's backward rule agrees with finite differences, on random shapes, float64. */
class GradCheckPropertyTest {
    private static final double TOLERANCE = 1e-6;

    /** A random shape of rank 1–3 with dimensions 1–4, and a seed for the values. */
    record Case(int[] shape, long seed) {
        Tensor values(double low, double high) {
            Rng rng = new Rng(seed);
            Tensor t = Tensor.zeros(shape);
            // keep away from kinks (abs, relu at 0) so central differences are meaningful
            for (int i = 0; i < t.size(); i++) {
                double v = rng.uniform(low, high);
                t.setFlat(i, Math.abs(v) < 0.05 ? v + 0.1 : v);
            }
            return t;
        }

        Tensor values() {
            return values(-2, 2);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<int[]> shapes = Arbitraries.integers().between(1, 4).array(int[].class).ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(shapes, Arbitraries.longs()).as(Case::new);
    }

    private static void check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.Result r = GradCheck.check(f, inputs);
        assertTrue(r.passed(TOLERANCE), () -> "relative error " + r.maxRelativeError() + " at " + r.where());
    }

    @Property(tries = 30)
    void unaryOperations(@ForAll("cases") Case c) {
        check(in -> in[0].neg(), c.values());
        check(in -> in[0].exp(), c.values());
        check(in -> in[0].log(), c.values(0.2, 3));
        check(in -> in[0].sqrt(), c.values(0.2, 3));
        check(in -> in[0].abs(), c.values());
        check(in -> in[0].sigmoid(), c.values());
        check(in -> in[0].tanh(), c.values());
        check(in -> in[0].relu(), c.values());
        check(in -> in[0].leakyRelu(0.1), c.values());
        for (var f : jgrad.function.Activations.all()) check(in -> in[0].apply(f), c.values()); // every registered one, SiLU included
        check(in -> in[0].pow(3), c.values());
        check(in -> in[0].pow(-1.5), c.values(0.5, 2));
    }

    @Property(tries = 30)
    void binaryOperationsWithBroadcasting(@ForAll("cases") Case c) {
        int[] s = c.shape();
        int[] row = new int[] {s[s.length - 1]}; // broadcasts along every leading dimension
        Tensor a = c.values();
        Tensor b = new Case(s, c.seed() + 1).values();
        Tensor r = new Case(row, c.seed() + 2).values(0.5, 2);
        check(in -> in[0].add(in[1]), a, b);
        check(in -> in[0].sub(in[1]), a, r);
        check(in -> in[0].mul(in[1]), a, r);
        check(in -> in[0].div(in[1]), a, r);
        check(in -> in[1].div(in[0]), new Case(s, c.seed() + 3).values(0.5, 2), a);
        check(in -> in[0].mul(3).add(1).div(2).sub(0.5), a);
    }

    @Property(tries = 30)
    void reductionsAndSoftmax(@ForAll("cases") Case c) {
        int last = c.shape().length - 1;
        check(in -> in[0].sum(), c.values());
        check(in -> in[0].mean(), c.values());
        check(in -> in[0].sum(0, false), c.values());
        check(in -> in[0].sum(last, true), c.values());
        check(in -> in[0].mean(last, false), c.values());
        check(in -> in[0].softmax(last), c.values());
        check(in -> in[0].softmax(0), c.values());
        check(in -> in[0].logSoftmax(last), c.values());
    }

    @Property(tries = 30)
    void structure(@ForAll("cases") Case c) {
        int[] s = c.shape();
        int m = s[0], k = s[s.length - 1], n = 1 + (int) Math.floorMod(c.seed(), 4L);
        Tensor a = new Case(new int[] {m, k}, c.seed()).values();
        Tensor b = new Case(new int[] {k, n}, c.seed() + 1).values();
        check(in -> in[0].matmul(in[1]), a, b);
        check(in -> in[0].transpose(), a);
        check(in -> in[0].reshape(-1), c.values());
        check(in -> Tensor.concat(0, in[0], in[1]), c.values(), new Case(s, c.seed() + 5).values());
        check(in -> Tensor.concat(s.length - 1, in[0], in[1]), c.values(), new Case(s, c.seed() + 6).values());
        check(in -> in[0].rows(0, m - 1, 0), c.values());
    }
}
