package jgrad.cli.data;

import java.util.ArrayList;
import java.util.List;

/** What jgrad did to the data on its own (notes) and what looks wrong in it (warnings), one line each. */
public final class Notes {
    private final List<String> notes = new ArrayList<>(), warnings = new ArrayList<>();

    public void note(String s) {
        notes.add(s);
    }

    public void warn(String s) {
        warnings.add(s);
    }

    public List<String> notes() {
        return notes;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Prints them on standard error, notes only when not {@code quiet}. */
    public void print(java.io.PrintWriter err, boolean quiet) {
        if (!quiet) notes.forEach(n -> err.println("jgrad: note: " + n));
        warnings.forEach(w -> err.println("jgrad: warning: " + w));
        err.flush();
    }
}
