package jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tile and block sizes follow from the CPU's figures, for machines other than this one too. */
class BlockingTest {
    @Test
    void avx2MachineGetsTheSixRowTileAndBlocksFromItsCaches() {
        Blocking b = Blocking.derive(4, 256, 16, 32 << 10, 512 << 10, 8 << 20); // Zen 2/3-like
        assertEquals(6, b.mr());
        assertEquals(16, b.nr()); // 2 vectors of 8 floats
        assertEquals(816, b.kc()); // a 51 KiB B panel: a tenth of a 512 KiB L2, rounded down to 16
        assertEquals(256, b.l1Depth()); // a 16 KiB B panel: half of a 32 KiB L1
        assertEquals(252, b.mc()); // 252 rows of that: a 256 KiB A block, rounded down to 6 rows
        assertEquals(0, b.mc() % b.mr());
    }

    @Test
    void avx512MachineGetsTheTwelveRowTile() {
        Blocking b = Blocking.derive(4, 512, 32, 48 << 10, 1 << 20, 32 << 20); // Zen 5-like
        assertEquals(12, b.mr());
        assertEquals(32, b.nr());
        assertEquals(816, b.kc()); // a tenth of a 1 MiB L2: W1's 784 inputs in one k-block
        assertEquals(192, b.l1Depth()); // 24 KiB of a 48 KiB L1
        assertEquals(672, b.mc());
        assertTrue(b.describe().contains("512-bit vectors, 32 registers, tile 12x32, kc 816"), b.describe());
    }

    @Test
    void float64PanelsHoldHalfTheColumnsAndTheSameDepth() {
        Blocking f = Blocking.derive(4, 512, 32, 48 << 10, 1 << 20, 32 << 20), d = Blocking.derive(8, 512, 32, 48 << 10, 1 << 20, 32 << 20);
        assertEquals(16, d.nr());
        assertEquals(f.kc(), d.kc()); // kc·nr·bytes is the same: 2 vectors per step of p
        assertEquals(336, d.mc());
    }

    @Test
    void everyTileFitsTheRegistersAndSmallCachesStillGiveUsableBlocks() {
        for (int regs : new int[] {16, 32}) {
            Blocking b = Blocking.derive(4, regs == 32 ? 512 : 256, regs, 4 << 10, 16 << 10, 64 << 10);
            assertTrue(2 * b.mr() + 3 <= regs, "accumulators + 2 B vectors + 1 broadcast fit: " + b);
            assertEquals(64, b.kc()); // clamped
            assertTrue(b.mc() >= b.mr() && b.nc() >= b.nr(), b.toString());
        }
        Blocking scalar = Blocking.derive(4, 0, 16, 32 << 10, 512 << 10, 8 << 20);
        assertEquals(Blocking.SCALAR_MR, scalar.mr());
        assertEquals(Blocking.SCALAR_NR, scalar.nr());
    }

    @Test
    void cacheSizesReadAsSysfsWritesThem() {
        assertEquals(48 << 10, Blocking.parseSize("48K"));
        assertEquals(32L << 20, Blocking.parseSize("32M"));
        assertEquals(512, Blocking.parseSize("512"));
        int[] c = Blocking.caches();
        assertTrue(c[0] >= 4 << 10 && c[1] >= c[0] && c[2] > 0, java.util.Arrays.toString(c));
    }

    @Test
    void thisMachinesBlockingMatchesItsVectors() {
        Blocking b = Blocking.float32();
        assertEquals(Simd.vectorBits(), b.vectorBits());
        assertEquals(Simd.ENABLED ? SimdF.NR : Blocking.SCALAR_NR, b.nr());
        assertTrue(FmaPeak.gflops(1) > 0);
    }

    @Test
    void rowsReadInPlaceSpreadOverL1Sets() {
        assertTrue(Gemm.spreadOverL1Sets(128 * 4, 32)); // rows 512 bytes apart: 8 sets
        assertTrue(Gemm.spreadOverL1Sets(784 * 4, 12)); // W1's input rows: not a multiple of a power-of-two line count, all sets
        assertTrue(!Gemm.spreadOverL1Sets(2048 * 4, 12)); // a 2048-wide layer's rows, 8 KiB apart: one set
        assertTrue(Gemm.spreadOverL1Sets(100 * 4 + 4, 32)); // not line-aligned
        assertTrue(!Gemm.spreadOverL1Sets(1024 * 4, 32)); // 4 KiB apart: every row in one set
        assertTrue(!Gemm.spreadOverL1Sets(512 * 4, 32)); // 2 sets, 16 rows each
        assertTrue(Gemm.spreadOverL1Sets(512 * 4, 16)); // 8 per set
    }
}
