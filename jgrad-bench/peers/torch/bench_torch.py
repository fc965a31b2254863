"""PyTorch (CPU) peer: idiomatic nn.Sequential + loss.backward() + optim.SGD loop.

usage: python3 bench_torch.py {w1|w2|w3|w1-1024|w1-2048|w5|w6} {default|1|2} [BATCH|DTYPE]
Copied from shared/bench/torch/ (w1-w3 unchanged); jgrad-bench/peers adds the wider networks, W5 (jgrad
train's defaults on digits) and W6 (the gradient of a 24-8-2 tanh network at batch 200).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "common"))
from report import Timer, emit, extra_arg, parse_args  # noqa: E402

WORKLOAD, THREADS = parse_args()
if THREADS != "default":  # before torch loads OpenBLAS / OpenMP
    for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[v] = THREADS

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402
import synth as S  # noqa: E402

if THREADS != "default":
    torch.set_num_threads(int(THREADS))
PEER = "torch"


def info():
    return dict(torch_threads=torch.get_num_threads(),
                openblas_threads=os.environ.get("OPENBLAS_NUM_THREADS", "default(all cores)"),
                version="torch " + torch.__version__)


def mlp(sizes=None):
    sz = sizes or [S.N_IN, S.H1, S.H2, S.N_OUT]
    net = nn.Sequential(nn.Linear(sz[0], sz[1]), nn.ReLU(), nn.Linear(sz[1], sz[2]), nn.ReLU(),
                        nn.Linear(sz[2], sz[3]))
    with torch.no_grad():
        for lin, (W, b) in zip([net[0], net[2], net[4]], S.mlp_init() if sizes is None else S.mlp_init_sizes(sizes)):
            lin.weight.copy_(torch.from_numpy(W.T.copy()))  # torch keeps [out, in]
            lin.bias.copy_(torch.from_numpy(b))
    return net


def w1():
    Xn, yn = S.mlp_data()
    chk = S.data_checksum(Xn, yn)
    X, y = torch.from_numpy(Xn), torch.from_numpy(yn)
    net = mlp()
    opt = torch.optim.SGD(net.parameters(), lr=S.LR_MLP)
    crit = nn.CrossEntropyLoss()
    bs = S.batches(len(X), S.BATCH)

    def epoch():
        tot = 0.0
        for a, b in bs:
            opt.zero_grad()
            loss = crit(net(X[a:b]), y[a:b])
            loss.backward()
            opt.step()
            tot += loss.item() * (b - a)
        return tot / len(X)

    warm = epoch()
    with Timer() as t:
        loss = epoch()
    assert net[0].weight.dtype == torch.float32
    with torch.no_grad():
        full = float(crit(net(X).double(), y))  # outside the timed region
    emit(PEER, "w1", THREADS, samples_per_s=len(X) / t.wall, timer=t, loss=loss, final_loss_full=full,
         warmup_loss=warm,
         steps=len(bs), checksum=chk, **info())


def w3():
    Xn, _ = S.mlp_data(S.N_INFER)
    X = torch.from_numpy(Xn)
    net = mlp()
    net.eval()

    def one_pass():
        out = None
        with torch.no_grad():
            for a, b in S.batches(S.N_INFER, S.INFER_BATCH):
                out = torch.softmax(net(X[a:b]), dim=1)
        return out

    one_pass()
    with Timer() as t:
        for _ in range(S.INFER_PASSES):
            out = one_pass()
    assert out.dtype == torch.float32
    n = S.N_INFER * S.INFER_PASSES
    emit(PEER, "w3", THREADS, samples_per_s=n / t.wall, timer=t, samples=n, **info())


def w2():
    torch.set_default_dtype(torch.float64)
    Xn, Yn = S.xor_data()
    W1, b1, W2, b2 = S.xor_init()
    net = nn.Sequential(nn.Linear(2, 3), nn.Sigmoid(), nn.Linear(3, 1), nn.Sigmoid())
    with torch.no_grad():
        net[0].weight.copy_(torch.from_numpy(W1.T.copy()))
        net[0].bias.copy_(torch.from_numpy(b1))
        net[2].weight.copy_(torch.from_numpy(W2.T.copy()))
        net[2].bias.copy_(torch.from_numpy(b2))
    X, Y = torch.from_numpy(Xn), torch.from_numpy(Yn)
    rows = [(X[i:i + 1], Y[i:i + 1]) for i in range(4)]
    opt = torch.optim.SGD(net.parameters(), lr=S.LR_XOR)

    def loss_all():
        with torch.no_grad():
            return float(((net(X) - Y) ** 2).sum())

    loss0 = loss_all()
    with Timer() as t:
        for _ in range(S.XOR_EPOCHS):
            for x, yt in rows:
                opt.zero_grad()
                loss = ((net(x) - yt) ** 2).sum()
                loss.backward()
                opt.step()
    assert net[0].weight.dtype == torch.float64
    steps = 4 * S.XOR_EPOCHS
    emit(PEER, "w2", THREADS, steps_per_s=steps / t.wall, timer=t, loss=loss_all(), initial_loss=loss0,
         steps=steps, **info())


# ---------------------------------------------------------------- added: wider networks, W5, W6
def wide():
    sizes, batch = S.WIDE[WORKLOAD], int(extra_arg("128"))
    Xn, yn = S.mlp_data(S.WIDE_SAMPLES)
    X, y = torch.from_numpy(Xn), torch.from_numpy(yn)
    net = mlp(sizes)
    opt = torch.optim.SGD(net.parameters(), lr=S.LR_MLP)
    crit = nn.CrossEntropyLoss()
    bs = S.batches(len(X), batch)

    def one_pass():
        tot = 0.0
        for a, b in bs:
            opt.zero_grad()
            loss = crit(net(X[a:b]), y[a:b])
            loss.backward()
            opt.step()
            tot += loss.item() * (b - a)
        return tot / len(X)

    warm = one_pass()
    with Timer() as t:
        loss = one_pass()
    emit(PEER, WORKLOAD, THREADS, samples_per_s=len(X) / t.wall, timer=t, batch=batch, loss=loss, warmup_loss=warm,
         steps=len(bs), **info())


def w5():
    """jgrad train's defaults on the bundled digits: 64 -> 64 ReLU -> 10, cross-entropy, Adam lr 0.01 with
    weight decay 1e-3 (L2 added to the gradient, as jgrad's Adam), batches of 32 reshuffled every epoch,
    the validation loss after every epoch, 200 epochs; features standardised with the training rows' mean and
    standard deviation; a seeded stratified 70/15/15 split (the same sizes as jgrad's, not the same rows)."""
    dtype = {"float32": torch.float32, "float64": torch.float64}[extra_arg("float32")]
    here = os.path.dirname(os.path.abspath(__file__))
    csv = os.path.join(here, "..", "..", "..", "jgrad-cli", "src", "main", "resources", "jgrad", "cli", "data", "digits.csv")
    data = np.loadtxt(csv, delimiter=",", skiprows=1)
    x_all, y_all = data[:, :-1], data[:, -1].astype(np.int64)
    rng = np.random.default_rng(0)
    train, val = [], []
    for c in np.unique(y_all):  # stratified: 70% / 15% of each class
        idx = rng.permutation(np.flatnonzero(y_all == c))
        n_tr, n_va = int(round(0.7 * len(idx))), int(round(0.15 * len(idx)))
        train += list(idx[:n_tr])
        val += list(idx[n_tr:n_tr + n_va])
    mu, sd = x_all[train].mean(axis=0), x_all[train].std(axis=0)
    sd[sd == 0] = 1
    X = torch.tensor((x_all[train] - mu) / sd, dtype=dtype)
    Y = torch.from_numpy(y_all[train])
    Xv, Yv = torch.tensor((x_all[val] - mu) / sd, dtype=dtype), torch.from_numpy(y_all[val])
    torch.manual_seed(0)

    def fit():
        net = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10)).to(dtype)
        opt = torch.optim.Adam(net.parameters(), lr=0.01, weight_decay=1e-3)
        crit = nn.CrossEntropyLoss()
        for _ in range(200):
            order = torch.randperm(len(X))
            for a in range(0, len(X), 32):
                i = order[a:a + 32]
                opt.zero_grad()
                loss = crit(net(X[i]), Y[i])
                loss.backward()
                opt.step()
            with torch.no_grad():
                crit(net(Xv), Yv).item()
        return net

    fit()  # warm-up, as jgrad's run
    with Timer() as t:
        net = fit()
    with torch.no_grad():
        acc = float((net(Xv).argmax(dim=1) == Yv).double().mean())
    emit(PEER, "w5", THREADS, samples_per_s=len(X) * 200 / t.wall, timer=t, dtype=extra_arg("float32"),
         train_rows=len(X), epochs=200, validation_accuracy=acc, **info())


