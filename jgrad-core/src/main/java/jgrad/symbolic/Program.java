package jgrad.symbolic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jgrad.kernel.Parallel;

/**
 * Formulas compiled to straight-line code over registers. Common subexpressions are computed once:
 * the two partials of W4 share {@code exp(-x**2)}, {@code sin(x*y)} and {@code cos(x*y)}. Two ways to
 * run it, measured in the README: JVM bytecode generated from the instructions ({@link Bytecode}, the
 * default, fastest), or an interpreter over blocks of points, where each instruction is one tight loop
 * over a block that stays in L1 cache (set {@code -Djgrad.symbolic.backend=interpreter}). Both do the
 * same operations in the same order and give bit-identical results.
 */
final class Program {
    /** A generated evaluator: out[k][i] = formula k at point i, for i in [from, to). */
    interface Kernel {
        void run(double[][] in, double[][] out, int from, int to);
    }

    private static final boolean INTERPRET = "interpreter".equals(System.getProperty("jgrad.symbolic.backend"));

    enum Op { ADD, SUB, MUL, DIV, SQUARE, CUBE, POWI, SQRT, POW, MAX, MIN,
        EXP, LOG, SIN, COS, TAN, TANH, ABS, SIGN, SIGMOID, HEAVISIDE }

    /** dst = op(a, b); n is the exponent of POWI. */
    record Instr(Op op, int dst, int a, int b, int n) {}

    static final int BLOCK = 256;
    /** Registers x block stays within 8 MB per worker: a formula of 200,000 nodes would otherwise take 400 MB. */
    private static final int WORKSPACE_DOUBLES = 1 << 20;
    private static final int PARALLEL_MIN = 1 << 15;

    private final int variables;
    private final double[] constants; // registers variables .. variables + constants.length - 1
    private final List<Instr> code;
    private final int registers;
    private final int[] outputs;
    private final Kernel kernel; // null: interpret

    private Program(int variables, double[] constants, List<Instr> code, int registers, int[] outputs, boolean interpret) {
        this.variables = variables;
        this.constants = constants;
        this.code = code;
        this.registers = registers;
        this.outputs = outputs;
        this.kernel = interpret || code.size() > Bytecode.MAX_INSTRUCTIONS ? null : Bytecode.generate(this);
    }

    List<Instr> code() {
        return code;
    }

    int output(int k) {
        return outputs[k];
    }

    boolean isConstant(int register) {
        return register >= variables && register < variables + constants.length;
    }

    double constant(int register) {
        return constants[register - variables];
    }

    static Program compile(List<Expr> formulas, List<String> variables) {
        return compile(formulas, variables, INTERPRET);
    }

    static Program compile(List<Expr> formulas, List<String> variables, boolean interpret) {
        return new Compiler(variables).compile(formulas, interpret);
    }

    int outputs() {
        return outputs.length;
    }

    int variables() {
        return variables;
    }

    private int block() {
        return Math.clamp(WORKSPACE_DOUBLES / Math.max(1, registers), 1, BLOCK);
    }

    /** Registers of one worker for the interpreter: allocate once, reuse for every call (none for generated code). */
    double[][] workspace() {
        if (kernel != null) {
            return new double[0][];
        }
        double[][] r = new double[registers][block()];
        for (int c = 0; c < constants.length; c++) {
            java.util.Arrays.fill(r[variables + c], constants[c]);
        }
        return r;
    }

    /** out[k][i] = formula k at the point (in[0][i], in[1][i], ...), for i in [from, to). */
    void run(double[][] in, double[][] out, int from, int to, double[][] r) {
        if (kernel != null) {
            kernel.run(in, out, from, to);
            return;
        }
        int block = r.length == 0 ? BLOCK : r[0].length;
        for (int start = from; start < to; start += block) {
            int n = Math.min(block, to - start);
            for (int v = 0; v < variables; v++) {
                System.arraycopy(in[v], start, r[v], 0, n);
            }
            execute(r, n);
            for (int k = 0; k < outputs.length; k++) {
                System.arraycopy(r[outputs[k]], 0, out[k], start, n);
            }
        }
    }

    /**
     * The batch split across cores, on jgrad's one kernel thread pool (a second pool, such as the
     * common ForkJoin pool, would fight it for the same cores); every point is computed by the same
     * code, so results are identical.
     */
    void runParallel(double[][] in, double[][] out, int count) {
        if (count < PARALLEL_MIN) {
            run(in, out, 0, count, workspace());
            return;
        }
        int chunk = 1 << 14;
        Parallel.run((count + chunk - 1) / chunk, c -> run(in, out, c * chunk, Math.min(count, (c + 1) * chunk), workspace()));
    }

