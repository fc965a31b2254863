package jgrad.kernel;

import jgrad.function.Activation;
import jgrad.function.Activations;

/**
 * Blocked matrix-product driver shared by float32 and float64: C[m×n] (+)= A·B where A and B are read
 * through strides, element A(i,p) = a[aOff + i*rsA + p*csA] and B(p,j) = b[p*rsB + j*csB]. That covers A·B,
 * Aᵀ·B and A·Bᵀ without materialising a transpose.
 *
 * <p>Blocking (GotoBLAS/BLIS), sizes from {@link Blocking}: C is split into tasks of at most {@code mc} rows
 * and {@code nc} columns. For each k-block of {@code kc}, a task packs its rows of A into contiguous slivers
 * of {@code mr} rows (zero-padded at the fringe) unless it reads them where they are, then for each panel of
 * {@code nr} columns of B, packed [kc][nr] (it streams from L2, see {@link Blocking}), the micro-kernel sweeps the slivers, keeping an
 * mr×nr tile of C in registers. Both operands packed, the kernel reads two unit-stride streams whatever
 * the strides of A and B, with no bounds check left in its loop.
 *
 * <p>Determinism: every element of C is {@code fma(a_p, b_p, ...)} chained over p = 0..k-1 in order,
 * starting from C (accumulate) or from 0. Storing and reloading C between k-blocks does not round, so
 * the value depends neither on the blocking, nor on the thread split, nor on SIMD versus scalar code.
 *
 * <p>One instance per calling thread is reused from call to call, and the packing buffers belong to the
 * thread that runs a task and only grow: no allocation per call (an allocating GEMM runs slower and less
 * evenly under G1 than under ParallelGC).
 */
abstract class Gemm implements Parallel.Body {
    /** Below this many multiply-adds a product is not split across threads (a hand-off costs ~10 µs). */
    static final long PARALLEL_MIN = 1L << 19;
    /** A B of at most this many elements is packed by the calling thread: a hand-off would cost more. */
    static final long INLINE_PACK_MAX = 1L << 16;

    int m, n, k, aOff, rsA, csA, rsB, csB;
    boolean accumulate, simd;
    /** Applied to each task's block of C once its last k-block is done; null: none. */
    Activation act;
    /**
     * Bias and ReLU (or the bias alone) go on each tile as its last k-block stores it, while it is in L1, not over the
     * task's block afterwards: that pass read C back from L2, or from L3 at a batch of 512 (W3: 4.5% of the samples).
     */
    boolean finishTiles, finishRelu;
    /** Tile and block sizes of this call (SIMD or scalar), and L1d's and L2's sizes in bytes. */
    int mr, nr, kc, mc, nc, l1d, l2;
    /** A is packed [mr][kc] whatever its strides ({@link Blocking#packARowsOnly}). */
    boolean packRowsOnly;
    /**
     * The vector kernels read full slivers of A where they are. When A's rows run along p, the rows rsA apart: the
     * copy {@link #packA} would make is the same rows, and cost 3% of W1's forward product. When its columns do
     * (Aᵀ·G, a weight gradient), each p's mr values side by side, csA apart: packing them [kc][mr] was 5% of W1's
     * step. Only a fringe sliver (fewer than mr rows, which the kernel would read past) is packed, and A whose
     * stride puts the sliver's lines in few L1 sets (rows 2048 floats apart: 8% slower in place) is packed whole.
     */
    boolean aInPlace;
    /** The kernels' {@code lda} for A in place: rsA for rows along p, −csA for Aᵀ (see {@link SimdF#micro}). */
    private int inPlaceLda;
    private int rowsPerTask, colsPerTask, colTasks;
    /** Panels of B a task packs side by side and each sliver of A meets in turn ({@link #sweepGroups}); 1: none. */
    private int panelGroup;
    /** B packed once for all tasks (when several row tasks would each pack it again), and the phase doing it. */
    private Object sharedB;
    /** A packed once for all tasks (when several column tasks would each pack all of it), and its rows rounded to mr. */
    private Object sharedA;
    private int rowsPacked;
    private boolean packing;

    /** Bytes per element: 4 or 8. */
    abstract int elementBytes();

    /**
     * Packs A(i0..i0+rows, pc..pc+kc) into {@code dst} from {@code dstOff} as slivers of mr rows, sliver s at
     * s·kc·mr laid out [kc][mr] or [mr][kc] ({@link #layout}), rows past {@code rows} zero (they never reach C).
     */
    abstract void packA(Object dst, int dstOff, int i0, int rows, int pc, int kc);