def w6():
    """Forward + backward (no update) of 24 -> 8 tanh -> 2, MSE, batch 200, float32: us per gradient,
    median of 25 repetitions of 2,000, timed by this thread's CPU time (as jgrad's)."""
    import time
    W1, b1, W2, b2, xn, yn = S.w6_data()
    net = nn.Sequential(nn.Linear(S.W6_IN, S.W6_HIDDEN), nn.Tanh(), nn.Linear(S.W6_HIDDEN, S.W6_OUT))
    with torch.no_grad():
        for lin, W, b in ((net[0], W1, b1), (net[2], W2, b2)):
            lin.weight.copy_(torch.from_numpy(W.T.copy()))
            lin.bias.copy_(torch.from_numpy(b))
    x, y = torch.from_numpy(xn), torch.from_numpy(yn)
    crit = nn.MSELoss()

    def gradient():
        net.zero_grad()
        loss = crit(net(x), y)
        loss.backward()
        return loss

    for _ in range(5_000):
        gradient()
    clock = time.thread_time if THREADS == "1" else time.perf_counter
    us = []
    for _ in range(S.W6_REPS):
        t0 = clock()
        for _ in range(S.W6_PER_REP):
            gradient()
        us.append((clock() - t0) / S.W6_PER_REP * 1e6)
    us.sort()
    emit(PEER, "w6", THREADS, us_per_gradient=us[len(us) // 2], us_min=us[0], us_max=us[-1],
         clock="thread cpu time" if THREADS == "1" else "wall", loss=float(gradient().detach()), **info())


{"w1": w1, "w2": w2, "w3": w3, "w1-1024": wide, "w1-2048": wide, "w5": w5, "w6": w6}[WORKLOAD]()
