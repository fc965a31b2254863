package jgrad.cli.onnx;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import jgrad.cli.UserException;
import jgrad.function.Activation;

/**
 * How each activation is written in ONNX operators. An activation is matched by name, then its
 * definition is checked against what the operators compute, on a grid of points, before anything
 * is written: an activation that shares a name but not a formula (a GELU with the sigmoid
 * approximation, a leaky ReLU whose negative side is not linear) is caught, never exported wrong.
 *
 * <p>Parameters (a leaky ReLU's slope, ELU's alpha) become constants in the model's own precision
 * rather than the operators' float32 attributes ({@code LeakyRelu alpha} would move a float64 slope
 * of 0.01 by 2e-8), and the formulas use only operators onnxruntime runs in float64 as well
 * (its CPU {@code LeakyRelu}, {@code Elu}, {@code Softplus} are float32 only).
 */
final class OnnxActivations {
    private OnnxActivations() {}

    @FunctionalInterface
    private interface Emit {
        String apply(OnnxGraph g, String x, String out);
    }

    /** One way to write an activation: the operators, what they compute, and how closely that must match. */
    private record Lowering(String operators, DoubleUnaryOperator computes, double tolerance, Emit emit) {}

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    /** Adds the nodes computing {@code f(x)} into {@code out}; {@code where} names the layer in errors. */
    static String emit(OnnxGraph g, Activation f, String x, String out, String where) {
        List<Lowering> candidates = lowerings(f);
        if (candidates.isEmpty()) {
            throw new UserException(where + ": activation '" + f.name() + "' cannot be exported to ONNX yet (supported: " + SUPPORTED + ")");
        }
        for (Lowering l : candidates) if (matches(f, l)) return l.emit().apply(g, x, out);
        throw new UserException(where + ": activation '" + f.name() + "' does not compute what "
                + String.join(" or ", candidates.stream().map(Lowering::operators).toList()) + " computes; not exported");
    }

    static final String SUPPORTED = "identity, relu, sigmoid, tanh, silu, leaky_relu, elu, softplus, gelu (exact or tanh approximation)";

