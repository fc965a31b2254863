package jgrad.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import jgrad.function.Activations;

/** What {@link Warmup} runs for the float32 kernels, and when: see {@link #prepare}. */
final class WarmupF {
    /**
     * Whether the warm-up has started of the kernels of A's rows (every product), of Aᵀ's slivers and the fringes
     * (training), and of the small products.
     */
    private static final AtomicBoolean ROWS_WARMING = new AtomicBoolean(),
            SLIVERS_WARMING = new AtomicBoolean(), FRINGES_WARMING = new AtomicBoolean(),
            SMALL_WARMING = new AtomicBoolean(), GROUPS_WARMING = new AtomicBoolean();

    private WarmupF() {}

    /**
     * Starts the warm-up of this precision's SIMD kernels, once; tiny products never start it (they stay scalar).
     * Inference needs only the kernels of A's rows; training also reads Aᵀ's slivers [kc][mr], and its batches of 128,
     * 32 or 200 rows end in a fringe sliver of 8 under 12-row tiles. Those kernels are warmed only when {@code training}
     * (or the first Aᵀ·B product) asks for them: compiling them took C2 200 ms that W3's forward products waited for
     * (its 1,000 rows end in a sliver of 4; their packing and driver code were compiled only after them, inside W3's
     * timed passes). A product that needs an unwarmed fringe kernel gets it compiled from its own calls.
     */
    static void prepare(boolean training) {
        prepare(training, false);
    }

    /**
     * The same, and with {@code asked} ({@link MatMul#prepare}: a run about to start) more of what it will run: for
     * training the small products of a classifier's output layer, for inference the blocked products' driver code;
     * see {@link #warmUp}.
     */
    static void prepare(boolean training, boolean asked) {
        if (!Simd.ENABLED) return;
        boolean rows = !ROWS_WARMING.getAndSet(true);
        boolean slivers = training && !GemmF.SIMD.packARowsOnly() && !SLIVERS_WARMING.getAndSet(true); // else Aᵀ is packed as rows
        boolean fringes = training && GemmF.SIMD.mr() > 8 && !FRINGES_WARMING.getAndSet(true);
        // with fewer than 10 lanes (AVX2's 8 floats) a 10-class output layer takes the blocked products, and the phase
        // only competed with the first epoch for the cores (W1 under AVX2: 0.75 s against 0.69)
        boolean small = training && asked && SmallF.L >= 10 && !SMALL_WARMING.getAndSet(true);
        boolean groups = training && !GROUPS_WARMING.getAndSet(true);
        if (rows || slivers || fringes || small || groups) warmUp(rows, slivers, fringes, groups, small, rows && asked && !training);
    }

