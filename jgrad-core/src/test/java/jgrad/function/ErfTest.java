package jgrad.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** erf against Python's math.erf (the C library's, within about 1 ulp), to a few ulp; the table was written by a script. */
class ErfTest {
    static final double[][] ERF = {
            {-7, -1.0},
            {-5.5, -0.9999999999999927},
            {-3.2, -0.9999939742388483},
            {-3.0, -0.9999779095030014},
            {-2.99, -0.9999764743969194},
            {-1.7, -0.9837904585907745},
            {-0.9, -0.7969082124228322},
            {-0.3, -0.3286267594591274},
            {-1e-09, -1.1283791670955127e-09},
            {0, 0.0},
            {1e-12, 1.1283791670955126e-12},
            {0.01, 0.011283415555849616},
            {0.25, 0.2763263901682369},
            {0.5, 0.5204998778130465},
            {0.84, 0.7651427114549946},
            {1.0, 0.8427007929497149},
            {1.25, 0.9229001282564582},
            {1.9, 0.9927904292352575},
            {2.5, 0.999593047982555},
            {2.857, 0.9999466417399131},
            {2.999, 0.9999777698314002},
            {3.0, 0.9999779095030014},
            {3.001, 0.9999780483390822},
            {3.5, 0.9999992569016276},
            {4.2, 0.9999999971445058},
            {5.0, 0.9999999999984626},
            {5.9, 0.9999999999999999},
            {6.0, 1.0},
            {8.0, 1.0}
    };

    /** GELU exact, z·½(1 + erf(z/√2)), from the same oracle. */
    static final double[][] GELU = {
            {-4.0, -0.00012668496733247991},
            {-1.5, -0.10021080190328713},
            {-0.5, -0.15426876936299344},
            {0.2, 0.11585194188782061},
            {1.0, 0.8413447460685429},
            {2.5, 2.4844758366855597},
            {3.7, 3.699601140986134}
    };

    @Test
    void erfToDoublePrecision() {
        for (double[] row : ERF) assertEquals(row[1], Erf.erf(row[0]), 2e-15 * Math.abs(row[1]) + 1e-300, "erf(" + row[0] + ")");
        assertEquals(Double.NaN, Erf.erf(Double.NaN));
    }

    @Test
    void geluMatchesTheOracle() {
        for (double[] row : GELU) assertEquals(row[1], Activations.GELU.apply(row[0]), 1e-15 * Math.max(1, Math.abs(row[1])), "gelu(" + row[0] + ")");
    }
}
