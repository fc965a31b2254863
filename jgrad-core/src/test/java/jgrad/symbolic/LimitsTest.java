package jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jgrad.optimize.GradientDescent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The inputs of issue 15 that hung or ran for seconds now end, with a result or a {@link LimitException}.
 * The timeouts are guards against a hang on a loaded machine, not speed goals (those are in the README).
 */
class LimitsTest {
    private static final Duration GUARD = Duration.ofSeconds(30);

    private static <T> T guarded(Supplier<T> work) {
        return assertTimeoutPreemptively(GUARD, work::get);
    }

    private static LimitException limit(LimitException.Limit which, Supplier<?> work) {
        LimitException e = guarded(() -> assertThrows(LimitException.class, work::get));
        assertEquals(which, e.limit(), e.getMessage());
        return e;
    }

    @Test
    void hugeExactNumbersAreRefusedBeforeAnyArithmetic() {
        assertEquals("number out of range at column 5: '1e9999999' would need 10,000,000 digits (exact numbers have at most 3,000)",
                limit(LimitException.Limit.DIGITS, () -> Expr.parse("2 + 1e9999999*x")).getMessage());
        assertEquals("number out of range at column 1: '1e-9999999' would need 9,999,999 digits (exact numbers have at most 3,000)",
                limit(LimitException.Limit.DIGITS, () -> Expr.parse("1e-9999999")).getMessage());
        limit(LimitException.Limit.DIGITS, () -> Expr.parse("9e99999999999"));
        limit(LimitException.Limit.DIGITS, () -> Expr.parse("1".repeat(3_001)));
        assertEquals(Num.ONE, Expr.parse("0".repeat(5_000) + "1." + "0".repeat(5_000))); // zeros that do not count
        assertEquals(Num.ZERO, Expr.parse("0e9999999"));
    }

    @Test
    void resultsBeyondTheDigitLimitStopToo() {
        limit(LimitException.Limit.DIGITS, () -> Expr.parse("1e2000*1e2000"));
        limit(LimitException.Limit.DIGITS, () -> Expr.parse("x/1e2000/1e2000"));
        // a power that would pass the limit stays a power, exact and small, as x**n does
        assertEquals("2**20000", Expr.parse("2^20000").toString());
        assertInstanceOf(Pow.class, Expr.parse("(1e2000)^2"));
        assertEquals(955, Expr.parse("3^2000").toString().length()); // exact integers print in full, as SymPy's
    }

    /** SymPy prints such Floats as 1.0e+999 (mpmath's format); exact all the same, and reads back as the same number. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1e999              | 1.0e+999
            -1e999             | -1.0e+999
            1e999*x            | 1.0e+999*x
            1e-999*x           | 1.0e-999*x
            1e-20*x            | 1.0e-20*x
            -2.5e-30*x + 1     | 1 - 2.5e-30*x
            12345e40           | 1.2345e+44
            1e20               | 1.0e+20
            1e19               | 10000000000000000000
            x/1000             | x/1000
            3**50              | 717897987691852588770249
            1e20**x            | 1.0e+20**x
            (-1e20)**x         | (-1.0e+20)**x
            """)
    void largeAndSmallRoundNumbersPrintInScientificNotation(String formula, String printed) {
        Expr e = Expr.parse(formula);
        assertEquals(printed, e.toString());
        assertEquals(e, Expr.parse(printed));
    }

    @Test
    void tanDifferentiatedThirtyTimesStopsAtTheSizeLimit() {
        Expr tan = Expr.parse("tan(x)");
        LimitException e = limit(LimitException.Limit.NODES, () -> tan.diff("x", 30));
        assertEquals("formula too large: the result would have more than 100,000 nodes (the limit for formulas and their derivatives)",
                e.getMessage());
        // the next operation on this thread has its whole budget again
        assertEquals("(2*tan(x)**2 + 2)*tan(x)", tan.diff("x", 2).toString());
    }

    @Test
    void powerTowerOfDecimalsDifferentiatesAtOnce() {
        // computed (58181/100000)**58181 exactly first: a million bits, 46 s
        assertEquals("(58181/100000)**(58181/100000)*x**((58181/100000)**(58181/100000))/x",
                guarded(() -> Expr.parse("x^.58181^.58181").diff("x").toString()));
    }

    @Test
    void aSumOfTenThousandTermsIsAddedOnceNotTermByTerm() {
        List<String> terms = IntStream.rangeClosed(1, 10_000).mapToObj(i -> i + "*sin(" + i + "*x)").toList();
        Expr sum = guarded(() -> Expr.parse(String.join(" + ", terms)));
        assertInstanceOf(Add.class, sum);
        assertEquals(10_000, ((Add) sum).terms().size());
        assertEquals(Expr.add(terms.stream().map(Expr::parse).toList()), sum);
        String printed = sum.toString();
        assertEquals(true, printed.startsWith("sin(x) + 2*sin(2*x) + 3*sin(3*x) + "), printed.substring(0, 40));
        assertEquals(sum, guarded(() -> Expr.parse(printed)));
    }

    /** Adding all terms at once is what adding them one by one (SymPy's a + b + c) gives. */
    @Test
    void addingAtOnceEqualsAddingOneByOne() {
        List<List<String>> sums = List.of(List.of("x", "1", "-x"), List.of("2*(x + 1)", "x*(y - 1)", "-2"),
                List.of("x", "-(x + y)", "y", "3"), List.of("sin(x)**2", "1", "-sin(x)**2", "1/2"), List.of("x/2", "x/3", "-5*x/6", "y"),
                List.of("-(x - 1)", "(1 - x)", "2*x"), List.of("exp(x)", "exp(x)*2", "-3*exp(x)"), List.of("sqrt(2)", "sqrt(8)", "-3*sqrt(2)"),
                List.of("2*(x + 1)*x", "-2*x**2", "x*(x + 1)"), List.of("(x + y)**2", "-(x + y)**2", "(x + 1)/2"));
        for (List<String> sum : sums) {
            String f = String.join(" + ", sum);
            List<Expr> terms = sum.stream().map(Expr::parse).toList();
            Expr oneByOne = terms.getFirst();
            for (Expr t : terms.subList(1, terms.size())) {
                oneByOne = Expr.add(oneByOne, t);
            }
            assertEquals(oneByOne, Expr.parse(f), f);
        }
    }

