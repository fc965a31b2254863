package jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formulas as people type them, and their canonical form; expected strings are SymPy's (parse_expr, real symbols). */
class ParserTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            x^4 - 3x^3 + 2   | x**4 - 3*x**3 + 2
            2x               | 2*x
            2(x + 1)         | 2*x + 2
            -x**2            | -x**2
            2**-x            | 2**(-x)
            x**2**3          | x**8
            (x+1)(x-1)       | (x - 1)*(x + 1)
            x/2/y            | x/(2*y)
            x - -y           | x + y
            theta1*2 + 1     | 2*theta1 + 1
            2*pi*x           | 2*pi*x
            e**2             | exp(2)
            e**x             | exp(x)
            x*x              | x**2
            x + x            | 2*x
            x*y + y*x        | 2*x*y
            x**2*x**3        | x**5
            (2*x)**3         | 8*x**3
            (x**2)**3        | x**6
            sqrt(4)          | 2
            4**(1/2)         | 2
            x - x            | 0
            0*x              | 0
            1*x              | x
            x**1             | x
            x**0             | 1
            x + 0            | x
            2*3*x            | 6*x
            log(exp(x))      | x
            exp(log(x))      | x
            sin(-x)          | -sin(x)
            cos(-x)          | cos(x)
            abs(-3)          | 3
            (x*y)**2         | x**2*y**2
            -(x - y)         | -x + y
            1/(2*x)          | 1/(2*x)
            x**(-1/2)        | 1/sqrt(x)
            max(x, 1)        | Max(1, x)
            2e               | 2*E
            x(y + 1)         | x*(y + 1)
            sqrt(8)          | 2*sqrt(2)
            sqrt(1/2)        | sqrt(2)/2
            sqrt(13/2)       | sqrt(26)/2
            8**(-2/3)        | 1/4
            sqrt(sqrt(pi))   | pi**(1/4)
            sqrt(4*x/pi)     | 2*sqrt(x)/sqrt(pi)
            sqrt(x**2)       | Abs(x)
            (x**4)**(1/3)    | Abs(x)**(4/3)
            sin(x + pi)      | -sin(x)
            cos(x - 3*pi/2)  | -sin(x)
            tan(x + pi)      | tan(x)
            cos(pi)          | -1
            sin(pi/2)        | 1
            sin(1 - x)       | -sin(x - 1)
            log(1/2)         | -log(2)
            pi - x           | pi - x
            exp(x*y + log(x))| x*exp(x*y)
            exp(2*log(x))    | x**2
            sqrt(9*sqrt(3))  | 3*3**(1/4)
            Abs(x)**2        | x**2
            """)
    void canonicalForm(String typed, String sympy) {
        assertEquals(sympy, Expr.parse(typed).toString());
    }

    /** Decimals are exact rationals in jgrad, where SymPy keeps binary Floats (0.001, 0.5*x): a deliberate difference. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1e-3             | 1/1000
            .5x              | x/2
            2.5e2*x          | 250*x
            0.1 + 0.2        | 3/10
            """)
    void decimalsAreExact(String typed, String exact) {
        assertEquals(exact, Expr.parse(typed).toString());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            x**2 + )    | unexpected ')' at column 8
            (x + 1      | expected ')' before the end of the formula at column 7
            x +         | unexpected end of formula at column 4
            sin x       | function 'sin' needs an argument in parentheses at column 1
            2 * # 3     | unexpected '#' at column 5
            1.2.3 + x   | bad number '1.2.3' at column 1
            log(x, 2, 3)| 'log' takes 1 or 2 arguments, got 3 at column 1
            x / 0       | division by zero at column 5
            '   '       | empty formula at column 4
            """)
    void errorsNameTheColumn(String typed, String message) {
        ParseException e = assertThrows(ParseException.class, () -> Expr.parse(typed));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aMistypedFunctionIsAnErrorNotAProduct() {
        ParseException e = assertThrows(ParseException.class, () -> Expr.parse("2 + sinn(x)"));
        assertEquals(5, e.column());
        assertTrue(e.getMessage().startsWith("unknown function 'sinn' (known: "), e.getMessage());
        assertTrue(e.getMessage().contains("to multiply, write sinn*(...)"), e.getMessage());
        assertEquals("x*(y + 1)", Expr.parse("x(y + 1)").toString()); // one letter: still a product
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(20_000) + "x" + ")".repeat(20_000);
        ParseException e = assertThrows(ParseException.class, () -> Expr.parse(deep));
        assertEquals("formula nested more than 100 levels deep at column 101", e.getMessage());
        assertEquals("x", Expr.parse("(".repeat(99) + "x" + ")".repeat(99)).toString());
    }

    @Test
    void caretPointsAtTheColumn() {
        ParseException e = assertThrows(ParseException.class, () -> Expr.parse("(x + 1))"));
        assertEquals(8, e.column());
        assertEquals("  (x + 1))\n         ^", e.caret("  "));
    }

    @Test
    void evaluatesConstantsAndFunctions() {
        Expr f = Expr.parse("pi*x + e + sigmoid(0) + log(8, 2) + max(x, 2) + min(x, 2) + abs(-x) + tanh(0)");
        assertEquals(Math.PI * 3 + Math.E + 0.5 + 3 + 3 + 2 + 3, f.eval(Map.of("x", 3.0)), 1e-12);
    }

    @Test
    void unknownVariableIsReported() {
        var e = assertThrows(IllegalArgumentException.class, () -> Expr.parse("x + y").eval(Map.of("x", 1.0)));
        assertEquals("no value for variable 'y'", e.getMessage());
    }
}
