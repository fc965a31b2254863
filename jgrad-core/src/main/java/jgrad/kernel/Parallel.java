package jgrad.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thread pool of jgrad's kernels. One pool only: two pools on two cores starve each other
 * (RESULTS.md measured DL4J and PyTorch 4x slower that way). The calling thread works too, so
 * {@code threads() == 2} means one extra worker.
 *
 * <p>A job is a number of independent tasks, handed out first come first served. Kernels make every
 * task compute a fixed set of outputs in a fixed order, so who runs which task never changes a bit.
 *
 * <p>Workers spin briefly after a job before parking: a training step issues GEMMs back to back and a
 * futex wake-up per GEMM would cost more than a small GEMM. They spin by yielding, so that a thread waiting for
 * their core gets it: on two cores the JIT's compiler thread makes three, and a worker spinning on the caller's core
 * kept the caller from handing out the next job, the worker then parked, and waking it cost the caller 70-250 µs per
 * step of W1 (the woken worker took the caller's core and ran the whole job alone). Yielding, it parked 0.02 times a
 * step instead of 0.37 in the bench's timed epoch, which ran in 0.21 s instead of 0.24 (8 alternated processes).
 */
public final class Parallel {
    /** One unit of a job; {@code task} runs from 0 to tasks-1, each exactly once. */
    public interface Body {
        void run(int task);
    }

    private static final long SPIN_NANOS = 100_000;
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static volatile Pool pool = new Pool(initialThreads());

    private Parallel() {}

    private static int initialThreads() {
        String p = System.getProperty("jgrad.threads");
        int n = p == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(p.trim());
        return Math.max(1, n);
    }

    /** Threads a kernel may use, the caller included (property {@code jgrad.threads}, default: all cores). */
    public static int threads() {
        return pool.size;
    }

    /** Sets the thread count (at least 1); results do not depend on it, only speed does. */
    public static void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        LOCK.lock();
        try {
            if (n != pool.size) {
                pool.shutdown();
                pool = new Pool(n);
            }
        } finally {
            LOCK.unlock();
        }
    }

    /**
     * Runs tasks 0..tasks-1 and returns when all are done. Runs them inline when there is one thread or
     * one task, when called from a task (by a worker or by the caller of the running job), or when another
     * thread is using the pool (no queueing: the results are the same, only not shared out).
     */
    public static void run(int tasks, Body body) {
        if (tasks <= 0) return;
        Pool p = pool;
        if (tasks == 1 || p.size == 1 || Thread.currentThread() instanceof Worker || LOCK.isHeldByCurrentThread() || !LOCK.tryLock()) {
            for (int t = 0; t < tasks; t++) body.run(t);
            return;
        }
        try {
            pool.execute(tasks, body);
        } finally {
            LOCK.unlock();
        }
    }

    private static final class Worker extends Thread {
        Worker(Runnable r, String name) {
            super(r, name);
            setDaemon(true);
        }
    }

    private static final class Pool {
        final int size;
        final Worker[] workers;
        /** (generation << 32) | next task index: a worker late from an old job cannot take a new job's task. */
        final AtomicLong next = new AtomicLong();
        final AtomicInteger remaining = new AtomicInteger();
        volatile Body body;
        volatile int tasks;
        volatile long generation;
        volatile boolean stopped;
        volatile Thread caller;
        volatile Throwable failure;

        Pool(int size) {
            this.size = size;
            workers = new Worker[size - 1];
            for (int i = 0; i < workers.length; i++) {
                workers[i] = new Worker(this::workLoop, "jgrad-kernel-" + (i + 1));
                workers[i].start();
            }
        }

        void execute(int n, Body b) {
            long g = generation + 1;
            failure = null;
            caller = Thread.currentThread();
            remaining.set(n);
            // order matters: next, then body and tasks, then generation (see work())
            next.set(g << 32);
            body = b;
            tasks = n;
            generation = g;
            for (Worker w : workers) LockSupport.unpark(w);
            work(g);
            long t0 = System.nanoTime();
            while (remaining.get() > 0) {
                if (System.nanoTime() - t0 < SPIN_NANOS) Thread.onSpinWait();
                else LockSupport.parkNanos(this, 50_000);
            }
            body = null;
            Throwable f = failure;
            if (f instanceof RuntimeException e) throw e;
            if (f instanceof Error e) throw e;
        }

        /**
         * Takes tasks of generation g. Reading g before body and tasks, and claiming with a CAS that checks
         * g, means the body and count read belong to g whenever a claim succeeds.
         */
        private void work(long g) {
            Body b = body;
            int n = tasks;
            while (true) {
                long v = next.get();
                int t = (int) v;
                if (v >>> 32 != g || t >= n) return;
                if (!next.compareAndSet(v, v + 1)) continue;
                try {
                    b.run(t);
                } catch (Throwable e) {
                    failure = e;
                }
                if (remaining.decrementAndGet() == 0) LockSupport.unpark(caller);
            }
        }

        private void workLoop() {
            long seen = 0;
            while (!stopped) {
                long t0 = System.nanoTime();
                while (generation == seen && !stopped) {
                    if (System.nanoTime() - t0 < SPIN_NANOS) Thread.yield();
                    else LockSupport.park(this);
                }
                if (stopped) return;
                seen = generation;
                work(seen);
            }
        }

        void shutdown() {
            stopped = true;
            for (Worker w : workers) LockSupport.unpark(w);
        }
    }
}
