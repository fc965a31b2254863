package jgrad.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import jgrad.symbolic.Expr;
import jgrad.symbolic.ParseException;

/** Command-line input of formulas and of points ({@code x=1,y=2}), with errors that name the flag or column. */
final class Formulas {
    private Formulas() {}

    /** Parses a formula; a syntax error becomes one error line plus the formula with a caret under the column. */
    static Expr parse(String formula) {
        try {
            return Expr.parse(formula);
        } catch (ParseException e) {
            throw new UserException(e.getMessage() + "\n" + e.caret("  "));
        }
    }

    /** {@code x=1,y=-2} -> {x: 1.0, y: -2.0}; every name must be a variable of the formula, given once. */
    static Map<String, Double> point(String flag, String text, SortedSet<String> variables) {
        return point(flag, text, variables, Set.of());
    }

    /**
     * The same, where {@code alsoAllowed} may be given too without being needed: {@code diff "y" x --at x=1,y=2}
     * takes the derivative with respect to x, so x=1 is no mistake, though the formula does not contain x.
     */
    static Map<String, Double> point(String flag, String text, SortedSet<String> variables, Set<String> alsoAllowed) {
        SortedSet<String> allowed = new TreeSet<>(variables);
        allowed.addAll(alsoAllowed);
        if (allowed.isEmpty()) {
            throw new UserException(flag + ": the formula has no variables to give values to");
        }
        Map<String, Double> point = new LinkedHashMap<>();
        Map<String, String> given = new LinkedHashMap<>(); // name -> its part as typed, to quote both of a duplicate
        for (String part : text.split(",", -1)) {
            String[] nv = part.split("=", -1);
            if (nv.length != 2 || nv[0].isBlank()) {
                throw new UserException(flag + ": expected name=value, got '" + part.strip() + "'");
            }
            String name = nv[0].strip();
            if (!allowed.contains(name)) {
                throw new UserException(flag + ": '" + name + "' is not a variable of the formula (its variables: "
                        + String.join(", ", allowed) + ")");
            }
            String earlier = given.putIfAbsent(name, part.strip());
            if (earlier != null) { // taking the last (or first) silently would hide a typo
                throw new UserException(flag + ": " + name + " is given twice ('" + earlier + "' and '" + part.strip()
                        + "'); give each variable one value");
            }
            try {
                point.put(name, Double.parseDouble(nv[1].strip()));
            } catch (NumberFormatException e) {
                throw new UserException(flag + ": '" + nv[1].strip() + "' is not a number (in '" + part.strip() + "')");
            }
        }
        for (String v : variables) {
            if (!point.containsKey(v)) {
                throw new UserException(flag + ": missing a value for " + v + " (the formula's variables: "
                        + String.join(", ", variables) + ")");
            }
        }
        return point;
    }
}