    /**
     * The packed A layout for a k-block of kc, to pass to {@link #tile}: 0 for [kc][mr], else the row length of
     * [mr][kc]. Rows of A that run along p (A·B, A·Bᵀ) are copied whole; Aᵀ·B's mr values of one p lie side by
     * side and are written [kc][mr], unless that kernel spills ({@link Blocking#packARowsOnly}).
     */
    final int layout(int kc) {
        return csA == 1 || packRowsOnly ? kc : 0;
    }

    /** Packs B(pc..pc+kc, j..j+nv) into dst from dstOff as [kc][nr], zero-padded to nr columns. */
    abstract void packB(Object dst, int dstOff, int pc, int kc, int j, int nv);

    /** Packs B(pc..pc+kc, j..j+nv) into dst from 0 as [panel][kc][nr], nv up to {@link #panelGroup}·nr columns. */
    abstract void packBGroup(Object dst, int pc, int kc, int j, int nv);

    /**
     * One mr×nr tile of C at (i, j) from the packed A sliver at ap[aOff] (layout lda; the thread's own or the shared
     * packing) and the packed panel bp at bOff, using the thread's buffers for fringe tiles; mv and nv are the valid
     * rows and columns (fringe tiles are partial); {@code finish}: then the epilogue on it ({@link #finishTiles}).
     */
    abstract void tile(Object buffers, Object ap, int aOff, int lda, Object bp, int bOff, int i, int mv, int j, int nv, int kc, boolean load, boolean finish);

    /** C(i0..i1, j0..j1) = act(C + bias): the bias and activation of a dense layer. */
    abstract void epilogue(int i0, int i1, int j0, int j1);

    /** A itself, for {@link #aInPlace}. */
    abstract Object a();

    /** The executing thread's packing buffers, large enough for this call's blocks. */
    abstract Object buffers();

    /** The executing thread's panel for one packed block of B. */
    abstract Object localPanel(Object buffers);

    /** The executing thread's space for one packed block of A. */
    abstract Object localA(Object buffers);

    /** This job's array for all of A packed, at least {@code size} long (kept for the next call). */
    abstract Object sharedSlivers(int size);

    /** This job's array for all of B packed, at least {@code size} long (kept for the next call). */
    abstract Object sharedPanels(int size);

    final void set(int aOff, int rsA, int csA, int rsB, int csB, int m, int k, int n, boolean accumulate, boolean simd, Blocking blocking) {
        this.aOff = aOff;
        this.rsA = rsA;
        this.csA = csA;
        this.rsB = rsB;
        this.csB = csB;
        this.m = m;
        this.k = k;
        this.n = n;
        this.accumulate = accumulate;
        this.simd = simd;
        this.mr = blocking.mr();
        this.nr = blocking.nr();
        this.kc = blocking.kc();
        this.mc = blocking.mc();
        this.nc = blocking.nc();
        this.l1d = blocking.l1d();
        this.l2 = blocking.l2();
        this.packRowsOnly = blocking.packARowsOnly();
        boolean rows = csA == 1, columns = rsA == 1 && !packRowsOnly; // columns: Aᵀ, each p's mr values side by side
        this.aInPlace = simd && (rows ? spreadOverL1Sets((long) rsA * elementBytes(), mr)
                : columns && spreadOverL1Sets((long) csA * elementBytes(), kcMax())); // a sliver reads a k-block's lines csA apart
        this.inPlaceLda = rows ? rsA : -csA;
    }

