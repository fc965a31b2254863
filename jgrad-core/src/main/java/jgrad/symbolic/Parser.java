package jgrad.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for formulas as people type them:
 *
 * <pre>
 * sum     = product (("+" | "-") product)*
 * product = unary (("*" | "/") unary | unary)*     a unary right after another is implicit: 2x, 3(x + 1)
 * unary   = ("-" | "+") unary | power
 * power   = atom (("**" | "^") unary)?             right-associative, -x**2 = -(x**2), 2**-x allowed
 * atom    = number | name | name "(" sum ("," sum)* ")" | "(" sum ")"
 * </pre>
 */
final class Parser {
    private static final Map<String, Func> FUNCS = Map.ofEntries(
            Map.entry("exp", Func.EXP), Map.entry("log", Func.LOG), Map.entry("ln", Func.LOG),
            Map.entry("sin", Func.SIN), Map.entry("cos", Func.COS), Map.entry("tan", Func.TAN),
            Map.entry("tanh", Func.TANH), Map.entry("abs", Func.ABS), Map.entry("Abs", Func.ABS),
            Map.entry("sign", Func.SIGN), Map.entry("sigmoid", Func.SIGMOID), Map.entry("Heaviside", Func.HEAVISIDE));

    /** Deeper nesting is no formula a person types; each level of sin(sin(...)) also makes every later step slower. */
    static final int MAX_DEPTH = 100;

    private final String src;
    private int pos;
    private int depth;

    Parser(String src) {
        this.src = src;
    }

    Expr parse() {
        if (src.length() > Limits.MAX_FORMULA_LENGTH) {
            throw new LimitException(LimitException.Limit.LENGTH, "formula too long: " + String.format("%,d", src.length())
                    + " characters (formulas have at most " + String.format("%,d", Limits.MAX_FORMULA_LENGTH) + ")");
        }
        skipSpace();
        if (pos == src.length()) {
            throw error(pos, "empty formula");
        }
        Expr e = sum();
        skipSpace();
        if (pos < src.length()) {
            throw unexpected();
        }
        return e;
    }

    /** All terms collected first and added once: adding them one by one made a long sum quadratic. */
    private Expr sum() {
        List<Expr> terms = new ArrayList<>();
        terms.add(product());
        while (true) {
            if (eat("+")) {
                terms.add(product());
            } else if (eat("-")) {
                terms.add(Expr.neg(product()));
            } else {
                return terms.size() == 1 ? terms.getFirst() : Expr.add(terms);
            }
        }
    }

    private Expr product() {
        Product p = new Product(unary());
        while (true) {
            skipSpace();
            if (eat("*")) {
                p.times(unary());
            } else if (eat("/")) {
                skipSpace();
                int at = pos;
                Expr d = unary();
                if (d instanceof Num n && n.isZero()) {
                    throw error(at, "division by zero");
                }
                p.times(Expr.pow(d, Num.MINUS_ONE)); // a/d = a*d**-1, as Expr.div
            } else if (startsAtom()) {
                p.times(unary());
            } else {
                return p.result();
            }
        }
    }

    private Expr unary() {
        if (++depth > MAX_DEPTH) {
            throw error(pos, "formula nested more than " + MAX_DEPTH + " levels deep");
        }
        try {
            return signed();
        } finally {
            depth--;
        }
    }

    private Expr signed() {
        if (eat("-")) {
            return Expr.neg(unary());
        }
        if (eat("+")) {
            return unary();
        }
        return power();
    }

    private Expr power() {
        Expr base = atom();
        if (eat("**") || eat("^")) {
            int at = pos;
            Expr exponent = unary();
            if (base instanceof Num b && b.isZero() && exponent instanceof Num n && n.signum() < 0) {
                throw error(at, "division by zero (0 to a negative power)");
            }
            return Expr.pow(base, exponent);
        }
        return base;
    }

