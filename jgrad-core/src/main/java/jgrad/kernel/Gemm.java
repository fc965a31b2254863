package jgrad.kernel;

import jgrad.function.Activation;

/**
 * Blocked matrix-product driver shared by float32 and float64: C[m×n] (+)= A·B where A and B are read
 * through strides, element A(i,p) = a[aOff + i*rsA + p*csA] and B(p,j) = b[p*rsB + j*csB]. That covers A·B,
 * Aᵀ·B and A·Bᵀ without materialising a transpose.
 *
 * <p>Blocking (BLIS order): for each k-block of {@link #KC}, each panel of {@code nr} columns of B is
 * packed contiguously (it stays in L1), then the micro-kernel sweeps the task's rows in slivers of
 * {@code mr} (6 or 8), reading A in place (the task's rows × KC stay in L2) and keeping an mr×nr tile of C in
 * registers.
 *
 * <p>Determinism: every element of C is {@code fma(a_p, b_p, ...)} chained over p = 0..k-1 in order,
 * starting from C (accumulate) or from 0. Storing and reloading C between k-blocks does not round, so
 * the value depends neither on the blocking, nor on the thread split, nor on SIMD versus scalar code.
 *
 * <p>One instance per calling thread is reused from call to call (no allocation per call); the packing
 * buffers belong to the thread that runs a task.
 */
abstract class Gemm implements Parallel.Body {
    /** The most rows a micro-tile has (buffers are sized for it). */
    static final int MAX_MR = 8;
    static final int KC = 256;
    /** Below this many multiply-adds a product is not split across threads (a hand-off costs ~10 µs). */
    static final long PARALLEL_MIN = 1L << 19;
    /** A B of at most this many elements is packed by the calling thread: a hand-off would cost more. */
    static final long INLINE_PACK_MAX = 1L << 16;

    int m, n, k, aOff, rsA, csA, rsB, csB;
    boolean accumulate, simd;
    /** Applied to each task's block of C once its last k-block is done; null: none. */
    Activation act;
    /** Rows and columns per micro-tile: the SIMD kernel's, or 6 × 8 in scalar code. */
    int mr, nr;
    private int rowsPerTask, colsPerTask, colTasks;
    /** B packed once for all tasks (when several row tasks would each pack it again), and the phase doing it. */
    private Object sharedB;
    private boolean packing;

    /** Budget for one task's A block (rows × KC): 192 KiB, well inside a 512 KiB (Zen 2) or 1 MiB (Zen 4) L2. */
    static final int A_BLOCK_BYTES = 192 * KC * 4;

    /** Bytes per element: 4 or 8. */
    abstract int elementBytes();

    /** Packs B(pc..pc+kc, j..j+nv) into dst from dstOff as [kc][nr], zero-padded to nr columns. */
    abstract void packB(Object dst, int dstOff, int pc, int kc, int j, int nv);

    /**
     * One mr×nr tile of C at (i, j) from the packed panel bp at bOff; mv and nv are the valid rows and
     * columns (fringe tiles are partial).
     */
    abstract void tile(Object buffers, Object bp, int bOff, int i, int mv, int j, int nv, int pc, int kc, boolean load);

    /** C(i0..i1, j0..j1) = act(C + bias): the bias and activation of a dense layer. */
    abstract void epilogue(int i0, int i1, int j0, int j1);

    /** The executing thread's packing buffers. */
    abstract Object buffers();

    /** The executing thread's panel for one packed block of B. */
    abstract Object localPanel(Object buffers);

    /** This job's array for all of B packed, at least {@code size} long (kept for the next call). */
    abstract Object sharedPanels(int size);

    final void set(int aOff, int rsA, int csA, int rsB, int csB, int m, int k, int n, boolean accumulate, boolean simd, int mr, int nr) {
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
        this.mr = mr;
        this.nr = nr;
    }

    /** Splits C into tasks and runs them; the split only affects speed. */
    final void execute(int threads) {
        long work = (long) m * n * k;
        int rowBlocks = Math.max(1, Math.ceilDiv(m, A_BLOCK_BYTES / (KC * elementBytes())));
        rowsPerTask = roundUp(Math.ceilDiv(m, rowBlocks), mr);
        int rowTasks = Math.ceilDiv(m, rowsPerTask);
        int panels = Math.ceilDiv(n, nr);
        int parallel = threads > 1 && work >= PARALLEL_MIN ? threads : 1;
        // a few tasks per thread so that a thread slowed by the shared machine does not hold up the rest
        colTasks = parallel == 1 ? 1 : Math.clamp(Math.ceilDiv(4 * parallel, rowTasks), 1, panels);
        colsPerTask = Math.ceilDiv(panels, colTasks) * nr;
        colTasks = Math.ceilDiv(n, colsPerTask);
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
        int kBlocks = Math.ceilDiv(k, KC), kcMax = Math.ceilDiv(k, kBlocks);
        for (int pc = 0; pc < k; pc += kcMax) {
            int kc = Math.min(kcMax, k - pc);
            boolean load = accumulate || pc > 0;
            for (int j = j0; j < j1; j += nr) {
                int nv = Math.min(nr, j1 - j);
                Object bp = sharedB;
                int bOff = (j / nr) * k * nr + pc * nr;
                if (bp == null) {
                    bp = localPanel(buf);
                    bOff = 0;
                    packB(bp, 0, pc, kc, j, nv);
                }
                for (int i = i0; i < i1; i += mr) tile(buf, bp, bOff, i, Math.min(mr, i1 - i), j, nv, pc, kc, load);
            }
        }
        if (act != null) epilogue(i0, i1, j0, j1);
    }

    static int roundUp(int x, int multiple) {
        return Math.ceilDiv(x, multiple) * multiple;
    }
}
