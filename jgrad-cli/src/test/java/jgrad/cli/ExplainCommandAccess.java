package jgrad.cli;

import java.util.List;
import jgrad.cli.model.Layer;

/** Test access to package-private parts of the commands. */
public final class ExplainCommandAccess {
    private ExplainCommandAccess() {}

    public static List<Layer> seed000() {
        return ExplainCommand.SEED_000;
    }
}