    private Expr atom() {
        skipSpace();
        if (pos == src.length()) {
            throw error(pos, "unexpected end of formula");
        }
        char c = src.charAt(pos);
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            return name();
        }
        if (eat("(")) {
            Expr e = sum();
            expect(")");
            return e;
        }
        throw unexpected();
    }

    private Expr number() {
        int start = pos;
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
            pos++;
        }
        // an exponent only when digits follow: 2e-3 is a number, 2e is 2*e
        int mark = pos;
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = mark;
            }
        }
        String text = src.substring(start, pos);
        try {
            return Num.parse(text, " at column " + (start + 1));
        } catch (NumberFormatException | ArithmeticException ex) {
            throw error(start, "bad number '" + text + "'");
        }
    }

    private Expr name() {
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        String name = src.substring(start, pos);
        skipSpace();
        boolean call = pos < src.length() && src.charAt(pos) == '(';
        if (call && (FUNCS.containsKey(name) || isMulti(name) || name.equals("sqrt"))) {
            pos++;
            List<Expr> args = new ArrayList<>();
            args.add(sum());
            while (eat(",")) {
                args.add(sum());
            }
            expect(")");
            return call(name, args, start);
        }
        return switch (name) {
            case "pi" -> Const.PI;
            case "e", "E" -> Const.E;
            default -> {
                if (FUNCS.containsKey(name) || isMulti(name) || name.equals("sqrt")) {
                    throw error(start, "function '" + name + "' needs an argument in parentheses");
                }
                // one letter before "(" is a product, x(y + 1); a longer name there is most likely a mistyped function
                if (call && name.length() > 1 && Character.isLetter(name.charAt(name.length() - 1))) {
                    throw error(start, "unknown function '" + name + "' (known: " + String.join(", ", new java.util.TreeSet<>(knownFunctions()))
                            + "); to multiply, write " + name + "*(...)");
                }
                yield new Var(name);
            }
        };
    }

    private static java.util.Set<String> knownFunctions() {
        java.util.Set<String> names = new java.util.HashSet<>(FUNCS.keySet());
        names.addAll(List.of("sqrt", "min", "max"));
        return names;
    }

    private static boolean isMulti(String name) {
        return name.equals("min") || name.equals("max") || name.equals("Min") || name.equals("Max");
    }

    private Expr call(String name, List<Expr> args, int at) {
        if (isMulti(name)) {
            if (args.size() < 2) {
                throw error(at, "'" + name + "' needs at least 2 arguments");
            }
            boolean max = name.equalsIgnoreCase("max");
            Expr e = args.getFirst();
            for (Expr a : args.subList(1, args.size())) {
                e = max ? Expr.max(e, a) : Expr.min(e, a);
            }
            return e;
        }
        if (name.equals("log") && args.size() == 2) { // log(x, b) = log(x)/log(b), as SymPy writes it
            return Expr.div(Expr.fn(Func.LOG, args.get(0)), Expr.fn(Func.LOG, args.get(1)));
        }
        if (args.size() != 1) {
            throw error(at, "'" + name + "' takes " + (name.equals("log") ? "1 or 2 arguments" : "1 argument")
                    + ", got " + args.size());
        }
        return name.equals("sqrt") ? Expr.pow(args.getFirst(), Num.HALF) : Expr.fn(FUNCS.get(name), args.getFirst());
    }

    private boolean startsAtom() {
        if (pos >= src.length()) {
            return false;
        }
        char c = src.charAt(pos);
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '(';
    }

    private void skipSpace() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(String token) {
        skipSpace();
        return src.startsWith(token, pos);
    }

    private boolean eat(String token) {
        if (peek(token) && !(token.equals("*") && src.startsWith("**", pos))) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw pos < src.length() ? error(pos, "expected '" + token + "' but found '" + src.charAt(pos) + "'")
                    : error(pos, "expected '" + token + "' before the end of the formula");
        }
    }

    private ParseException unexpected() {
        skipSpace();
        return pos < src.length() ? error(pos, "unexpected '" + src.charAt(pos) + "'") : error(pos, "unexpected end of formula");
    }

    private ParseException error(int index, String what) {
        return new ParseException(src, index + 1, what);
    }
}