    /**
     * Starts {@link Warmup} on this precision's micro-kernels (A's rows, and Aᵀ's slivers when asked), the fringe
     * kernels and the vector packing, until a probe of them runs compiled; with {@code small}, on {@link SmallF}'s
     * products too, as a classifier's 10-wide output layer takes them (forward with its bias, weight gradient with
     * the bias gradient): once every 16 steps of the first phase, then in a phase of their own until their probe runs
     * compiled. Without them, W1's first epoch ran those products boxed for its first 200 steps (6 ms a step at
     * first, 1.2-2 ms after 20, against 0.7 once compiled): 0.67 s against the second epoch's 0.33, and 0.43 s with
     * them (medians of 8 alternated processes). Only {@link MatMul#prepare} asks for them: a small network calls
     * SmallF thousands of times a second and compiles it from its own calls soon enough (W6 never calls prepare: from
     * a warm-up's tiny operands C2 had compiled a slower kernel for it, 5.3-5.7 µs instead of 4.5-4.9 in one process
     * of three). With {@code forward} (inference asked for), the first phase runs the blocked products' driver too;
     * with {@code groups} (training), the packing of B a group of panels at a time ({@code Gemm.sweepGroups}).
     */
    private static void warmUp(boolean rows, boolean slivers, boolean fringes, boolean groups, boolean small, boolean forward) {
        int mr = GemmF.SIMD.mr(), nr = GemmF.SIMD.nr(), kc = 64;
        float[] ap = new float[mr * kc], bp = new float[kc * nr], ct = new float[mr * nr];
        // every branch the products take (C loaded or not, each fringe height): a branch C2 never saw taken in the
        // warm-up compiles to a trap, and the first real call that takes it throws the compiled kernel away
        Runnable step = () -> {
            for (int load = 0; load < 2; load++) {
                if (slivers) SimdF.micro(mr, ap, 0, 0, bp, 0, 2, ct, 0, nr, load == 1);
                if (rows) SimdF.micro(mr, ap, 0, 2, bp, 0, 2, ct, 0, nr, load == 1);
                if (slivers) SimdF.micro(mr, ap, 0, -mr, bp, 0, 2, ct, 0, nr, load == 1); // Aᵀ read in place
            }
            if (slivers) SimdF.packSliver(bp, 0, 2 * mr, ap, 0, 2, mr);
            // the 8-row fringe of 12-row tiles: batches of 128, 32, 200 or 512 end in a sliver of 8 (one of 6 is rare)
            if (fringes) for (int load = 0; load < 2; load++) SimdF.microRows(8, ap, 0, 2, bp, 0, 2, ct, 0, nr, load == 1);
            // a training step's wide B packed a group of panels at a time (not for inference: its B is packed once, by panel)
            if (groups) SimdF.packRowsGroup(ap, 0, 2 * nr, bp, 0, 2, 2);
            if (!rows) return;
            SimdF.packRows(ap, 0, nr, bp, 0, 2); // the Vector API packing, which boxes as much until compiled
            // the blocked products' epilogue on a tile (bias, then ReLU or not): boxed, it ran 96 vector operations
            // per tile of W1's forward products, and the first epoch took 0.59 s against 0.43
            for (int relu = 0; relu < 2; relu++) FusedSimdF.finishTile(ct, 0, nr, mr, bp, 0, relu == 1);
            SimdF.microRows(4, ap, 0, 2, bp, 0, 2, ct, 0, nr, false); // no kernel: the case W3's 1,000 rows end in
        };
        Runnable probe = () -> {
            for (int load = 0; load < 2; load++) {
                if (slivers) SimdF.micro(mr, ap, 0, 0, bp, 0, kc, ct, 0, nr, load == 1);
                if (rows) SimdF.micro(mr, ap, 0, kc, bp, 0, kc, ct, 0, nr, load == 1);
            }
        };
        Runnable drive = forward ? driver(nr) : null;
        Warmup.Phase kernels = new Warmup.Phase(forward ? () -> { step.run(); drive.run(); } : step, 500, probe, 5_000, 10_000_000_000L);
        if (!small) {
            Warmup.start("float32", kernels);
            return;
        }
        // SmallF's forms and branches as a classifier's steps take them (the 10-wide output layer of W1: C started from
        // zeros or loaded, with and without the bias, Aᵀ's rows 16 side by side with the bias gradient), each loop of
        // p 32 steps long: C2 then compiles each kernel whole after some 600 calls, where longer loops had it compiled
        // on-stack first, from inside its loop (the 16-row kernel: 150 ms of C2's time, against 33 for the whole)
        int batch = 32, in = 48, out = 10, lanes = SmallF.L; // 48 rows of Aᵀ: two pairs of 8, one with the bias gradient
        // B's arrays one vector longer than B, so that the step reads B in place: copying it (32-48 rows of 16 lanes
        // per call) had C2 compile SmallF.product on-stack three times (60 ms); the probe takes the copying paths
        float[] x = new float[batch * in], w = new float[in * out + lanes], bias = new float[out], y = new float[batch * out];
        float[] g = new float[batch * out + lanes], dw = new float[in * out], db = new float[out];
        for (int i = 0; i < x.length; i++) x[i] = (i % 13) / 8f;
        for (int i = 0; i < w.length; i++) w[i] = ((i % 5) - 2) / 4f;
        Runnable layer = () -> { // the forward products on 8 rows: one group of rows, one loop of p per call
            SmallF.forgetRecent();
            GemmF.product(x, 0, in, 1, w, out, 1, y, 8, in, out, false, bias, Activations.IDENTITY, true, 1);
            GemmF.product(x, 0, in, 1, w, out, 1, y, 8, in, out, true, null, null, true, 1);
            GemmF.productAndBSums(x, 0, 1, in, g, dw, db, in, batch, out, true, 1);
            GemmF.product(x, 0, 1, in, g, out, 1, dw, in, batch, out, true, null, null, true, 1);
        };
        // the probe: the same forms over 64 steps of p, 1-2 µs compiled and 20-30 µs while the 16-row kernel still runs
        // boxed (once C2 has compiled the Vector API's own fallback methods: a threshold of 30 µs had passed it boxed);
        // and B's other two paths, as a layer's exact arrays take them: read in two passes (a weight array of 64 rows)
        // and copied whole (a gradient of 32 rows)
        int deep = 64;
        float[] xp = new float[deep * deep], yp = new float[deep * out], gp = new float[deep * out + lanes], wp = new float[deep * out];
        float[] gExact = new float[batch * out];
        Runnable probe64 = () -> { // the forward on 16 rows only: on more, C2 compiled its kernel on-stack from the probe
            GemmF.product(xp, 0, deep, 1, wp, out, 1, yp, 16, deep, out, false, bias, Activations.IDENTITY, true, 1);
            GemmF.productAndBSums(xp, 0, 1, in, gp, dw, db, in, deep, out, true, 1);
            GemmF.productAndBSums(x, 0, 1, in, gExact, dw, db, in, batch, out, true, 1);
        };
        Warmup.Phase smallProducts = new Warmup.Phase(layer, 50, probe64, 8_000, 2_000_000_000L);
        if (!(rows || slivers || fringes)) {
            Warmup.start("float32", smallProducts);
            return;
        }
        // the first phase runs the small products too, once every 16 steps (and the probe's paths once every 64, or C2
        // compiles them from a profile without those and the probe throws the code away): their C2 compiles are queued
        // while the blocked kernels' run, where C2 had sat idle for some 90 ms between the phases, the small products'
        // counts still climbing
        Warmup.Phase kernelsAndSmall = new Warmup.Phase(every16(step, layer, probe64), kernels.steps(), probe, kernels.compiledNanos(),
                kernels.budgetNanos());
        Warmup.start("float32", kernelsAndSmall, smallProducts);
    }