    /** Splits C into tasks and runs them; the split only affects speed. */
    final void execute(int threads) {
        long work = (long) m * n * k;
        int panels = Math.ceilDiv(n, nr);
        int parallel = threads > 1 && work >= PARALLEL_MIN ? threads : 1;
        // mc rows of a panel as deep as half of L1 fill half of L2; a shallower product (a weight gradient over a batch
        // of 128) fits more rows there. One row task then needs no B packed beforehand, which the caller did alone for
        // a B this small while the workers waited (W1 +1.5% on one thread, +3.4% on two, in-process A/B). Not when
        // the columns alone give too few tasks (a 10-wide layer's), which the row tasks share out.
        int rowsMax = mc;
        if (panels >= 2 * parallel) rowsMax = Math.max(mc, l2 / 2 / (kcMax() * elementBytes()) / mr * mr);
        int rowBlocks = Math.ceilDiv(m, rowsMax);
        rowsPerTask = roundUp(Math.ceilDiv(m, rowBlocks), mr);
        int rowTasks = Math.ceilDiv(m, rowsPerTask);
        // a few tasks per thread so that a thread slowed by the shared machine does not hold up the rest
        int byCache = Math.ceilDiv(panels * nr, nc);
        colTasks = parallel == 1 ? byCache : Math.clamp(Math.ceilDiv(4 * parallel, rowTasks), byCache, panels);
        colsPerTask = Math.ceilDiv(panels, colTasks) * nr;
        colTasks = Math.ceilDiv(n, colsPerTask);
        finishRelu = Activations.RELU.equals(act);
        finishTiles = simd && (finishRelu || Activations.IDENTITY.equals(act));
        sharedB = null;
        if (rowTasks > 1) { // tall products (inference on big batches): pack B once, not once per row task
            Object packed = sharedPanels(panels * nr * k);
            packing = true;
            try {
                if ((long) panels * nr * k <= INLINE_PACK_MAX) for (int t = 0; t < panels; t++) run(t);
                else Parallel.run(panels, this);
            } finally {
                packing = false;
            }
            sharedB = packed;
        }
        // A task whose block of B outgrows L2 reads B from L3 or memory while it packs it: a group of panels that fills
        // half of L2 at a time (see sweepGroups). A block that fits (W1's, the warm-up's) and B packed once for all
        // tasks (inference's tall products) take one panel at a time, as before: W1's X·W in groups, with A beside
        // them in L2, ran 1.6% slower with AVX2.
        panelGroup = 1;
        if (simd && sharedB == null && (long) kcMax() * colsPerTask * elementBytes() > l2) {
            panelGroup = (int) Math.clamp(l2 / 2 / ((long) kcMax() * nr * elementBytes()), 1, colsPerTask / nr);
        }
        sharedA = null;
        if (rowTasks == 1 && colTasks > 1 && !aInPlace) { // short, wide products (a training step's batch): pack A once, not per column task
            rowsPacked = roundUp(m, mr);
            Object packed = sharedSlivers(rowsPacked * k);
            for (int pc = 0, kcMax = kcMax(); pc < k; pc += kcMax) packA(packed, pc * rowsPacked, 0, m, pc, Math.min(kcMax, k - pc));
            sharedA = packed;
        }
        Parallel.run(rowTasks * colTasks, this);
    }

