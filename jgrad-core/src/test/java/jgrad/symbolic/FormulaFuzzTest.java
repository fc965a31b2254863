package jgrad.symbolic;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzing of everything a formula typed into a web page goes through: parse, print and parse again,
 * differentiate (twice), the gradient, simplify, evaluate, compile and run. Each input must give a
 * result or a clean error (a {@link ParseException} or a {@link LimitException}); any other exception,
 * an input that runs longer than the guard, or running out of memory fails. Inputs come from three
 * sources: random characters of the formula alphabet, random sequences of tokens (which parse more
 * often), and valid formulas with hostile parts spliced in (huge numbers, deep nesting, long sums,
 * power towers). Fixed seeds keep the build deterministic; the counts are printed after the run.
 */
class FormulaFuzzTest {
    /** Per input: a guard against hangs, not a speed goal (the machine may be loaded). */
    private static final long GUARD_SECONDS = 20;

    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "formula-fuzz");
        t.setDaemon(true); // a hung input must not keep the test JVM alive
        return t;
    });
    private static final Map<String, AtomicLong> OUTCOMES = new ConcurrentHashMap<>();

    private static final List<String> TOKENS = List.of("x", "y", "z", "theta1", "e", "pi", "E", "0", "1", "2", "3", "10", ".5",
            "1e3", "1e-3", "2.5e+7", "1e999", "1e-999", "1e9999999", "1e-9999999", "9e99999999999", "0.58181", "123456789012345678901234567890",
            "+", "-", "*", "/", "**", "^", "(", ")", ",", " ", "sin", "cos", "tan", "exp", "log", "ln", "sqrt", "abs", "Abs",
            "tanh", "sigmoid", "sign", "Heaviside", "min", "max", "Max", "foo", "sin(", "log(", "max(", ")**", "^-", "**.5");

    @Provide
    Arbitrary<String> characters() {
        return Arbitraries.strings().withChars("xyze0123456789.+-*/^(),_ pisncoqrtlgabmEh").ofMinLength(0).ofMaxLength(40);
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(25).map(l -> String.join("", l));
    }

    /** Valid formulas (printed from random trees) with a hostile part put in the place of a variable. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> parts = Arbitraries.of(
                "1e9999999", "1e-9999999", "1e999", "(x^.58181^.58181)", "tan(x)^9^9", "2^2^2^2^2", "9^9^9^9", "(1/3)^-99999",
                "(" + "(".repeat(600) + "x" + ")".repeat(600) + ")", "(" + "x+".repeat(3000) + "x)", "(" + "x*".repeat(3000) + "x)",
                "(" + "sin(".repeat(200) + "x" + ")".repeat(200) + ")", "exp(exp(exp(exp(exp(x)))))", "(x+y)^99999", "x^(10^2999)",
                "(2^9999*x)", "(1e2999*1e2999)", "sqrt(123456789123456789123456789)", "max(x, min(y, 1e999))", "(" + "x^".repeat(499) + "x)");
        return Arbitraries.recursive(() -> Arbitraries.of("x", "y", "2", "1/3", "pi"), FormulaFuzzTest::oneLevelUp, 0, 3)
                .flatMap(f -> parts.map(p -> f.replaceFirst("x", java.util.regex.Matcher.quoteReplacement(p))));
    }

    private static Arbitrary<String> oneLevelUp(Arbitrary<String> inner) {
        return Arbitraries.oneOf(
                inner.list().ofMinSize(2).ofMaxSize(3).map(l -> "(" + String.join(" + ", l) + ")"),
                inner.list().ofMinSize(2).ofMaxSize(3).map(l -> String.join("*", l)),
                inner.list().ofSize(2).map(l -> "(" + l.get(0) + ")^(" + l.get(1) + ")"),
                Arbitraries.of("sin", "cos", "tan", "exp", "log", "sqrt", "tanh", "sigmoid", "abs").flatMap(f -> inner.map(a -> f + "(" + a + ")")),
                inner.map(a -> "-" + a));
    }

    @Property(tries = 1500, seed = "20261201")
    void randomCharacters(@ForAll("characters") String formula) {
        check(formula);
    }

    @Property(tries = 1500, seed = "20261201")
    void randomTokens(@ForAll("tokens") String formula) {
        check(formula);
    }

    @Property(tries = 400, seed = "20261201")
    void hostileParts(@ForAll("hostile") String formula) {
        check(formula);
    }

    /** Runs the input on the worker under the guard and counts its outcome; fails on anything but a result or a clean error. */
    private static void check(String formula) {
        Future<String> run = WORKER.submit(() -> {
            try {
                exercise(formula);
                return "result";
            } catch (ParseException e) {
                return "ParseException";
            } catch (LimitException e) {
                return "LimitException";
            } catch (OutOfMemoryError e) {
                return "out of memory";
            }
        });
        String outcome;
        try {
            outcome = run.get(GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            outcome = "hang";
        } catch (ExecutionException e) {
            outcome = e.getCause().getClass().getSimpleName();
            count("other: " + outcome);
            fail("'" + abbreviated(formula) + "' threw " + e.getCause(), e.getCause());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        count(outcome);
        if (outcome.equals("hang") || outcome.equals("out of memory")) {
            fail("'" + abbreviated(formula) + "': " + outcome);
        }
    }

    /** What a caller does with a formula; every step may only end in a result or a clean error. */
    private static void exercise(String formula) {
        Expr f = Expr.parse(formula);
        String printed = f.toString();
        Expr.parse(printed); // what was printed reads back, without error
        Map<String, Double> point = new TreeMap<>();
        f.variables().forEach(v -> point.put(v, 0.7));
        f.eval(point);
        f.simplify();
        List<String> vars = List.copyOf(f.variables()).subList(0, Math.min(2, f.variables().size()));
        for (String v : vars) {
            Expr d = f.diff(v);
            d.toString();
            d.eval(point);
            f.diff(v, 2).eval(point);
        }
        f.gradient();
        double[] at = point.values().stream().mapToDouble(Double::doubleValue).toArray(); // in name order, as compiled
        f.compile().apply(at);
        f.compileGradient().at(at);
    }

    private static void count(String outcome) {
        OUTCOMES.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    private static String abbreviated(String s) {
        return s.length() <= 120 ? s : s.substring(0, 100) + "... (" + s.length() + " characters)";
    }

    @AfterContainer
    static void report() {
        long total = OUTCOMES.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.println("formula fuzz: " + total + " inputs tried; outcomes " + new TreeMap<>(OUTCOMES));
    }
}
