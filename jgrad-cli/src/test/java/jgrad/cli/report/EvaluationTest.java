package jgrad.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    /** Rows of only two of three classes, all right: macro F1 is 1 (scikit-learn's), not 2/3. */
    @Test
    void aClassAbsentFromRowsAndPredictionsIsShownUnscoredAndLeftOutOfTheMacroAverage() {
        Evaluation e = Evaluation.classes(new int[] {0, 0, 1}, new int[] {0, 0, 1}, List.of("setosa", "versicolor", "virginica"));
        assertEquals(1.0, (double) e.json().get("macro_f1"), 1e-15);
        StringWriter text = new StringWriter();
        e.print(new PrintWriter(text), "test");
        assertTrue(text.toString().startsWith("test accuracy 1.0000   macro F1 1.0000\n"), text.toString());
        assertTrue(text.toString().contains("\nvirginica            -         -         -        0\n"), text.toString());
        assertTrue(text.toString().contains("\nmacro avg       1.0000    1.0000    1.0000        3\n"), text.toString());
    }
}
