# Sourced by the peer scripts. JGRAD_BENCH_ISA=avx2 measures an AVX2 machine on an AVX-512 one: jgrad's JVM with
# -XX:UseAVX=2 (256-bit vectors, 16 registers), OpenBLAS with its Haswell kernels, MKL and oneDNN limited to AVX2.
# Unset: each picks its best. Sets peer_env, the env(1) arguments of the Python peers.
peer_env=(-u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE)
if [ "${JGRAD_BENCH_ISA:-}" = avx2 ]; then
    export JGRAD_JAVA_OPTS="${JGRAD_JAVA_OPTS:-} -XX:UseAVX=2"
    peer_env=(-u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Haswell MKL_ENABLE_INSTRUCTIONS=AVX2 ONEDNN_MAX_CPU_ISA=AVX2)
elif [ -n "${JGRAD_BENCH_ISA:-}" ]; then
    echo "JGRAD_BENCH_ISA: only 'avx2' is known, got '$JGRAD_BENCH_ISA'" >&2
    exit 2
fi
