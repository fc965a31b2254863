"""numpy-from-scratch peer: the way tutorials write an MLP (explicit forward, backward, update).

usage: python3 bench_numpy.py {w1|w2|w3|w1-1024|w1-2048|w6} {default|1|2} [BATCH]
Copied from shared/bench/numpy/ (w1-w3 unchanged); jgrad-bench/peers adds the wider networks (w1-1024,
w1-2048 at a batch size) and W6 (the gradient of a 24-8-2 tanh network at batch 200).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from report import Timer, emit, extra_arg, parse_args  # noqa: E402

WORKLOAD, THREADS = parse_args()
if THREADS != "default":  # must happen before numpy loads OpenBLAS
    for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[v] = THREADS

import numpy as np  # noqa: E402
import synth as S  # noqa: E402

PEER = "numpy"


def blas_threads():
    try:
        from threadpoolctl import threadpool_info
        return [i.get("num_threads") for i in threadpool_info() if i.get("user_api") == "blas"]
    except ImportError:
        return os.environ.get("OPENBLAS_NUM_THREADS", "default(all cores)")


# ---------------------------------------------------------------- W1 / W3: MLP 784-256-128-10
class MLP:
    def __init__(self, sizes=None):
        init = S.mlp_init() if sizes is None else S.mlp_init_sizes(sizes)
        (self.W1, self.b1), (self.W2, self.b2), (self.W3, self.b3) = init

    def forward(self, x):
        self.x = x
        self.z1 = x @ self.W1 + self.b1
        self.a1 = np.maximum(self.z1, 0)
        self.z2 = self.a1 @ self.W2 + self.b2
        self.a2 = np.maximum(self.z2, 0)
        return self.a2 @ self.W3 + self.b3

    @staticmethod
    def softmax(z):
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def train_step(self, x, y, lr):
        z3 = self.forward(x)
        n = x.shape[0]
        zs = z3 - z3.max(axis=1, keepdims=True)
        e = np.exp(zs)
        s = e.sum(axis=1, keepdims=True)
        loss = float(np.mean(np.log(s[:, 0]) - zs[np.arange(n), y]))
        # backward: dL/dz3 = (softmax - onehot) / n
        d3 = e / s
        d3[np.arange(n), y] -= 1
        d3 /= n
        dW3 = self.a2.T @ d3
        db3 = d3.sum(axis=0)
        d2 = (d3 @ self.W3.T) * (self.z2 > 0)
        dW2 = self.a1.T @ d2
        db2 = d2.sum(axis=0)
        d1 = (d2 @ self.W2.T) * (self.z1 > 0)
        dW1 = self.x.T @ d1
        db1 = d1.sum(axis=0)
        # plain SGD
        self.W3 -= lr * dW3
        self.b3 -= lr * db3
        self.W2 -= lr * dW2
        self.b2 -= lr * db2
        self.W1 -= lr * dW1
        self.b1 -= lr * db1
        return loss


def full_loss(net, X, y):
    """Mean cross-entropy over the whole training set after training (outside the timed region)."""
    tot = 0.0
    for a, b in S.batches(len(X), 10_000):
        p = MLP.softmax(net.forward(X[a:b]).astype(np.float64))
        tot -= np.log(np.maximum(p[np.arange(b - a), y[a:b]], 1e-30)).sum()
    return float(tot / len(X))


def w1():
    X, y = S.mlp_data()
    chk = S.data_checksum(X, y)
    net = MLP()
    bs = S.batches(len(X), S.BATCH)
    lr = np.float32(S.LR_MLP)

    def epoch():
        tot = 0.0
        for a, b in bs:
            tot += net.train_step(X[a:b], y[a:b], lr) * (b - a)
        return tot / len(X)

    warm_loss = epoch()
    with Timer() as t:
        loss = epoch()
    assert net.W1.dtype == np.float32
    emit(PEER, "w1", THREADS, samples_per_s=len(X) / t.wall, timer=t,
         loss=loss, final_loss_full=full_loss(net, X, y), warmup_loss=warm_loss, steps=len(bs), checksum=chk, blas_threads=blas_threads(),
         version="numpy " + np.__version__)


def w3():
    X, _ = S.mlp_data(S.N_INFER)
    net = MLP()

    def one_pass():
        out = None
        for a, b in S.batches(S.N_INFER, S.INFER_BATCH):
            out = MLP.softmax(net.forward(X[a:b]))
        return out

    one_pass()  # warm-up
    with Timer() as t:
        for _ in range(S.INFER_PASSES):
            out = one_pass()
    assert out.dtype == np.float32
    n = S.N_INFER * S.INFER_PASSES
    emit(PEER, "w3", THREADS, samples_per_s=n / t.wall, timer=t,
         samples=n, blas_threads=blas_threads(), version="numpy " + np.__version__)


# ---------------------------------------------------------------- W2: XOR 2-3-1, batch size 1
def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def w2():
    X, Y = S.xor_data()
    W1, b1, W2, b2 = S.xor_init()
    lr = S.LR_XOR
    rows = [(X[i:i + 1], Y[i:i + 1]) for i in range(4)]

    def loss_all():
        out = sigmoid(sigmoid(X @ W1 + b1) @ W2 + b2)
        return float(np.sum((out - Y) ** 2))

    loss0 = loss_all()
    with Timer() as t:
        for _ in range(S.XOR_EPOCHS):
            for x, yt in rows:
                h = sigmoid(x @ W1 + b1)          # forward
                o = sigmoid(h @ W2 + b2)
                d_o = 2.0 * (o - yt) * o * (1 - o)  # backward of (o - t)^2
                d_h = (d_o @ W2.T) * h * (1 - h)
                W2 -= lr * (h.T @ d_o)             # update
                b2 -= lr * d_o[0]
                W1 -= lr * (x.T @ d_h)
                b1 -= lr * d_h[0]
    steps = 4 * S.XOR_EPOCHS
    emit(PEER, "w2", THREADS, steps_per_s=steps / t.wall, timer=t,
         loss=loss_all(), initial_loss=loss0, steps=steps, version="numpy " + np.__version__)


# ---------------------------------------------------------------- added: wider networks, W6
def wide():
    sizes, batch = S.WIDE[WORKLOAD], int(extra_arg("128"))
    X, y = S.mlp_data(S.WIDE_SAMPLES)
    net = MLP(sizes)
    bs = S.batches(len(X), batch)
    lr = np.float32(S.LR_MLP)

    def one_pass():
        tot = 0.0
        for a, b in bs:
            tot += net.train_step(X[a:b], y[a:b], lr) * (b - a)
        return tot / len(X)

    warm = one_pass()
    with Timer() as t:
        loss = one_pass()
    emit(PEER, WORKLOAD, THREADS, samples_per_s=len(X) / t.wall, timer=t, batch=batch, loss=loss, warmup_loss=warm,
         steps=len(bs), blas_threads=blas_threads(), version="numpy " + np.__version__)


def w6():
    """Forward + backward (no update) of 24 -> 8 tanh -> 2, MSE, batch 200, float32: us per gradient,
    median of 25 repetitions of 2,000, timed by this thread's CPU time (as jgrad's)."""
    W1, b1, W2, b2, x, y = S.w6_data()
    scale = np.float32(2.0 / y.size)

    def gradient():
        h = np.tanh(x @ W1 + b1)
        o = h @ W2 + b2
        d_o = (o - y) * scale
        dW2, db2 = h.T @ d_o, d_o.sum(axis=0)
        dh = (d_o @ W2.T) * (1 - h * h)
        dW1, db1 = x.T @ dh, dh.sum(axis=0)
        return dW1, db1, dW2, db2

    import time
    for _ in range(5_000):
        gradient()
    us = []
    for _ in range(S.W6_REPS):
        t0 = time.thread_time()
        for _ in range(S.W6_PER_REP):
            gradient()
        us.append((time.thread_time() - t0) / S.W6_PER_REP * 1e6)
    us.sort()
    o = np.tanh(x @ W1 + b1) @ W2 + b2
    emit(PEER, "w6", THREADS, us_per_gradient=us[len(us) // 2], us_min=us[0], us_max=us[-1], clock="thread cpu time",
         loss=float(np.mean((o - y) ** 2)), version="numpy " + np.__version__)


{"w1": w1, "w2": w2, "w3": w3, "w1-1024": wide, "w1-2048": wide, "w6": w6}[WORKLOAD]()