    /** One point: the workspace's first lane. */
    void runOne(double[] point, double[] out, double[][] r) {
        if (kernel != null) {
            double[][] in = new double[variables][1], result = new double[outputs.length][1];
            for (int v = 0; v < variables; v++) {
                in[v][0] = point[v];
            }
            kernel.run(in, result, 0, 1);
            for (int k = 0; k < outputs.length; k++) {
                out[k] = result[k][0];
            }
            return;
        }
        for (int v = 0; v < variables; v++) {
            r[v][0] = point[v];
        }
        execute(r, 1);
        for (int k = 0; k < outputs.length; k++) {
            out[k] = r[outputs[k]][0];
        }
    }

    private void execute(double[][] r, int n) {
        for (Instr in : code) {
            double[] d = r[in.dst()], a = r[in.a()], b = in.b() >= 0 ? r[in.b()] : a;
            switch (in.op()) {
                case ADD -> { for (int i = 0; i < n; i++) d[i] = a[i] + b[i]; }
                case SUB -> { for (int i = 0; i < n; i++) d[i] = a[i] - b[i]; }
                case MUL -> { for (int i = 0; i < n; i++) d[i] = a[i] * b[i]; }
                case DIV -> { for (int i = 0; i < n; i++) d[i] = a[i] / b[i]; }
                case SQUARE -> { for (int i = 0; i < n; i++) d[i] = a[i] * a[i]; }
                case CUBE -> { for (int i = 0; i < n; i++) d[i] = a[i] * a[i] * a[i]; }
                case POWI -> { for (int i = 0; i < n; i++) d[i] = powi(a[i], in.n()); }
                case SQRT -> { for (int i = 0; i < n; i++) d[i] = Math.sqrt(a[i]); }
                case POW -> { for (int i = 0; i < n; i++) d[i] = Math.pow(a[i], b[i]); }
                case MAX -> { for (int i = 0; i < n; i++) d[i] = Math.max(a[i], b[i]); }
                case MIN -> { for (int i = 0; i < n; i++) d[i] = Math.min(a[i], b[i]); }
                case EXP -> { for (int i = 0; i < n; i++) d[i] = Math.exp(a[i]); }
                case LOG -> { for (int i = 0; i < n; i++) d[i] = Math.log(a[i]); }
                case SIN -> { for (int i = 0; i < n; i++) d[i] = Math.sin(a[i]); }
                case COS -> { for (int i = 0; i < n; i++) d[i] = Math.cos(a[i]); }
                case TAN -> { for (int i = 0; i < n; i++) d[i] = Math.tan(a[i]); }
                case TANH -> { for (int i = 0; i < n; i++) d[i] = Math.tanh(a[i]); }
                case ABS -> { for (int i = 0; i < n; i++) d[i] = Math.abs(a[i]); }
                case SIGN -> { for (int i = 0; i < n; i++) d[i] = Math.signum(a[i]); }
                case SIGMOID -> { for (int i = 0; i < n; i++) d[i] = sigmoid(a[i]); }
                case HEAVISIDE -> { for (int i = 0; i < n; i++) d[i] = heaviside(a[i]); }
            }
        }
    }

    static double sigmoid(double x) {
        return Func.SIGMOID.apply(x);
    }

    static double heaviside(double x) {
        return Func.HEAVISIDE.apply(x);
    }

    /** x**n by repeated squaring (n >= 2; negative powers are compiled as 1/x**|n|). */
    static double powi(double x, int n) {
        double result = 1;
        for (double base = x; n > 0; n >>= 1, base *= base) {
            if ((n & 1) != 0) {
                result *= base;
            }
        }
        return result;
    }

    /** Tree -> instructions, one register per distinct subexpression. */
    private static final class Compiler {
        private final List<String> names;
        private final List<Double> constants = new ArrayList<>();
        private final List<Instr> code = new ArrayList<>();
        private final Map<Expr, Integer> memo = new HashMap<>();
        private final Map<Double, Integer> constantRegisters = new HashMap<>();
        private int temporaries;

        Compiler(List<String> names) {
            this.names = names;
        }

        Program compile(List<Expr> formulas, boolean interpret) {
            int[] outputs = formulas.stream().mapToInt(this::emit).toArray();
            double[] c = constants.stream().mapToDouble(Double::doubleValue).toArray();
            int first = names.size() + c.length;
            List<Instr> relocated = code.stream()
                    .map(i -> new Instr(i.op(), reloc(i.dst(), first), reloc(i.a(), first), reloc(i.b(), first), i.n()))
                    .toList();
            int[] out = java.util.Arrays.stream(outputs).map(o -> reloc(o, first)).toArray();
            return new Program(names.size(), c, relocated, first + temporaries, out, interpret);
        }