    @Override
    public final void run(int task) {
        if (packing) { // panel `task` of B, all of k: [panel][k][nr]
            int j = task * nr;
            packB(sharedPanels(0), task * k * nr, 0, k, j, Math.min(nr, n - j));
            return;
        }
        Object buf = buffers();
        int i0 = (task / colTasks) * rowsPerTask, i1 = Math.min(m, i0 + rowsPerTask);
        int j0 = (task % colTasks) * colsPerTask, j1 = Math.min(n, j0 + colsPerTask);
        int kcMax = kcMax();
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            boolean load = accumulate || pc > 0, finish = finishTiles && pc + kc == k;
            int lda = layout(kc);
            Object ap = sharedA;
            int aBase = pc * rowsPacked; // the block's slivers in the shared A (rowTasks is 1 then: i0 = 0)
            int fringe = i0 + (i1 - i0) / mr * mr; // the first row of a sliver shorter than mr, or i1
            if (ap == null) {
                ap = localA(buf);
                aBase = 0;
                if (!aInPlace) packA(ap, 0, i0, i1 - i0, pc, kc);
                else for (int f = fringe; f < i1; f = i1) packA(ap, 0, f, i1 - f, pc, kc); // a loop, not an if: see below
            }
            if (panelGroup > 1) {
                sweepGroups(buf, ap, aBase, lda, i0, i1, fringe, j0, j1, pc, kc, load, finish);
                continue;
            }
            for (int j = j0; j < j1; j += nr) {
                int nv = Math.min(nr, j1 - j);
                Object bp = sharedB;
                int bOff = (j / nr) * k * nr + pc * nr;
                if (bp == null) {
                    bp = localPanel(buf);
                    bOff = 0;
                    packB(bp, 0, pc, kc, j, nv);
                }
                if (aInPlace) {
                    Object a = a();
                    for (int i = i0; i < fringe; i += mr) tile(buf, a, aOff + i * rsA + pc * csA, inPlaceLda, bp, bOff, i, mr, j, nv, kc, load, finish);
                    // At most one fringe sliver, written as a loop: a loop's test has seen both outcomes once it has run,
                    // where an `if` always true in W1's 128-row batches compiled to a trap, and the epoch's last batch
                    // (96 rows, no fringe) threw the compiled driver away at the start of the next epoch.
                    for (int f = fringe; f < i1; f = i1) tile(buf, ap, 0, lda, bp, bOff, f, i1 - f, j, nv, kc, load, finish);
                    continue;
                }
                for (int i = i0, ao = aBase; i < i1; i += mr, ao += kc * mr) tile(buf, ap, ao, lda, bp, bOff, i, Math.min(mr, i1 - i), j, nv, kc, load, finish);
            }
        }
        if (act != null && !finishTiles) epilogue(i0, i1, j0, j1);
    }

    /**
     * The task's tiles of one k-block, a group of panels at a time: packed side by side, each row of B read across the
     * group (one panel at a time, the packing waited on one row of B after another: 28% of X·W at a width of 2,048 and
     * a batch of 128), then each sliver of A meets the group's panels in turn. X·W 2,048 wide +5-12%, W1 level
     * (in-process A/B). A separate method, so that the products that never group (inference's, W3's) compile the
     * driver as before: inside {@link #run} it had C2 compile more of it in W3's timed passes (W3 on two threads 7-10%
     * slower over 30 alternated processes).
     */
    private void sweepGroups(Object buf, Object ap, int aBase, int lda, int i0, int i1, int fringe, int j0, int j1, int pc, int kc,
                             boolean load, boolean finish) {
        Object bp = localPanel(buf);
        for (int g = j0, step = panelGroup * nr; g < j1; g += step) {
            int gEnd = Math.min(j1, g + step);
            packBGroup(bp, pc, kc, g, gEnd - g);
            if (aInPlace) {
                Object a = a();
                for (int i = i0; i < fringe; i += mr) {
                    for (int j = g; j < gEnd; j += nr) tile(buf, a, aOff + i * rsA + pc * csA, inPlaceLda, bp, (j - g) * kc, i, mr, j, Math.min(nr, j1 - j), kc, load, finish);
                }
                for (int f = fringe; f < i1; f = i1) { // a loop, not an if: see run
                    for (int j = g; j < gEnd; j += nr) tile(buf, ap, 0, lda, bp, (j - g) * kc, f, i1 - f, j, Math.min(nr, j1 - j), kc, load, finish);
                }
                continue;
            }
            for (int i = i0, ao = aBase; i < i1; i += mr, ao += kc * mr) {
                for (int j = g; j < gEnd; j += nr) tile(buf, ap, ao, lda, bp, (j - g) * kc, i, Math.min(mr, i1 - i), j, Math.min(nr, j1 - j), kc, load, finish);
            }
        }
    }

    /** Elements of one task's packed A block: its rows, rounded up to mr, by the k-block. */
    final int aBlockSize() {
        return rowsPerTask * kcMax();
    }

    /** Elements of a task's packed B: the k-block by nr, for each panel of a group. */
    final int panelSize() {
        return panelGroup * kcMax() * nr;
    }

    /** The length of every k-block but the last: k split into equal blocks of at most kc. */
    private int kcMax() {
        return Math.ceilDiv(k, Math.ceilDiv(k, kc));
    }

    /**
     * Whether {@code rows} rows {@code strideBytes} apart, read side by side, spread over enough L1 sets. L1
     * caches index their sets by the address within a 4 KiB page (64 sets of 64-byte lines: 32 KiB 8-way, 48 KiB
     * 12-way), so rows 1, 2 or 4 KiB apart fall into 1, 2 or 4 sets and evict each other: A read in place
     * across rows 8 KiB apart (a 2048-wide layer's input) ran 8% slower than packed, and 3-6% faster across W1's.
     */
    static boolean spreadOverL1Sets(long strideBytes, int rows) {
        if (strideBytes % 64 != 0) return true;
        long lines = (strideBytes / 64) % 64;
        int sets = lines == 0 ? 1 : 64 / (int) gcd(lines, 64);
        return Math.ceilDiv(rows, sets) <= 8; // leave ways for the panel and the A sliver
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    static int roundUp(int x, int multiple) {
        return Math.ceilDiv(x, multiple) * multiple;
    }
}
