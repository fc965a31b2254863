package jgrad.cli.studio;

import java.util.Map;
import jgrad.cli.UserException;

/**
 * The fields of a request's JSON body, read with a check each: a missing or wrong field is a
 * one-line message naming it (shown in the page, with a 400), never an exception trace.
 */
record Params(Map<String, Object> fields) {

    String string(String name, String fallback) {
        Object v = fields.get(name);
        if (v == null) return fallback;
        if (!(v instanceof String s)) throw bad(name, v, "text");
        return s.strip();
    }

    String string(String name) {
        String s = string(name, null);
        if (s == null || s.isEmpty()) throw new UserException(name + ": missing");
        return s;
    }

    double number(String name, double fallback, double min, double max) {
        Object v = fields.get(name);
        if (v == null) return fallback;
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw bad(name, v, "a number");
            }
        } else {
            throw bad(name, v, "a number");
        }
        if (!(d >= min && d <= max)) throw bad(name, v, "a number from " + fmt(min) + " to " + fmt(max));
        return d;
    }

    /** A positive number, such as a learning rate. */
    double positive(String name, double fallback, double max) {
        Object v = fields.get(name);
        double d = number(name, fallback, -Double.MAX_VALUE, Double.MAX_VALUE);
        if (!(d > 0 && d <= max)) throw bad(name, v, "a positive number up to " + fmt(max));
        return d;
    }

    int integer(String name, int fallback, int min, int max) {
        double d = number(name, fallback, min, max);
        if (d != Math.rint(d)) throw bad(name, fields.get(name), "a whole number from " + min + " to " + max);
        return (int) d;
    }

    /** A nested object, such as a start point {"x": 4, "y": -4}. */
    @SuppressWarnings("unchecked")
    Params object(String name) {
        Object v = fields.get(name);
        if (v == null) return new Params(Map.of());
        if (!(v instanceof Map<?, ?> m)) throw bad(name, v, "an object");
        return new Params((Map<String, Object>) m);
    }

    static UserException bad(String name, Object value, String expected) {
        return new UserException("invalid value for " + name + ": '" + value + "' (expected " + expected + ")");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
