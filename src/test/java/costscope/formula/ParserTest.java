package costscope.formula;

import costscope.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParserTest {

    static double eval(String src, Map<String, Double> vars) throws FormulaException {
        Expr e = Parser.parse(src);
        String[] names = vars.keySet().toArray(new String[0]);
        double[] slots = new double[names.length];
        for (int i = 0; i < names.length; i++) slots[i] = vars.get(names[i]);
        Fn f = Compiler.compile(e, n -> {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(n.name())) {
                    int k = i;
                    return s -> s[k];
                }
            }
            throw new FormulaException("unknown name '" + n.name() + "'", n.start(), n.end());
        });
        return f.eval(slots);
    }

    static double eval(String src) throws FormulaException {
        return eval(src, Map.of());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1 + 2 * 3; 7",
            "(1 + 2) * 3; 9",
            "2 ^ 3 ^ 2; 512",
            "-2 ^ 2; -4",
            "2 ^ -1; 0.5",
            "10 - 4 - 3; 3",
            "12 / 4 / 3; 1",
            "1e9 / 1e6; 1000",
            ".5 + 2.5E-1; 0.75",
            "3 > 2; 1",
            "3 <= 2; 0",
            "2 == 2; 1",
            "2 != 2; 0",
            "if(1 < 2, 10, 20); 10",
            "if(0, 1/0, 5); 5",
            "min(3, 1, 2); 1",
            "max(3, 1, 2); 3",
            "ceil(2.1); 3",
            "floor(-2.1); -3",
            "round(2.5); 3",
            "round(-2.5); -3",
            "round(2.675, 2); 2.68",
            "round(1234, -2); 1200",
            "abs(-4); 4",
            "sqrt(16); 4",
            "log(exp(2)); 2",
            "log(1000, 10); 3",
            "and(1, 2, 0); 0",
            "or(0, 0, 3); 1",
            "not(0); 1",
            "step(5, 0, 10, 10, 20, 100, 30); 10",
            "step(10, 0, 10, 10, 20, 100, 30); 20",
            "step(1000, 0, 10, 10, 20, 100, 30); 30",
            "step(-1, 0, 10, 10, 20); 10",
            "interp(5, 0, 0, 10, 100); 50",
            "interp(-5, 0, 0, 10, 100); 0",
            "interp(50, 0, 0, 10, 100); 100",
            "interp(15, 0, 0, 10, 100, 20, 300); 200",
    })
    void evaluates(String src, double expected) throws FormulaException {
        assertEquals(expected, eval(src), 1e-12, src);
    }

    @Test
    void namesResolveToSlots() throws FormulaException {
        assertEquals(900_000_000.0, eval("users * messages * 900", Map.of("users", 1000.0, "messages", 1000.0)), 0);
        assertEquals(2, eval("step(users, 0, 1, 100000, 2)", Map.of("users", 100000.0)), 0);
    }

    private static FormulaException error(String src) {
        return assertThrows(FormulaException.class, () -> eval(src, Map.of("users", 1.0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "users * userz; 8; 13; unknown name 'userz'",
            "1 +; 3; 3; formula ends where a value was expected",
            "(1 + 2; 6; 6; missing ')' to close '(' at position 0",
            "1 + 2); 5; 6; unmatched ')'",
            "1 $ 2; 2; 3; unexpected character '$'",
            "sqrtt(4); 0; 5; unknown function 'sqrtt'",
            "if(1, 2); 0; 8; if() takes 3 arguments, got 2",
            "step(users, 1, 2, 3); 0; 20; step() takes x followed by pairs of values (an odd count, at least 3), got 4",
            "1 = 2; 2; 3; '=' is not an operator, use '==' to compare",
            "1 < 2 < 3; 6; 7; comparisons cannot be chained, use and(a < b, b < c)",
            "2e; 0; 2; malformed number '2e'",
            "3users; 1; 2; unexpected 'u' after number",
            "step(users, 10, 1, 5, 2); 19; 20; step() thresholds must ascend: 5 comes after 10",
            "#; 0; 1; unexpected character '#'",
    })
    void errorsCarryPositions(String src, int start, int end, String detail) {
        FormulaException e = error(src);
        assertEquals(detail, e.detail());
        assertEquals(start, e.start(), "start");
        assertEquals(end, e.end(), "end");
        assertEquals(detail + " at position " + start, e.getMessage());
    }

    @Test
    void emptyFormulaIsAnError() {
        FormulaException e = error("  ");
        assertEquals("empty formula", e.detail());
    }

    @Test
    void nestingIsBoundedWithoutStackOverflow() {
        String deep = "(".repeat(100_000) + "1" + ")".repeat(100_000);
        FormulaException e = assertThrows(FormulaException.class, () -> Parser.parse(deep.substring(0, Parser.MAX_LENGTH)));
        assertEquals("formula nested more than 64 levels deep", e.detail());
        assertEquals(64, e.start());
        FormulaException unary = assertThrows(FormulaException.class, () -> Parser.parse("-".repeat(5000) + "1"));
        assertEquals("formula nested more than 64 levels deep", unary.detail());
        FormulaException tooLong = assertThrows(FormulaException.class, () -> Parser.parse(deep));
        assertEquals("formula longer than 10000 characters", tooLong.detail());
    }

    @Test
    void sixtyFourLevelsAreFine() throws FormulaException {
        assertEquals(1, eval("(".repeat(63) + "1" + ")".repeat(63)));
    }

    @Test
    void constantsAreFoldedAtCompileTime() throws FormulaException {
        Fn f = Compiler.compile(Parser.parse("2 * 3 + max(1, 4) / 2"), n -> {
            throw new FormulaException("no names", n.start(), n.end());
        });
        assertEquals(true, Compiler.isConstant(f));
        assertEquals(8, f.eval(new double[0]));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"1000; 1000", "1,000; 1000", "100k; 100000", "2.5M; 2500000", "1B; 1000000000",
            "1e9; 1000000000", "5%; 0.05", "$4.99; 4.99", " 12 ; 12", "-3k; -3000"})
    void numberInputAcceptsWhatUsersType(String text, double expected) {
        assertEquals(expected, NumberInput.parse(text), 1e-9);
    }

    @Test
    void numberInputRejectsGarbageWithExamples() {
        InputException e = assertThrows(InputException.class, () -> NumberInput.parse("lots"));
        assertEquals("'lots' is not a number (examples: 1000, 1,000, 100k, 2.5M, 1B, 1e9, 5%)", e.getMessage());
    }
}
