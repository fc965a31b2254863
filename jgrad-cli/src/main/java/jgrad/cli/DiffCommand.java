package jgrad.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import jgrad.examples.SeedFormat;
import jgrad.symbolic.Expr;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Differentiate a formula symbolically, printed as SymPy prints it.",
        footer = {"", "Examples:",
            "  jgrad diff \"x**2 + 3*y**2\" x               2*x",
            "  jgrad diff \"x**2 + 3*y**2\"                 [2*x, 6*y]  (the gradient)",
            "  jgrad diff \"x**4\" x x                      12*x**2     (second derivative)",
            "  jgrad diff \"x**2 + 3*y**2\" --at x=1,y=2    also its value there"})
final class DiffCommand implements Callable<Integer>, TakesFormula {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMULA", description = "e.g. \"x^4 - 3x^3 + 2\", \"sin(x*y)*exp(-x**2)\"")
    String formula;

    @Parameters(index = "1..*", paramLabel = "VARIABLE", arity = "0..*",
            description = "differentiate with respect to these, in turn; none: the gradient over all variables")
    List<String> variables = List.of();

    @Option(names = "--at", paramLabel = "x=1,y=2", description = "also evaluate the result at this point")
    String at;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Expr f = Formulas.parse(formula);
        for (String v : variables) {
            if (!v.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new UserException("'" + v + "' is not a variable name" + (v.startsWith("-") ? " (and no option of 'jgrad diff')" : ""));
            }
        }
        Map<String, Double> point = at == null ? null : Formulas.point("--at", at, f.variables(), Set.copyOf(variables)); // fail before any output
        List<Expr> results;
        String printed;
        if (variables.isEmpty()) {
            results = f.gradient();
            printed = results.toString();
        } else {
            Expr d = f;
            for (String v : variables) {
                d = d.diff(v);
            }
            results = List.of(d);
            printed = d.toString();
        }
        out.println(printed);
        if (point != null) {
            String where = point.entrySet().stream().map(e -> e.getKey() + " = " + SeedFormat.repr(e.getValue()))
                    .collect(Collectors.joining(", "));
            List<String> values = results.stream().map(r -> SeedFormat.repr(r.eval(point))).toList();
            out.println("at " + where + ": " + (variables.isEmpty() ? "[" + String.join(", ", values) + "]" : values.getFirst()));
        }
        return 0;
    }
}
