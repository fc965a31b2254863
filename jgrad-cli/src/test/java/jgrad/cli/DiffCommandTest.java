package jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiffCommandTest {
    @Test
    void partialDerivativeAsSymPyPrintsIt() {
        CliRun r = CliRun.of("diff", "x**2 + 3*y**2", "x");
        assertEquals(0, r.exitCode());
        assertEquals("2*x\n", r.out());
        assertEquals("3*(x + 3)**2\n", CliRun.of("diff", "(x + 3)**3", "x").out());
    }

    @Test
    void withoutVariableTheGradient() {
        assertEquals("[2*x, 6*y]\n", CliRun.of("diff", "x**2 + 3*y**2").out());
    }

    @Test
    void repeatedVariableIsAHigherDerivative() {
        assertEquals("12*x**2 - 18*x\n", CliRun.of("diff", "x^4 - 3x^3 + 2", "x", "x").out());
    }

    @Test
    void atEvaluatesInFullPrecisionAsTheLastThing() {
        CliRun r = CliRun.of("diff", "x**2 + 3*y**2", "--at", "x=1,y=2");
        assertTrue(r.lastLine().endsWith("[2.0, 12.0]"), r.out());
        CliRun s = CliRun.of("diff", "sin(x)", "x", "--at", "x=0.5");
        String last = s.lastLine();
        assertEquals(Math.cos(0.5), Double.parseDouble(last.substring(last.lastIndexOf(' ') + 1)));
    }

    @Test
    void parseErrorShowsTheColumnWithACaret() {
        CliRun r = CliRun.of("diff", "x**2 + )");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("jgrad: error: unexpected ')' at column 8\n  x**2 + )\n         ^\n", r.err());
    }

    @Test
    void badPointNamesTheFlag() {
        CliRun r = CliRun.of("diff", "x**2", "--at", "z=1");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("jgrad: error: --at: 'z' is not a variable of the formula"), r.err());
    }

    @Test
    void aVariableGivenTwiceIsAnErrorNotTheLastValue() {
        CliRun r = CliRun.of("diff", "x**2", "--at", "x=1, x=2");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("jgrad: error: --at: x is given twice ('x=1' and 'x=2'); give each variable one value\n", r.err());
    }

    @Test
    void aFormulaMayStartWithAMinusAndUnknownOptionsAreStillErrors() {
        CliRun r = CliRun.of("diff", "-x^2", "x");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("-2*x\n", r.out());
        CliRun bad = CliRun.of("diff", "x**2", "--bogus");
        assertEquals(2, bad.exitCode());
        assertEquals("jgrad: error: '--bogus' is not a variable name (and no option of 'jgrad diff')\n", bad.err());
        CliRun typo = CliRun.of("diff", "foo(x)", "x");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().startsWith("jgrad: error: unknown function 'foo'"), typo.err());
    }
}
