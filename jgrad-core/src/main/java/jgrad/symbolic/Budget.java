package jgrad.symbolic;

import java.util.function.Supplier;

/**
 * The steps left to the operation running on this thread (a parse, a derivative, a simplification, a
 * compilation), against {@link Limits#MAX_WORK}. Counting steps rather than time keeps the limit
 * deterministic: the same formula stops at the same place on any machine, under any load.
 */
final class Budget {
    private static final class Account {
        final String what;
        long left = Limits.MAX_WORK;

        Account(String what) {
            this.what = what;
        }
    }

    private static final ThreadLocal<Account> CURRENT = new ThreadLocal<>();

    private Budget() {}

    /** Runs {@code op} as one operation; called from inside another one, it is part of that one. */
    static <T> T run(String what, Supplier<T> op) {
        if (CURRENT.get() != null) {
            return op.get();
        }
        CURRENT.set(new Account(what));
        try {
            return op.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** Steps used so far by the operation running on this thread (0 outside one). */
    static long used() {
        Account a = CURRENT.get();
        return a == null ? 0 : Limits.MAX_WORK - a.left;
    }

    /** Sorting n items: n log n steps. */
    static void spendSorting(int n) {
        spend(n * (long) (33 - Integer.numberOfLeadingZeros(Math.max(n, 1))));
    }

    /** Counts {@code steps}; outside any operation (formulas built in code) nothing is counted. */
    static void spend(long steps) {
        Account a = CURRENT.get();
        if (a != null && (a.left -= steps) < 0) {
            throw new LimitException(LimitException.Limit.WORK, "formula too large: " + a.what + " takes more than "
                    + String.format("%,d", Limits.MAX_WORK) + " steps of algebra (the limit for one operation)");
        }
    }
}