    @Test
    void aLongProductIsMultipliedOnceNotFactorByFactor() {
        List<Expr> vars = IntStream.rangeClosed(1, 20_000).mapToObj(i -> Expr.var("x" + i)).toList();
        String typed = vars.stream().map(Expr::toString).collect(Collectors.joining("*"));
        Expr product = guarded(() -> Expr.parse(typed)); // 10 s of CPU and more when multiplied factor by factor
        assertEquals(Expr.mul(vars), product);
        assertEquals(Expr.mul(vars.subList(1, vars.size())), guarded(() -> product.diff("x1")));
    }

    @Test
    void workThatGrowsWithoutBoundStopsOnTheStepLimit() {
        String product = IntStream.rangeClosed(1, 3_000).mapToObj(i -> "sin(" + i + "*x)").collect(Collectors.joining("*"));
        Expr f = Expr.parse(product);
        // each of the 3,000 terms of the product rule has 3,000 factors: too many nodes, stopped at the first few hundred
        limit(LimitException.Limit.NODES, () -> f.diff("x"));
        String nested = "sin(".repeat(99) + "x" + ")".repeat(99);
        limit(LimitException.Limit.NODES, () -> Expr.parse(nested).diff("x", 2));
        String sum = IntStream.rangeClosed(1, 400).mapToObj(i -> "x" + i + "*y**" + i).collect(Collectors.joining(" + "));
        // 400 partials of 400 terms each, every one small: the gradient as a whole is the operation that is counted
        assertEquals("formula too large: the gradient takes more than 5,000,000 steps of algebra (the limit for one operation)",
                limit(LimitException.Limit.WORK, () -> Expr.parse(sum + " + " + sum.replace("y", "z")).gradient()).getMessage());
    }

    @Test
    void formulaTextAndFormulasBuiltInCodeAreBoundedToo() {
        limit(LimitException.Limit.LENGTH, () -> Expr.parse("x".repeat(Limits.MAX_FORMULA_LENGTH + 1)));
        List<Expr> vars = IntStream.range(0, (int) Limits.MAX_NODES).mapToObj(i -> Expr.var("v" + i)).toList();
        limit(LimitException.Limit.NODES, () -> Expr.add(vars));
        assertEquals(Limits.MAX_NODES, Nodes.of(Expr.add(vars.subList(1, vars.size()))));
    }

    @Test
    void aProgramTooLongForOneMethodIsInterpretedWithTheSameValues() {
        String formula = IntStream.rangeClosed(1, 2_000).mapToObj(i -> i + "*sin(" + i + "*x)*y").collect(Collectors.joining(" + "));
        Expr f = Expr.parse(formula);
        Program p = Program.compile(List.of(f), List.of("x", "y"));
        assertEquals(true, p.code().size() > Bytecode.MAX_INSTRUCTIONS, "the test needs a long program");
        double value = f.compile("x", "y").apply(0.3, 0.7), exact = f.eval(Map.of("x", 0.3, "y", 0.7));
        assertEquals(exact, value, 1e-9 * Math.abs(exact));
        assertEquals(Program.compile(List.of(f), List.of("x", "y"), true).code(), p.code());
    }

    @Test
    void gradientDescentKeepsAtMostAMillionIterations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientDescent.withLearningRate(0.1).maxIterations(2_000_000_000));
        assertEquals("iterations must be from 1 to 1,000,000, got 2000000000", e.getMessage());
    }
}
