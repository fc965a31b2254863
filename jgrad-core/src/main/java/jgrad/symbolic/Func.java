package jgrad.symbolic;

import static jgrad.symbolic.Expr.add;
import static jgrad.symbolic.Expr.fn;
import static jgrad.symbolic.Expr.mul;
import static jgrad.symbolic.Expr.pow;
import static jgrad.symbolic.Expr.sub;

import java.util.function.DoubleUnaryOperator;

/**
 * The functions of one argument: how each is named, evaluated and differentiated (one line each).
 * {@code sortIndex} is SymPy's class-key index, so products print their factors in SymPy's order.
 */
public enum Func {
    EXP("exp", 10, Math::exp),
    LOG("log", 11, Math::log),
    SIN("sin", 20, Math::sin),
    COS("cos", 21, Math::cos),
    TAN("tan", 22, Math::tan),
    TANH("tanh", 32, Math::tanh),
    // not a SymPy built-in (SymPy spells it 1/(1 + exp(-x))), so it sorts like any user function
    SIGMOID("sigmoid", 0, jgrad.function.Activations.SIGMOID::apply),
    ABS("Abs", 10000, Math::abs),
    SIGN("sign", 10000, Math::signum),
    HEAVISIDE("Heaviside", 10000, x -> x > 0 ? 1 : x < 0 ? 0 : x == 0 ? 0.5 : Double.NaN);

    private final String printName;
    private final int sortIndex;
    private final DoubleUnaryOperator eval;

    Func(String printName, int sortIndex, DoubleUnaryOperator eval) {
        this.printName = printName;
        this.sortIndex = sortIndex;
        this.eval = eval;
    }

    /** f'(u), the outer derivative (the chain rule multiplies it by u'). */
    Expr derivative(Expr u) {
        return switch (this) {
            case EXP -> fn(EXP, u);
            case LOG -> pow(u, Num.MINUS_ONE);
            case SIN -> fn(COS, u);
            case COS -> Expr.neg(fn(SIN, u));
            case TAN -> add(pow(fn(TAN, u), Num.TWO), Num.ONE);
            case TANH -> sub(Num.ONE, pow(fn(TANH, u), Num.TWO));
            case SIGMOID -> mul(fn(SIGMOID, u), sub(Num.ONE, fn(SIGMOID, u)));
            case ABS -> fn(SIGN, u);
            // flat except for a jump at 0: the derivative is 0 wherever it exists
            // (SymPy answers DiracDelta, which has no value to evaluate)
            case SIGN, HEAVISIDE -> Num.ZERO;
        };
    }

    /** The name SymPy prints, e.g. {@code Abs}. */
    public String printName() {
        return printName;
    }

    int sortIndex() {
        return sortIndex;
    }

    public double apply(double x) {
        return eval.applyAsDouble(x);
    }

    /** sin(-x) = -sin(x): SymPy pulls the minus sign out of odd functions. */
    boolean isOdd() {
        return this == SIN || this == TAN || this == TANH || this == SIGN;
    }

    /** cos(-x) = cos(x), Abs(-x) = Abs(x). */
    boolean isEven() {
        return this == COS || this == ABS;
    }
}
