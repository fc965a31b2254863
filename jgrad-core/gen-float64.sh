#!/usr/bin/env bash
# Writes the float64 kernels from their float32 sources (as EJML generates its float32 code), so the
# two stay one piece of logic: edit src/main/java/jgrad/kernel/*F.java, then run this script.
# With a folder argument it writes there instead (GeneratedKernelsTest checks the committed twins are current).
set -euo pipefail
src="$(cd "$(dirname "$0")/src/main/java/jgrad/kernel" && pwd)"
out="${1:-$src}"
for f in GemmF SimdF Simd12F SmallF FusedF FusedSimdF UpdateF UpdateSimdF WarmupF; do
    d="${f%F}D"
    {
        echo "// GENERATED from $f.java by jgrad-core/gen-float64.sh: edit that file and rerun the script."
        sed -E -e 's/\b(Gemm|Simd12|Simd|Small|Fused|FusedSimd|Update|UpdateSimd|Warmup)F\b/\1D/g' \
            -e 's/FloatVector/DoubleVector/g; s/<Float>/<Double>/g' \
            -e "s/Float\./Double./g" \
            -e 's/\(float\) //g; s/\bfloat\b/double/g; s/float32/float64/g' \
            -e 's/\b([0-9]+)f\b/\1.0/g' "$src/$f.java"
    } > "$out/$d.java"
done
