#!/usr/bin/env bash
# `jgrad bench gemm` and numpy's OpenBLAS on the same shapes, alternated in one session; prints per shape the
# median GFLOP/s of each, jgrad's share of the FMA peak measured in the same process, and the ratio's range.
# One thread: both are timed by the thread's CPU time (see GemmBench).
# usage: jgrad-bench/gemm-vs-numpy.sh [REPS] [OP:M:K:N,...]   (default: `jgrad bench gemm`'s own shapes)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/jgrad-bench/isa.sh" # JGRAD_BENCH_ISA=avx2: jgrad and the peers limited to AVX2
reps="${1:-3}"
asked=()
[ -n "${2:-}" ] && asked=(--shapes "$2")
out="$(mktemp)"
uptime >&2
for rep in $(seq "$reps"); do
    "$repo/jgrad" bench gemm --threads 1 --json "${asked[@]}" >>"$out"
    shapes=$(python3 -c 'import json,sys; print(" ".join(p["shape"] for p in json.loads(open(sys.argv[1]).readlines()[-1])["products"]))' "$out")
    (cd "$repo/jgrad-bench/peers/numpy" && env "${peer_env[@]}" python3 gemm_numpy.py 1 $shapes) | sed 's/^RESULT //' >>"$out"
done
uptime >&2
python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
j, n = rows[0::2], rows[1::2]
peaks = [r["fma_peak_gflops_1core"] for r in j]
print(f"FMA peak, one core: {statistics.median(peaks):.0f} GFLOP/s (runs {min(peaks):.0f}-{max(peaks):.0f}); {j[0]['blocking']}")
print("| product | jgrad GFLOP/s | % of peak | numpy (OpenBLAS) GFLOP/s | jgrad / numpy |")
print("| --- | ---: | ---: | ---: | --- |")
for i, p in enumerate(j[0]["products"]):
    a = [r["products"][i]["gflops"] for r in j]
    b = [r["products"][i]["gflops"] for r in n]
    pct = [r["products"][i]["pct_of_peak"] for r in j]
    ratios = sorted(x / y for x, y in zip(a, b))
    print(f"| {p['shape']} | {statistics.median(a):.0f} ({min(a):.0f}-{max(a):.0f}) | {statistics.median(pct):.0f} | "
          f"{statistics.median(b):.0f} ({min(b):.0f}-{max(b):.0f}) | {statistics.median(ratios):.2f} ({ratios[0]:.2f}-{ratios[-1]:.2f}) |")
print("numpy:", n[0]["version"], n[0]["blas"])
PY
rm -f "$out"
