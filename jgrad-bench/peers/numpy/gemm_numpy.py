"""numpy peer of `jgrad bench gemm`: the same float32 products, through numpy's OpenBLAS, as GFLOP/s.

usage: python3 gemm_numpy.py {default|1|2} SHAPE...   SHAPE as jgrad prints it, op:m:k:n
(ab = A·B, atb = Aᵀ·B with A stored [k×m], abt = A·Bᵀ with B stored [n×k]); the result goes into a
preallocated output, as jgrad's does. Median and range of 5 repetitions of ~0.1 s after a warm-up.
With 1 thread the clock is this thread's CPU time (OpenBLAS then runs in the calling thread), as jgrad's:
on a shared machine wall time would measure the neighbours.
"""
import json
import os
import sys
import time

THREADS = sys.argv[1]
if THREADS != "default":
    for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[v] = THREADS
import numpy as np  # noqa: E402


def kernel():
    try:
        from threadpoolctl import threadpool_info
        return [(i.get("internal_api"), i.get("architecture"), i.get("num_threads")) for i in threadpool_info() if i.get("user_api") == "blas"]
    except ImportError:
        return os.environ.get("OPENBLAS_CORETYPE", "auto")


clock = time.thread_time if THREADS == "1" else time.perf_counter
rows = []
rng = np.random.default_rng(1)
for shape in sys.argv[2:]:
    op, m, k, n = shape.split(":")[0], *map(int, shape.split(":")[1:])
    a = rng.uniform(-1, 1, (k, m) if op == "atb" else (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, k) if op == "abt" else (k, n)).astype(np.float32)
    c = np.empty((m, n), np.float32)
    f = {"ab": lambda: np.matmul(a, b, out=c), "atb": lambda: np.matmul(a.T, b, out=c), "abt": lambda: np.matmul(a, b.T, out=c)}[op]
    flops = 2.0 * m * k * n
    calls = max(1, int(0.1 * 50e9 / flops))
    for _ in range(3 * calls):
        f()
    g = []
    for _ in range(5):
        t0 = clock()
        for _ in range(calls):
            f()
        g.append(flops * calls / (clock() - t0) / 1e9)
    g.sort()
    rows.append({"shape": shape, "gflops": round(g[2], 1), "gflops_min": round(g[0], 1), "gflops_max": round(g[4], 1)})
print("RESULT " + json.dumps({"peer": "numpy", "workload": "gemm", "threads": THREADS, "version": "numpy " + np.__version__,
                              "blas": kernel(), "products": rows}), flush=True)
