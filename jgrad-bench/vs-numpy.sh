#!/usr/bin/env bash
# Runs jgrad's workloads and the numpy peer back to back, in the same session, and prints the ratios
# (the machine is shared and noisy: only same-run ratios mean something, see shared/bench/RESULTS.md).
# usage: jgrad-bench/vs-numpy.sh [PEERS_DIR] [REPS]   PEERS_DIR defaults to ../shared/bench beside the repo;
# with REPS > 1 the table shows medians and every run's ratio
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
peers="${1:-$repo/../shared/bench}"
reps="${2:-1}"
out="$(mktemp)"
for rep in $(seq "$reps"); do
    for w in w1 w2 w3; do
        for t in 1 default; do
            if [ "$t" = default ]; then "$repo/jgrad" bench "$w" --json; else "$repo/jgrad" bench "$w" --threads "$t" --json; fi >>"$out"
            (cd "$peers" && python3 numpy/bench_numpy.py "$w" "$t") | sed 's/^RESULT //' >>"$out"
        done
    done
done
python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
runs = {}
for j, n in zip(rows[0::2], rows[1::2]):  # jgrad then numpy, back to back
    key = "samples_per_s" if "samples_per_s" in j else "steps_per_s"
    runs.setdefault((j["workload"], j["threads"]), []).append((j[key], n[key], j["other_cores"], n["other_cores"]))
print("| workload | threads | jgrad | numpy | jgrad / numpy (each run) | other_cores jgrad / numpy |")
print("| --- | --- | ---: | ---: | --- | --- |")
for (w, t), rs in runs.items():
    med = lambda i: statistics.median(r[i] for r in rs)
    ratios = ", ".join(f"{r[0] / r[1]:.2f}" for r in rs)
    others = ", ".join(f"{r[2]}/{r[3]}" for r in rs)
    print(f"| {w} | {t} | {med(0):,.0f} | {med(1):,.0f} | {ratios} | {others} |")
for r in rows:
    extra = {k: r[k] for k in ("loss", "warmup_loss", "checksum", "cpu_over_wall") if k in r}
    print(r["peer"], r["workload"], r["threads"], extra)
PY
rm -f "$out"
