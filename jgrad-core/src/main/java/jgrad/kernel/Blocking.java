package jgrad.kernel;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The micro-tile and block sizes of the matrix products, derived from the CPU this JVM runs on rather than
 * from one machine's figures: vector width from the Vector API's preferred species, vector registers from
 * the instruction set (32 with AVX-512 or on AArch64, 16 with AVX2), cache sizes from
 * {@code /sys/devices/system/cpu/cpu0/cache} (defaults of 32 KiB, 512 KiB and 8 MiB where that is absent).
 *
 * <ul>
 *   <li>Tile: {@code mr} rows × {@code nr} = 2 vectors of columns. Each row costs 2 accumulators, and the two
 *       B vectors and the broadcast of A take 3 more registers, so {@code mr} is the tallest kernel with
 *       {@code 2·mr + 3 ≤ registers} (6 of 16, 12 of 32).</li>
 *   <li>{@code kc}: a packed B panel ({@code kc × nr}) fills a tenth of L2 (at most 1024 deep), so that few
 *       products need more than one k-block (W1's 784 inputs take one). Each k-block stores and reloads every
 *       tile of C, and the tile's fma chains wait for the reload, from L3 once C outgrows L2. The panel then
 *       streams from L2, one 128-byte row per 12 broadcasts of A, which the core keeps up with. Against a panel
 *       in half of L1 (192 deep on Zen 5), in-process A/B: the batch-512 products of the wider networks +7-21%
 *       (AVX2 +8-10%), W1 +4.7%; an eighth of L2 (1024 deep) was 7-10% slower on 2048-deep products.</li>
 *   <li>{@code mc}: a task's rows: mc rows of a panel as deep as half of L1 ({@link #l1Depth}) fill half of L2
 *       (a product shallower than that takes as many rows as its depth fits there, see {@link Gemm#execute}).
 *       Each row task beyond the first has B packed once for all; shorter tasks (mc 240 on Zen 5) ran up to 3%
 *       slower.</li>
 *   <li>{@code nc}: a task's columns of packed B ({@code kc × nc}) fill half of this core's share of L3.</li>
 * </ul>
 * The sizes only change speed: every element of C is the same fma chain whatever they are.
 */
public record Blocking(int vectorBits, int registers, int l1d, int l2, int l3, int elementBytes, int mr, int nr, int kc, int mc, int nc) {
    /** Tile heights the SIMD micro-kernels exist for, smallest first. */
    static final int[] SIMD_ROWS = {6, 8, 12};
    static final int SCALAR_MR = 6, SCALAR_NR = 8;

    private static final int[] CACHES = caches();
    private static final Blocking F32 = derive(Float.BYTES, Simd.vectorBits());
    private static final Blocking F64 = derive(Double.BYTES, Simd.vectorBits());

    /** The float32 products' blocking on this machine (the one {@code jgrad bench} reports). */
    public static Blocking float32() {
        return F32;
    }

    /** The float64 products' blocking on this machine. */
    public static Blocking float64() {
        return F64;
    }

    /** For the element size, with SIMD or the scalar kernel. */
    static Blocking of(int elementBytes, boolean simd) {
        Blocking b = elementBytes == Float.BYTES ? F32 : F64;
        return simd || b.vectorBits == 0 ? b : derive(elementBytes, 0);
    }

    /** The sizes for a vector width in bits (0: the scalar kernel) and this machine's caches. */
    static Blocking derive(int elementBytes, int vectorBits) {
        return derive(elementBytes, vectorBits, registers(vectorBits), CACHES[0], CACHES[1], CACHES[2]);
    }

    static Blocking derive(int elementBytes, int vectorBits, int registers, int l1d, int l2, int l3) {
        int mr = SCALAR_MR, nr = SCALAR_NR;
        if (vectorBits > 0) {
            nr = 2 * vectorBits / (8 * elementBytes);
            mr = SIMD_ROWS[0];
            for (int rows : SIMD_ROWS) if (2 * rows + 3 <= registers) mr = rows;
        }
        if (vectorBits > 0) mr = override("jgrad.mr", mr, SIMD_ROWS);
        int kc = override("jgrad.kc", Math.clamp(l2 / 10 / (nr * elementBytes) / 16 * 16, 64, 1024), null);
        int mc = override("jgrad.mc", Math.max(mr, l2 / 2 / (l1Depth(l1d, nr, elementBytes) * elementBytes) / mr * mr), null);
        int nc = Math.max(nr, l3 / 2 / (kc * elementBytes) / nr * nr);
        return new Blocking(vectorBits, registers, l1d, l2, l3, elementBytes, mr, nr, kc, mc, nc);
    }

    /** The depth of a B panel of nr columns that fills half of L1. */
    static int l1Depth(int l1d, int nr, int elementBytes) {
        return Math.clamp(l1d / 2 / (nr * elementBytes) / 16 * 16, 64, 512);
    }

    /** {@link #l1Depth} of this blocking. */
    int l1Depth() {
        return l1Depth(l1d, nr, elementBytes);
    }

    /**
     * Whether A is packed row by row ([mr][kc]) even for Aᵀ·B, whose mr values of one p lie side by side and
     * would pack more cheaply as [kc][mr]: when the tile leaves a single register free, C2 hoists that kernel's
     * broadcasts and spills accumulators to the stack inside its loop (seen with 16 registers, Zen 5 under
     * -XX:UseAVX=2: 50 GFLOP/s for Aᵀ·B on W1's shapes against 101 with the row layout, whose kernel keeps all
     * twelve in registers). With 32 registers both layouts run alike.
     */
    boolean packARowsOnly() {
        return vectorBits > 0 && registers - (2 * mr + 3) < 2;
    }

    /** A size set by a system property (to measure another choice), else the derived one. */
    private static int override(String property, int derived, int[] allowed) {
        String v = System.getProperty(property);
        if (v == null) return derived;
        int x = Integer.parseInt(v.trim());
        if (x < 1 || allowed != null && java.util.Arrays.stream(allowed).noneMatch(a -> a == x)) {
            throw new IllegalArgumentException("-D" + property + "=" + v + ": must be " + (allowed == null ? "positive" : "one of " + java.util.Arrays.toString(allowed)));
        }
        return x;
    }

    /** Vector registers the JIT can use: AVX-512 doubles them to 32 (and AArch64 has 32); AVX2 has 16. */
    static int registers(int vectorBits) {
        return vectorBits >= 512 || System.getProperty("os.arch", "").equals("aarch64") ? 32 : 16;
    }

    /** L1 data, L2 and this core's share of L3 in bytes, from sysfs; defaults where it does not say. */
    static int[] caches() {
        int[] sizes = {32 << 10, 512 << 10, 8 << 20};
        Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path index = dir.resolve("index" + i);
            try {
                int level = Integer.parseInt(Files.readString(index.resolve("level")).trim());
                String type = Files.readString(index.resolve("type")).trim();
                if (type.equals("Instruction") || level < 1 || level > 3) continue;
                long size = parseSize(Files.readString(index.resolve("size")).trim());
                if (level == 3) size /= Math.max(1, sharedBy(index));
                if (size > 0) sizes[level - 1] = (int) Math.min(size, 1 << 30);
            } catch (Exception e) { // missing index, no sysfs (not Linux), unreadable: keep the default
            }
        }
        return sizes;
    }

    /** "48K", "1024K", "32M" or a plain byte count. */
    static long parseSize(String s) {
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'K', 'k' -> 1L << 10;
            case 'M', 'm' -> 1L << 20;
            case 'G', 'g' -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    /** How many CPUs share a cache, from its shared_cpu_list ("0-7", "0,1", "0-3,8-11"). */
    private static int sharedBy(Path index) throws java.io.IOException {
        int count = 0;
        for (String part : Files.readString(index.resolve("shared_cpu_list")).trim().split(",")) {
            String[] ends = part.split("-");
            count += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
        }
        return count;
    }

    /** One line for benchmark output, e.g. {@code 512-bit vectors, 32 registers, tile 12x32, kc 816 mc 672 nc 2560}. */
    public String describe() {
        return String.format("%s, %d registers, tile %dx%d, kc %d mc %d nc %d, L1d %dK L2 %dK L3/core %dK",
                vectorBits == 0 ? "scalar" : vectorBits + "-bit vectors", registers, mr, nr, kc, mc, nc,
                l1d >> 10, l2 >> 10, l3 >> 10);
    }
}
