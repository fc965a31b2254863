package jgrad.symbolic;

/** The size of a formula in nodes, as printed (a shared part counts each time it occurs), and its limit. */
final class Nodes {
    private Nodes() {}

    /** Sums and products know their size; the other nodes add theirs up to the nearest sum, product or leaf. */
    static long of(Expr e) {
        return switch (e) {
            case Num n -> 1;
            case Var v -> 1;
            case Const c -> 1;
            case Add a -> ((Operands) a.terms()).nodes();
            case Mul m -> ((Operands) m.factors()).nodes();
            case Pow p -> check(of(p.base()) + of(p.exponent()) + 1);
            case Fn f -> check(of(f.arg()) + 1);
            case MinMax m -> check(of(m.a()) + of(m.b()) + 1);
        };
    }

    static long check(long nodes) {
        if (nodes > Limits.MAX_NODES) {
            throw Limits.tooManyNodes();
        }
        return nodes;
    }
}