    private static List<Lowering> lowerings(Activation f) {
        String name = f.name();
        if (name.startsWith("gelu")) return List.of(GELU_EXACT, GELU_TANH);
        return switch (name) {
            case "identity" -> List.of(new Lowering("Identity", z -> z, 0, (g, x, out) -> g.node("Identity", out, List.of(x))));
            case "relu" -> List.of(new Lowering("Relu", z -> Math.max(z, 0), 0, (g, x, out) -> g.node("Relu", out, List.of(x))));
            case "sigmoid" -> List.of(new Lowering("Sigmoid", OnnxActivations::sigmoid, 1e-12, (g, x, out) -> g.node("Sigmoid", out, List.of(x))));
            case "tanh" -> List.of(new Lowering("Tanh", Math::tanh, 1e-12, (g, x, out) -> g.node("Tanh", out, List.of(x))));
            // not Mul(x, Sigmoid(x)): onnxruntime fuses that into its QuickGelu, which has no float64 kernel
            case "silu", "swish" -> List.of(new Lowering("x/(1 + Exp(-x))", z -> z * sigmoid(z), 1e-12, (g, x, out) -> {
                String e = g.node("Exp", out + "_exp", List.of(g.node("Neg", out + "_neg", List.of(x))));
                return g.node("Div", out, List.of(x, g.node("Add", out + "_1p", List.of(e, g.scalar(out + "_one", 1)))));
            }));
            case "leaky_relu" -> {
                double slope = -f.apply(-1);
                yield List.of(new Lowering("Where(x > 0, x, " + slope + "*x)", z -> z > 0 ? z : slope * z, 1e-12,
                        (g, x, out) -> positiveOr(g, x, out, g.node("Mul", out + "_negative", List.of(x, g.scalar(out + "_slope", slope))))));
            }
            case "elu" -> {
                double alpha = f.apply(-1) / Math.expm1(-1);
                yield List.of(new Lowering("Where(x > 0, x, " + alpha + "*(Exp(x) - 1))", z -> z > 0 ? z : alpha * Math.expm1(z), 1e-9, (g, x, out) -> {
                    String expm1 = g.node("Sub", out + "_expm1", List.of(g.node("Exp", out + "_exp", List.of(x)), g.scalar(out + "_one", 1)));
                    return positiveOr(g, x, out, g.node("Mul", out + "_negative", List.of(expm1, g.scalar(out + "_alpha", alpha))));
                }));
            }
            // log(1 + e^x) = max(x, 0) + log(1 + e^−|x|): never overflows
            case "softplus" -> List.of(new Lowering("Relu(x) + Log(1 + Exp(-Abs(x)))", z -> Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))), 1e-9, (g, x, out) -> {
                String e = g.node("Exp", out + "_exp", List.of(g.node("Neg", out + "_neg", List.of(g.node("Abs", out + "_abs", List.of(x))))));
                String log = g.node("Log", out + "_log", List.of(g.node("Add", out + "_1p", List.of(e, g.scalar(out + "_one", 1)))));
                return g.node("Add", out, List.of(g.node("Relu", out + "_relu", List.of(x)), log));
            }));
            default -> List.of();
        };
    }

    private static String positiveOr(OnnxGraph g, String x, String out, String negative) {
        String positive = g.node("Greater", out + "_positive", List.of(x, g.scalar(out + "_zero", 0)));
        return g.node("Where", out, List.of(positive, x, negative));
    }

    /**
     * ½x(1 + erf(x/√2)). onnxruntime has no float64 {@code Erf}, so a float64 model gets the same function as
     * ½x·erfc(−x/√2) with erfc from its Chebyshev fit (Numerical Recipes' {@code erfccheb}, within 1.2e-16).
     */
    private static final Lowering GELU_EXACT = new Lowering("0.5*x*(1 + Erf(x/sqrt(2)))", z -> 0.5 * z * (z > 0 ? 2 - erfc(z / Math.sqrt(2)) : erfc(-z / Math.sqrt(2))), 1e-12, (g, x, out) -> {
        if (g.elemType() == OnnxGraph.FLOAT) {
            String erf = g.node("Erf", out + "_erf", List.of(g.node("Mul", out + "_scaled", List.of(x, g.scalar(out + "_rsqrt2", 1 / Math.sqrt(2))))));
            return half(g, x, out, erf);
        }
        String e = erfc(g, g.node("Mul", out + "_u", List.of(g.node("Abs", out + "_abs", List.of(x)), g.scalar(out + "_rsqrt2", 1 / Math.sqrt(2)))), out + "_erfc");
        String onePlusErf = g.node("Where", out + "_1p", List.of(g.node("Greater", out + "_positive", List.of(x, g.scalar(out + "_zero", 0))),
                g.node("Sub", out + "_2m", List.of(g.scalar(out + "_two", 2), e)), e));
        return g.node("Mul", out, List.of(g.node("Mul", out + "_half", List.of(x, g.scalar(out + "_0.5", 0.5))), onePlusErf));
    });

    private static final double[] ERFC_CHEBYSHEV = {-1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3,
        -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5, -1.624290004647e-6, 1.303655835580e-6,
        1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12,
        -6.886027e-12, 8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17};

    /** erfc(z) for z ≥ 0: t·exp(−z² + ½(c₀ + y·d) − dd), Clenshaw's recurrence in y = 4t − 2, t = 2/(2 + z). */
    static double erfc(double z) {
        double t = 2 / (2 + z), y = 4 * t - 2, d = 0, dd = 0;
        for (int j = ERFC_CHEBYSHEV.length - 1; j > 0; j--) {
            double previous = d;
            d = y * d - dd + ERFC_CHEBYSHEV[j];
            dd = previous;
        }
        return t * Math.exp(-z * z + 0.5 * (ERFC_CHEBYSHEV[0] + y * d) - dd);
    }

    /** The same recurrence as nodes, for z ≥ 0. */
    private static String erfc(OnnxGraph g, String z, String out) {
        String t = g.node("Div", out + "_t", List.of(g.scalar(out + "_two", 2), g.node("Add", out + "_2pz", List.of(z, g.scalar(out + "_2", 2)))));
        String y = g.node("Sub", out + "_y", List.of(g.node("Mul", out + "_4t", List.of(t, g.scalar(out + "_four", 4))), g.scalar(out + "_2m", 2)));
        int last = ERFC_CHEBYSHEV.length - 1;
        String d = g.scalar(out + "_c" + last, ERFC_CHEBYSHEV[last]), dd = null;
        for (int j = last - 1; j > 0; j--) {
            String yd = g.node("Mul", out + "_yd" + j, List.of(y, d));
            if (dd != null) yd = g.node("Sub", out + "_ydd" + j, List.of(yd, dd));
            dd = d;
            d = g.node("Add", out + "_d" + j, List.of(yd, g.scalar(out + "_c" + j, ERFC_CHEBYSHEV[j])));
        }
        String sum = g.node("Add", out + "_c0yd", List.of(g.scalar(out + "_c0", ERFC_CHEBYSHEV[0]), g.node("Mul", out + "_yd0", List.of(y, d))));
        String half = g.node("Mul", out + "_h", List.of(sum, g.scalar(out + "_half", 0.5)));
        String exponent = g.node("Sub", out + "_exponent", List.of(g.node("Sub", out + "_hmz2", List.of(half, g.node("Mul", out + "_z2", List.of(z, z)))), dd));
        return g.node("Mul", out, List.of(t, g.node("Exp", out + "_exp", List.of(exponent))));
    }

    /** ½x(1 + tanh(√(2/π)(x + 0.044715x³))), PyTorch's {@code approximate='tanh'}. */
    private static final Lowering GELU_TANH = new Lowering("0.5*x*(1 + Tanh(sqrt(2/pi)*(x + 0.044715*x^3)))",
            z -> 0.5 * z * (1 + Math.tanh(SQRT_2_OVER_PI * (z + 0.044715 * z * z * z))), 1e-9, (g, x, out) -> {
        String cube = g.node("Mul", out + "_cube", List.of(x, g.node("Mul", out + "_square", List.of(x, x))));
        String inner = g.node("Add", out + "_inner", List.of(x, g.node("Mul", out + "_cubic", List.of(cube, g.scalar(out + "_c", 0.044715)))));
        String tanh = g.node("Tanh", out + "_tanh", List.of(g.node("Mul", out + "_arg", List.of(inner, g.scalar(out + "_k", SQRT_2_OVER_PI)))));
        return half(g, x, out, tanh);
    });

    /** ½x(1 + t) for the GELUs. */
    private static String half(OnnxGraph g, String x, String out, String t) {
        String onePlus = g.node("Add", out + "_1p", List.of(t, g.scalar(out + "_one", 1)));
        return g.node("Mul", out, List.of(g.node("Mul", out + "_half", List.of(x, g.scalar(out + "_0.5", 0.5))), onePlus));
    }

    private static boolean matches(Activation f, Lowering l) {
        for (int k = -160; k <= 160; k++) {
            double z = k / 16.0, want = f.apply(z), got = l.computes().applyAsDouble(z);
            if (!(Math.abs(want - got) <= l.tolerance() * (1 + Math.abs(want)))) return false;
        }
        return true;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
