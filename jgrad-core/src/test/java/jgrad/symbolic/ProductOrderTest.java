package jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A product is parsed with the factors that only join it multiplied in at once ({@link Product}); that must give
 * exactly what multiplying from the left, one factor at a time, gives (SymPy's order, which decides where a number
 * is distributed: 2*(x + 1)*x is (2*x + 2)*x).
 */
class ProductOrderTest {
    private static final List<String> FACTORS = List.of("x", "y", "z", "2", "3", "1/2", "0", "-1", "(x + 1)", "(x + 1)**2",
            "(x + 1)**-1", "x**-1", "x**2", "x**y", "exp(x)", "exp(-x)", "E", "sqrt(2)", "sqrt(8)", "2**x", "sin(x)", "pi", "(2*y + 2)",
            "-x", "(x*y)", "Abs(x)", "Abs(x)**2", "(y - x)", "log(x)", "(x + 2)", "(y + 1)**3", "(x - y)", "(1 - x)", "exp(x + 1)");

    @Provide
    Arbitrary<List<String>> products() {
        return Arbitraries.of(FACTORS).list().ofMinSize(2).ofMaxSize(12);
    }

    @Property(tries = 2000, seed = "20261201")
    void parsedProductsEqualMultiplyingFromTheLeft(@ForAll("products") List<String> factors) {
        Expr oneByOne = Expr.parse(factors.getFirst());
        StringBuilder typed = new StringBuilder(factors.getFirst());
        for (int i = 1; i < factors.size(); i++) {
            boolean divide = factors.get(i).hashCode() % 3 == 0 && !factors.get(i).equals("0");
            Expr f = Expr.parse(factors.get(i));
            oneByOne = divide ? Expr.div(oneByOne, f) : Expr.mul(oneByOne, f);
            typed.append(divide ? "/" : "*").append(factors.get(i));
        }
        assertEquals(oneByOne, Expr.parse(typed.toString()), typed::toString);
    }
}
