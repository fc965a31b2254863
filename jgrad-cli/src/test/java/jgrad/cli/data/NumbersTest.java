package jgrad.cli.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NumbersTest {
    private static double read(String cell, Numbers.Decimal d) {
        return Numbers.parse(cell, d);
    }

    @Test
    void decimalCommasThousandsSeparatorsAndWhatIsNotANumber() {
        assertEquals(4.63, read("4,63", Numbers.Decimal.COMMA));
        assertEquals(1234.5, read("1.234,5", Numbers.Decimal.COMMA));
        assertEquals(1234567.25, read("1 234 567,25", Numbers.Decimal.COMMA));
        assertEquals(1234.5, read("1,234.5", Numbers.Decimal.DOT));
        assertEquals(1234.5, read("1'234.5", Numbers.Decimal.DOT));
        assertEquals(-2e-3, read("-2e-3", Numbers.Decimal.DOT));
        for (String text : List.of("1,23.5", "12,34", "1.5.5", "0x1p3", "1d", "Infinity", "e5", "1e", "--1", "1,5", "1.234.5"))
            assertTrue(Double.isNaN(read(text, Numbers.Decimal.DOT)) && !Numbers.isMissing(text), text);
        assertTrue(Double.isNaN(read("1.5", Numbers.Decimal.COMMA)), "a point with a decimal comma: groups of three only");
        for (String gap : List.of("", "NA", "n/a", "NaN", "null", "?", "-", "#N/A")) assertTrue(Numbers.isMissing(gap), gap);
    }

    @Test
    void theDecimalMarkIsWhatTheCellsShow() {
        assertEquals(Numbers.Decimal.COMMA, Numbers.detect(List.of(new String[] {"13,2", "70", "4,63"}, new String[] {"1.234", "1", "2"})));
        assertEquals(Numbers.Decimal.DOT, Numbers.detect(List.<String[]>of(new String[] {"13.2", "1,234"})));
        assertEquals(null, Numbers.detect(List.<String[]>of(new String[] {"1.234", "7", "1,000"})), "thousands either way: undecided");
    }

    /** The allocation-free path reads every plain decimal exactly as Double.parseDouble does, or defers to it. */
    @Property(tries = 3000, seed = "20261201")
    void fastPathIsBitForBitTheJdksParser(@ForAll double v, @ForAll @IntRange(min = 0, max = 17) int decimals) {
        if (!Double.isFinite(v) || Math.abs(v) > 1e18) return;
        String text = String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
        double fast = Numbers.fast(text, '.');
        if (!Double.isNaN(fast)) assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(fast), text);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(read(text, Numbers.Decimal.DOT)), text);
    }

    @Property(tries = 2000, seed = "20261201")
    void fastPathOnDigitStrings(@ForAll @StringLength(min = 1, max = 19) String s) {
        String digits = s.chars().map(c -> '0' + Math.floorMod(c, 11)).mapToObj(c -> c == '0' + 10 ? "." : String.valueOf((char) c)).reduce("", String::concat);
        double fast = Numbers.fast(digits, '.');
        if (Double.isNaN(fast)) return;
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(digits)), Double.doubleToRawLongBits(fast), digits);
    }

    @Test
    void shortestAndSignificantDigits() {
        assertEquals("0.1", Numbers.format(0.1));
        assertEquals("3", Numbers.format(3.0));
        assertEquals("1e-5", Numbers.format(1e-5));
        assertEquals("-2.5e+300".replace("+", ""), Numbers.format(-2.5e300));
        assertEquals("1.23", Numbers.format(1.23456, 3));
        assertEquals("1200000", Numbers.format(1234567.0, 2));
        assertEquals("0.00012", Numbers.format(0.000123456, 2));
    }
}
