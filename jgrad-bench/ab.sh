#!/usr/bin/env bash
# Compares builds of jgrad in one JVM (jgrad-bench/ab/InProcessAB.java): each revision is built into its own folder,
# loaded by its own class loader, and their runs take turns, so that a host whose speed drifts between processes
# (by 20-30% within an hour on the shared machines here) slows them alike. A working tree with changes counts as
# the revision `WORKTREE`.
# usage: jgrad-bench/ab.sh [-r ROUNDS] [-t THREADS] [--avx2] REV_A REV_B [WORKLOAD...]
#   REV may end in @name=value system properties for that build alone, e.g. HEAD HEAD@jgrad.kc=256
#   WORKLOAD: w1[:SAMPLES] (default w1:30000) or ab|atb|abt:M:K:N (one product), layer:M:K:N (relu(A·B + bias)), e.g. atb:784:128:256
#   e.g. jgrad-bench/ab.sh HEAD WORKTREE w1 atb:784:128:256
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rounds=16 threads=1 isa=()
while [ $# -gt 0 ]; do
    case "$1" in
    -r) rounds="${2:-}"; shift $(( $# > 1 ? 2 : 1 )) ;;
    -t) threads="${2:-}"; shift $(( $# > 1 ? 2 : 1 )) ;;
    --avx2) isa=(-XX:UseAVX=2); shift ;;
    *) break ;;
    esac
done
for v in "$rounds" "$threads"; do
    [[ "$v" =~ ^[1-9][0-9]*$ ]] || { echo "ab.sh: error: -r and -t take a positive whole number, got '$v'" >&2; exit 2; }
done
[ $# -ge 2 ] || { echo "usage: jgrad-bench/ab.sh [-r ROUNDS] [-t THREADS] [--avx2] REV_A REV_B [WORKLOAD...]" >&2; exit 2; }
a="$1" b="$2"; shift 2
workloads=("$@"); [ ${#workloads[@]} -gt 0 ] || workloads=(w1)
tmp="$(mktemp -d)"
trap 'for w in "$tmp"/src-*; do [ -d "$w" ] && git -C "$repo" worktree remove --force "$w" >/dev/null 2>&1; done; rm -rf "$tmp"' EXIT
build() { # rev label -> prints the class path of its core and cli classes
    local rev="$1" dir
    if [ "$rev" = WORKTREE ]; then dir="$repo"; else
        dir="$tmp/src-$2"
        git -C "$repo" worktree add --detach "$dir" "$rev" >/dev/null 2>&1 || { echo "ab.sh: error: no revision $rev" >&2; exit 2; }
    fi
    (cd "$dir" && mvn -B -q -DskipTests -pl jgrad-cli -am compile >"$tmp/build.log" 2>&1) || { cat "$tmp/build.log" >&2; echo "ab.sh: error: $rev does not build" >&2; exit 1; }
    echo "$dir/jgrad-core/target/classes:$dir/jgrad-cli/target/classes"
}
cpA="$(build "${a%%@*}" a)${a#"${a%%@*}"}"
cpB="$(build "${b%%@*}" b)${b#"${b%%@*}"}"
for w in "${workloads[@]}"; do
    "$repo/jgrad" --java "${isa[@]}" -XX:+UseParallelGC -XX:MaxNewSize=128m -Djgrad.threads="$threads" \
        "$repo/jgrad-bench/ab/InProcessAB.java" "$rounds" "$w" "$cpA" "$cpB" 2>&1 | grep -v '^WARNING: Using incubator modules'
done
