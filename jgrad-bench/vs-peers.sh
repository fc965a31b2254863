#!/usr/bin/env bash
# Runs jgrad's workloads and the numpy and PyTorch peers of jgrad-bench/peers in the same session, the three
# alternated (their order rotates from one repetition to the next), and prints medians and per-repetition
# ratio ranges. On a shared machine wall time measures the neighbours too: one-thread rows are also given per
# CPU-second of the process (samples_per_s / cpu_over_wall), which leaves out the time it was not running.
# usage: jgrad-bench/vs-peers.sh [REPS] [WORKLOAD:THREADS[:ARG] ...]
#   default: 3 repetitions of w1, w3, w1-1024 and w1-2048 at batch 32/128/512, w5 float32/float64, w6; 1 thread
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
source "$repo/jgrad-bench/isa.sh" # JGRAD_BENCH_ISA=avx2: jgrad and the peers limited to AVX2
peers="$repo/jgrad-bench/peers"
reps="${1:-3}"
shift || true
jobs=("$@")
[ ${#jobs[@]} -gt 0 ] || jobs=(w1:1 w3:1 w1-1024:1:32 w1-1024:1:128 w1-1024:1:512 w1-2048:1:32 w1-2048:1:128 w1-2048:1:512
    w5:1:float32 w5:1:float64 w6:1)
out="$(mktemp)"
uptime >&2
run() { # peer workload threads arg
    local peer=$1 w=$2 t=$3 arg=$4 flags=()
    case $peer in
    jgrad)
        [ "$t" = default ] || flags+=(--threads "$t")
        case $w in w1-*) flags+=(--batch "$arg") ;; w5) flags+=(--dtype "$arg") ;; esac
        "$repo/jgrad" bench "$w" "${flags[@]}" --json ;;
    numpy)
        [ "$w" = w5 ] && return 0
        (cd "$peers/numpy" && env "${peer_env[@]}" python3 bench_numpy.py "$w" "$t" $arg) | sed 's/^RESULT //' ;;
    torch)
        (cd "$peers/torch" && env "${peer_env[@]}" python3 bench_torch.py "$w" "$t" $arg) | sed 's/^RESULT //' ;;
    esac
}
for rep in $(seq "$reps"); do
    for job in "${jobs[@]}"; do
        IFS=: read -r w t arg <<<"$job"
        order=(jgrad numpy torch)
        for ((s = 0; s < rep % 3; s++)); do order=("${order[@]:1}" "${order[0]}"); done
        for peer in "${order[@]}"; do run "$peer" "$w" "$t" "${arg:-}" | sed "s/^{/{\"rep\": $rep, \"job\": \"$job\", /" >>"$out"; done
    done
done
uptime >&2
python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
def figure(r, per_cpu):
    if "us_per_gradient" in r:  # lower is better: turn into gradients per second
        return 1e6 / r["us_per_gradient"]
    v = r.get("samples_per_s", r.get("steps_per_s"))
    if per_cpu and r.get("cpu_over_wall"):
        v = v / r["cpu_over_wall"]
    return v
jobs = list(dict.fromkeys(r["job"] for r in rows))
print("| workload | jgrad | numpy | PyTorch | jgrad / numpy | jgrad / PyTorch | unit |")
print("| --- | ---: | ---: | ---: | --- | --- | --- |")
for job in jobs:
    for per_cpu in ((False, True) if job.split(":")[1] == "1" and not job.startswith("w6") else (False,)):
        by = {}
        for r in rows:
            if r["job"] == job:
                by.setdefault(r["rep"], {})[r["peer"]] = figure(r, per_cpu)
        def col(p):
            v = [d[p] for d in by.values() if p in d]
            return statistics.median(v) if v else None
        def ratio(p):
            v = sorted(d["jgrad"] / d[p] for d in by.values() if p in d and "jgrad" in d)
            return f"{statistics.median(v):.2f} ({v[0]:.2f}-{v[-1]:.2f})" if v else ""
        fmt = lambda x: "" if x is None else (f"{1e6 / x:.2f} µs" if job.startswith("w6") else f"{x:,.0f}")
        unit = "µs per gradient (thread CPU time)" if job.startswith("w6") else ("samples per CPU-second" if per_cpu else "samples/s (wall)")
        print(f"| {job} | {fmt(col('jgrad'))} | {fmt(col('numpy'))} | {fmt(col('torch'))} | {ratio('numpy')} | {ratio('torch')} | {unit} |")
print()
for r in rows:
    extra = {k: r[k] for k in ("loss", "warmup_loss", "cpu_over_wall", "other_cores", "loadavg_1m", "bytes_per_gradient") if k in r}
    print(r["rep"], r["peer"], r["job"], extra)
PY
rm -f "$out"
