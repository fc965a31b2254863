package jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The derivative table of {@code derivatives.tsv}, made by SymPy ({@code sympy_oracle.py}): every row
 * must print as SymPy prints it, have SymPy's value, and agree with a finite difference of the formula.
 */
class DerivativeTableTest {
    private static final Map<String, Double> POINT = Map.of("x", 0.7, "y", -1.3, "z", 1.5, "theta1", 0.9);

    /**
     * Rows where jgrad prints a different but equal formula, on purpose:
     * decimals are exact rationals in jgrad (1e-3 is 1/1000, SymPy keeps the Float 0.001);
     * sigmoid is a function of its own in jgrad (SymPy only knows 1/(1 + exp(-u))).
     */
    private static final Set<String> SAME_VALUE_ONLY = Set.of("1e-3*x**2", ".5*x**2", "sigmoid(x)", "sigmoid(2*x + 1)", "sigmoid(x*y)");

    record Row(String formula, String variable, String sympy, double value) {
        @Override
        public String toString() {
            return "d/d" + variable + " " + formula;
        }
    }

    static Stream<Row> rows() throws IOException {
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(DerivativeTableTest.class.getResourceAsStream("/symbolic/derivatives.tsv")),
                StandardCharsets.UTF_8))) {
            List<Row> rows = in.lines().filter(l -> !l.startsWith("#")).map(l -> l.split("\t"))
                    .map(c -> new Row(c[0], c[1], c[2], Double.parseDouble(c[3]))).toList();
            return rows.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void printsAsSymPy(Row row) {
        Expr d = Expr.parse(row.formula()).diff(row.variable());
        if (!SAME_VALUE_ONLY.contains(row.formula())) {
            assertEquals(row.sympy(), d.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void hasSymPysValue(Row row) {
        double actual = Expr.parse(row.formula()).diff(row.variable()).eval(POINT);
        assertEquals(row.value(), actual, 1e-12 * Math.max(1, Math.abs(row.value())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void agreesWithFiniteDifference(Row row) {
        Expr f = Expr.parse(row.formula());
        assertEquals(centralDifference(f, row.variable(), POINT, 1e-3), f.diff(row.variable()).eval(POINT),
                1e-6 * Math.max(1, Math.abs(row.value())));
    }

    /** Richardson-extrapolated central difference: error O(h^4). */
    static double centralDifference(Expr f, String v, Map<String, Double> point, double h) {
        return (8 * (at(f, v, h, point) - at(f, v, -h, point)) - (at(f, v, 2 * h, point) - at(f, v, -2 * h, point))) / (12 * h);
    }

    private static double at(Expr f, String v, double dx, Map<String, Double> point) {
        var p = new java.util.HashMap<>(point);
        p.put(v, p.get(v) + dx);
        return f.eval(p);
    }
}