        // temporaries are numbered -2, -3, ... while compiling (-1 = no operand), then moved after the constants
        private static int reloc(int reg, int first) {
            return reg <= -2 ? first + (-reg - 2) : reg;
        }

        private int emit(Expr e) {
            Integer known = memo.get(e);
            if (known != null) {
                return known;
            }
            if (e.variables().isEmpty()) {
                return constant(e.eval(Map.of()));
            }
            int reg = switch (e) {
                case Var v -> {
                    int i = names.indexOf(v.name());
                    if (i < 0) {
                        throw new IllegalArgumentException("unknown variable '" + v.name() + "'; the formula is compiled over " + names);
                    }
                    yield i;
                }
                case Add a -> emitSum(a.terms());
                case Mul m -> emitProduct(m);
                case Pow p -> emitPower(p);
                case Fn f -> op(Op.valueOf(f.func().name()), emit(f.arg()), -1, 0);
                case MinMax m -> op(m.max() ? Op.MAX : Op.MIN, emit(m.a()), emit(m.b()), 0);
                default -> throw new IllegalStateException("not a constant: " + e);
            };
            memo.put(e, reg);
            return reg;
        }

        /** a + b - c: terms with a negative coefficient are subtracted rather than multiplied by -1. */
        private int emitSum(List<Expr> terms) {
            int acc = Integer.MIN_VALUE;
            boolean negated = false;
            for (Expr t : terms) {
                boolean minus = Algebra.hasLeadingMinus(t) && !(t instanceof Num);
                int r = emit(minus ? Expr.neg(t) : t);
                if (acc == Integer.MIN_VALUE) {
                    acc = r;
                    negated = minus;
                } else if (negated) { // -a + b = b - a, -a - b needs one negation at the end
                    acc = minus ? op(Op.ADD, acc, r, 0) : op(Op.SUB, r, acc, 0);
                    negated = minus;
                } else {
                    acc = op(minus ? Op.SUB : Op.ADD, acc, r, 0);
                }
            }
            return negated ? op(Op.SUB, constant(0), acc, 0) : acc;
        }

        private int emitProduct(Mul m) {
            Num c = m.coefficient();
            int numerator = Integer.MIN_VALUE, denominator = Integer.MIN_VALUE;
            for (Expr f : m.factors()) {
                if (f instanceof Num) {
                    continue;
                }
                if (f instanceof Pow p && p.exponent() instanceof Num k && k.signum() < 0) {
                    int r = emit(Expr.pow(p.base(), k.negate()));
                    denominator = denominator == Integer.MIN_VALUE ? r : op(Op.MUL, denominator, r, 0);
                } else {
                    int r = emit(f);
                    numerator = numerator == Integer.MIN_VALUE ? r : op(Op.MUL, numerator, r, 0);
                }
            }
            if (!c.isOne() && !c.equals(Num.MINUS_ONE)) {
                int k = constant(Math.abs(c.doubleValue()));
                numerator = numerator == Integer.MIN_VALUE ? k : op(Op.MUL, k, numerator, 0);
            }
            if (numerator == Integer.MIN_VALUE) {
                numerator = constant(1);
            }
            int r = denominator == Integer.MIN_VALUE ? numerator : op(Op.DIV, numerator, denominator, 0);
            return c.signum() < 0 ? op(Op.SUB, constant(0), r, 0) : r;
        }

        private int emitPower(Pow p) {
            int base = emit(p.base());
            if (p.exponent() instanceof Num k) {
                if (k.equals(Num.HALF)) {
                    return op(Op.SQRT, base, -1, 0);
                }
                if (k.isInteger() && k.numerator().bitLength() < 31) {
                    int n = Math.abs(k.numerator().intValue());
                    int r = n == 1 ? base : op(n == 2 ? Op.SQUARE : n == 3 ? Op.CUBE : Op.POWI, base, -1, n);
                    return k.signum() < 0 ? op(Op.DIV, constant(1), r, 0) : r;
                }
            }
            return op(Op.POW, base, emit(p.exponent()), 0);
        }

        /** Constants live in registers right after the variables' and are filled once per workspace. */
        private int constant(double value) {
            return constantRegisters.computeIfAbsent(value, v -> {
                constants.add(v);
                return names.size() + constants.size() - 1;
            });
        }

        private int op(Op op, int a, int b, int n) {
            int reg = -2 - temporaries++;
            code.add(new Instr(op, reg, a, b, n));
            return reg;
        }
    }
}