    /**
     * For inference, the blocked products' driver (execute, run, tile, the packing, the bias-and-ReLU epilogue), on two
     * small one-task products whose last rows make fringes of 8 and 4, run at every step of the kernel phase: C2
     * compiled that code only from the real products, inside W3's timed passes (W3 +4-7% on one thread, +3-7% on two,
     * two rounds of 6 alternated processes, when they ran every 16 steps). At every step their calls also get the
     * 12x32 kernel compiled whole before W3's own 784-deep calls have C2 compile it on-stack first (209 ms of C2's
     * time in one process, against 10): W3 on two threads through the bench +6% and +14% in two rounds of 10
     * alternated processes, one thread level. Not for training: compiled from one-task products, the driver slowed
     * W1's epochs on two threads by 16%.
     */
    private static Runnable driver(int nr) {
        int k = 16, n = 2 * nr;
        float[] a = new float[20 * k], b = new float[k * n], bias = new float[n], c = new float[20 * n];
        return () -> {
            GemmF.product(a, 0, k, 1, b, n, 1, c, 20, k, n, false, bias, Activations.RELU, true, 1);
            GemmF.product(a, 0, k, 1, b, n, 1, c, 16, k, n, false, bias, Activations.RELU, true, 1);
        };
    }

    /** {@code step}, and {@code often} after every 16th call and {@code seldom} after every 64th. */
    private static Runnable every16(Runnable step, Runnable often, Runnable seldom) {
        return new Runnable() {
            private int calls;

            @Override
            public void run() {
                step.run();
                if ((++calls & 15) == 0) often.run();
                if ((calls & 63) == 0) seldom.run();
            }
        };
    }
}
