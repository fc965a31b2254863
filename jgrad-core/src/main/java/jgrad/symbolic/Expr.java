package jgrad.symbolic;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A formula: an immutable expression tree. Trees built through the static factories ({@link #add},
 * {@link #mul}, {@link #pow}, {@link #fn}) and {@link #parse} are always in canonical form, as SymPy's
 * are: like terms collected, powers of the same base combined, constants folded. So derivatives come
 * out short ({@code 2*x}, never {@code 1*x + 0}) and print exactly as SymPy prints them.
 *
 * <p>Every operation is bounded ({@link Limits}): a formula, a number in it or a result beyond a limit throws
 * a {@link LimitException} in a fraction of a second, so formulas from anyone (a web page) are safe to take.
 *
 * <pre>{@code
 * Expr f = Expr.parse("x**2 + 3*y**2");
 * f.diff("x");                       // 2*x
 * f.gradient();                      // [2*x, 6*y]
 * f.eval(Map.of("x", 1.0, "y", 2.0)); // 13.0
 * CompiledGradient g = f.compileGradient("x", "y");
 * }</pre>
 */
public sealed interface Expr permits Num, Var, Const, Add, Mul, Pow, Fn, MinMax {

    /** Parses a formula as people type it: {@code x^4 - 3x^3 + 2}, {@code (x + 3)**3}, {@code log(x, 2)}. */
    static Expr parse(String formula) {
        return Budget.run("parsing the formula", () -> new Parser(formula).parse());
    }

    static Expr num(long value) {
        return Num.of(value);
    }

    static Expr var(String name) {
        return new Var(name);
    }

    static Expr add(Expr... terms) {
        return Algebra.add(Arrays.asList(terms));
    }

    static Expr add(List<Expr> terms) {
        return Algebra.add(terms);
    }

    static Expr mul(Expr... factors) {
        return Algebra.mul(Arrays.asList(factors));
    }

    static Expr mul(List<Expr> factors) {
        return Algebra.mul(factors);
    }

    static Expr pow(Expr base, Expr exponent) {
        return Algebra.pow(base, exponent);
    }

    static Expr fn(Func func, Expr arg) {
        return Algebra.fn(func, arg);
    }

    static Expr neg(Expr a) {
        return mul(Num.MINUS_ONE, a);
    }

    static Expr sub(Expr a, Expr b) {
        return add(a, neg(b));
    }

    static Expr div(Expr a, Expr b) {
        return mul(a, pow(b, Num.MINUS_ONE));
    }

    static Expr max(Expr a, Expr b) {
        return Algebra.minMax(true, a, b);
    }

    static Expr min(Expr a, Expr b) {
        return Algebra.minMax(false, a, b);
    }

    /** The partial derivative with respect to {@code variable}, simplified. */
    default Expr diff(String variable) {
        return Budget.run("the derivative", () -> Derivative.of(this, variable));
    }

    /** The {@code order}-th derivative: {@code diff("x", 2)} is d²/dx². */
    default Expr diff(String variable, int order) {
        if (order < 0) {
            throw new IllegalArgumentException("derivative order must be >= 0, got " + order);
        }
        return Budget.run("the derivative", () -> {
            Expr d = this;
            for (int i = 0; i < order; i++) {
                d = d.diff(variable);
            }
            return d;
        });
    }

    /** The partial derivatives with respect to every variable, in name order (as SymPy sorts symbols). */
    default List<Expr> gradient() {
        return gradient(List.copyOf(variables()));
    }

    default List<Expr> gradient(List<String> variables) {
        return Budget.run("the gradient", () -> variables.stream().map(this::diff).toList());
    }

    /** The variable names, sorted. */
    default SortedSet<String> variables() {
        SortedSet<String> names = new TreeSet<>();
        Algebra.collectVariables(this, names);
        return names;
    }

    /** Whether the formula depends on {@code variable}. */
    default boolean contains(String variable) {
        return switch (this) {
            case Num n -> false;
            case Const c -> false;
            case Var v -> v.name().equals(variable);
            case Add a -> a.terms().stream().anyMatch(t -> t.contains(variable));
            case Mul m -> m.factors().stream().anyMatch(f -> f.contains(variable));
            case Pow p -> p.base().contains(variable) || p.exponent().contains(variable);
            case Fn f -> f.arg().contains(variable);
            case MinMax m -> m.a().contains(variable) || m.b().contains(variable);
        };
    }

    /**
     * The value at a point, by walking the tree. For many evaluations use {@link #compile}.
     *
     * @throws IllegalArgumentException when a variable has no value
     */
    default double eval(Map<String, Double> point) {
        return switch (this) {
            case Num n -> n.doubleValue();
            case Const c -> c.value();
            case Var v -> {
                Double value = point.get(v.name());
                if (value == null) {
                    throw new IllegalArgumentException("no value for variable '" + v.name() + "'");
                }
                yield value;
            }
            case Add a -> a.terms().stream().mapToDouble(t -> t.eval(point)).reduce(0, Double::sum);
            case Mul m -> m.factors().stream().mapToDouble(f -> f.eval(point)).reduce(1, (x, y) -> x * y);
            case Pow p -> Math.pow(p.base().eval(point), p.exponent().eval(point));
            case Fn f -> f.func().apply(f.arg().eval(point));
            case MinMax m -> m.max() ? Math.max(m.a().eval(point), m.b().eval(point))
                    : Math.min(m.a().eval(point), m.b().eval(point));
        };
    }

    /** Rebuilds the tree through the canonical factories: the identity on trees that came from them. */
    default Expr simplify() {
        return Budget.run("simplifying", () -> Algebra.canonical(this));
    }

    /**
     * Compiles the formula into a fast evaluator over the given variables, in that order (none given:
     * all its variables, in name order).
     */
    default CompiledFunction compile(String... variables) {
        return Budget.run("compiling", () -> new CompiledFunction(Program.compile(List.of(this), orDefault(variables))));
    }

    /** Differentiates with respect to each variable (none given: all, in name order) and compiles the partials together. */
    default CompiledGradient compileGradient(String... variables) {
        return Budget.run("the gradient", () -> {
            List<String> vars = orDefault(variables);
            List<Expr> partials = gradient(vars);
            return new CompiledGradient(partials, Program.compile(partials, vars));
        });
    }

    private List<String> orDefault(String[] variables) {
        return variables.length == 0 ? List.copyOf(variables()) : List.of(variables);
    }
}
