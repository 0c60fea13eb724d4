package costscope.formula;

import costscope.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one reading of a typed number ({@code --set}, {@code --target}, {@code --from}, {@code --swing}, the app's
 * fields): every value exactly, every refusal with its exact message. A comma is a thousands separator in groups of
 * three and nothing else; a value is finite.
 */
class NumberInputTest {
    private static final String EXAMPLES = "(examples: 1000, 1,000, 100k, 2.5M, 1B, 1e9, 5%)";
    private static final String COMMA = "a comma is only a thousands separator, between groups of three digits before"
            + " the decimal point (1,000 or 12,345.67)";

    @ParameterizedTest(name = "[{0}] = {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "1000; 1000", "0; 0", "-0; 0", "+7; 7", "\" 12 \"; 12", ".5; 0.5", "5.; 5", "0.000001; 0.000001",
            // thousands separators, in groups of three before the decimal point
            "1,000; 1000", "4,990; 4990", "12,345.67; 12345.67", "1,234,567; 1234567", "1,000.5; 1000.5", "1,000.; 1000",
            "-1,000; -1000", "999,999,999,999; 999999999999", "1,000e3; 1000000",
            // multipliers and percent, exact (1.1k is 1100, not 1100.0000000000002)
            "100k; 100000", "100 k; 100000", "1,000k; 1000000", "1,500K; 1500000", "2.5M; 2500000", "1B; 1000000000",
            "1g; 1000000000", "2T; 2000000000000", "1.1k; 1100", "0.1k; 100", "-3k; -3000", "1e9k; 1000000000000",
            "5%; 0.05", "4.99%; 0.0499", "0.1%; 0.001", "1e9; 1000000000", "1E9; 1000000000", "2.5e-3; 0.0025",
            // currency and underscores
            "$4.99; 4.99", "$1,000; 1000", "-$5; -5", "$-5; -5", "$+5; 5", "1_000_000; 1000000", "1_0; 10",
            // the edges of a double: the largest is taken, what underflows is 0
            "1.7976931348623157e308; 1.7976931348623157e308", "-1.7976931348623157e308; -1.7976931348623157e308",
            "1e-400; 0", "4.9e-324; 4.9e-324"})
    void readsWhatUsersType(String text, double expected) {
        assertEquals(expected, NumberInput.parse(text), 0, text);
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
            // a decimal comma: refused, with the decimal written for it
            "4,99 => '4,99': a comma here is not a thousands separator; write 4.99 for a decimal",
            "$4,99 => '$4,99': a comma here is not a thousands separator; write $4.99 for a decimal",
            "-4,99 => '-4,99': a comma here is not a thousands separator; write -4.99 for a decimal",
            "4,99k => '4,99k': a comma here is not a thousands separator; write 4.99k for a decimal",
            "4,5% => '4,5%': a comma here is not a thousands separator; write 4.5% for a decimal",
            ",5 => ',5': a comma here is not a thousands separator; write 0.5 for a decimal",
            "-,5 => '-,5': a comma here is not a thousands separator; write -0.5 for a decimal",
            "0,500 => '0,500': a comma here is not a thousands separator; write 0.500 for a decimal",
            "1,00 => '1,00': a comma here is not a thousands separator; write 1.00 for a decimal",
            "12,3456 => '12,3456': a comma here is not a thousands separator; write 12.3456 for a decimal",
            // any other comma
            "1,0.0,0 => '1,0.0,0': " + COMMA, "1,,000 => '1,,000': " + COMMA, "1,000,00 => '1,000,00': " + COMMA,
            "1000, => '1000,': " + COMMA, ", => ',': " + COMMA, "10,000,0 => '10,000,0': " + COMMA,
            "1,000.000,5 => '1,000.000,5': " + COMMA, "1000,000 => '1000,000': " + COMMA,
            "1.000,50 => '1.000,50': " + COMMA, "1,000e3,0 => '1,000e3,0': " + COMMA,
            // not finite
            "NaN => 'NaN' is not a finite number " + EXAMPLES, "nan => 'nan' is not a finite number " + EXAMPLES,
            "Infinity => 'Infinity' is not a finite number " + EXAMPLES,
            "-Infinity => '-Infinity' is not a finite number " + EXAMPLES,
            "inf => 'inf' is not a finite number " + EXAMPLES, "-inf => '-inf' is not a finite number " + EXAMPLES,
            "$inf => '$inf' is not a finite number " + EXAMPLES, "∞ => '∞' is not a finite number " + EXAMPLES,
            "infinite => 'infinite' is not a finite number " + EXAMPLES,
            "1e400 => '1e400' is too large (numbers go up to about 1.8e308)",
            "-1e400 => '-1e400' is too large (numbers go up to about 1.8e308)",
            "2e308 => '2e308' is too large (numbers go up to about 1.8e308)",
            "1e308k => '1e308k' is too large (numbers go up to about 1.8e308)",
            "1e99999999999 => '1e99999999999' is too large (numbers go up to about 1.8e308)",
            // underscores only between two digits
            "_5 => '_5': an underscore goes only between two digits (1_000_000)",
            "5_ => '5_': an underscore goes only between two digits (1_000_000)",
            "1__000 => '1__000': an underscore goes only between two digits (1_000_000)",
            "1_.5 => '1_.5': an underscore goes only between two digits (1_000_000)",
            // not a number at all
            "lots => 'lots' is not a number " + EXAMPLES, "k => 'k' is not a number " + EXAMPLES,
            "% => '%' is not a number " + EXAMPLES, "5%% => '5%%' is not a number " + EXAMPLES,
            "--5 => '--5' is not a number " + EXAMPLES, "$$5 => '$$5' is not a number " + EXAMPLES,
            "5$ => '5$' is not a number " + EXAMPLES, "1 000 => '1 000' is not a number " + EXAMPLES,
            "0x10 => '0x10' is not a number " + EXAMPLES, "1e => '1e' is not a number " + EXAMPLES,
            "e5 => 'e5' is not a number " + EXAMPLES, "1.2.3 => '1.2.3' is not a number " + EXAMPLES,
            "1e9.5 => '1e9.5' is not a number " + EXAMPLES, "\"\" => no number given", "\"   \" => no number given"})
    void refusesWithWhatIsWrong(String text, String message) {
        InputException e = assertThrows(InputException.class, () -> NumberInput.parse(text), text);
        assertEquals(message, e.getMessage());
    }

    @Test
    void nullIsNoNumber() {
        assertEquals("no number given", assertThrows(InputException.class, () -> NumberInput.parse(null)).getMessage());
    }

    /**
     * The class of the bug, not the example: over many numbers, one written with its thousands separators reads as
     * itself, and a comma anywhere else in its digits (or a decimal comma instead of its point) is refused: it is never
     * dropped to give a value a hundred or a thousand times off.
     */
    @Test
    void aCommaAnywhereButBetweenGroupsOfThreeIsRefused() {
        Random random = new Random(42);
        int checked = 0;
        for (int n = 0; n < 2000; n++) {
            long value = random.nextInt(4) == 0 ? random.nextInt(10_000) : Math.abs(random.nextLong() % 1_000_000_000_000L);
            String digits = Long.toString(value);
            String grouped = String.format(java.util.Locale.US, "%,d", value);
            assertEquals(value, NumberInput.parse(grouped), 0, grouped);
            assertEquals(value + 0.25, NumberInput.parse(grouped + ".25"), 0, grouped + ".25");
            for (int at = 0; at <= digits.length(); at++) {
                String commaAt = digits.substring(0, at) + "," + digits.substring(at);
                // one comma is a thousands separator only before the last three digits of a four- to six-digit number
                boolean groupBoundary = at >= 1 && at <= 3 && digits.length() - at == 3 && digits.charAt(0) != '0';
                if (groupBoundary) {
                    assertEquals(value, NumberInput.parse(commaAt), 0, commaAt);
                } else {
                    assertThrows(InputException.class, () -> NumberInput.parse(commaAt), commaAt);
                    checked++;
                }
            }
            // a decimal comma, however many decimals, unless exactly three (then it is a thousands separator)
            for (int decimals = 1; decimals <= 5; decimals++) {
                String frac = String.format("%0" + decimals + "d", random.nextInt((int) Math.pow(10, decimals)));
                String text = digits + "," + frac;
                if (decimals == 3 && value != 0 && digits.length() <= 3) {
                    assertEquals(Double.parseDouble(digits + frac), NumberInput.parse(text), 0, text);
                } else {
                    InputException e = assertThrows(InputException.class, () -> NumberInput.parse(text), text);
                    if (decimals != 3) {
                        assertTrue(e.getMessage().endsWith("write " + digits + "." + frac + " for a decimal"), e.getMessage());
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 20_000, "checked " + checked);
    }

    /** Whatever is typed, the answer is a finite number or an InputException: never NaN, never infinite, nothing else. */
    @Test
    void anyTextGivesAFiniteNumberOrSaysWhatIsWrong() {
        Random random = new Random(7);
        String alphabet = "0123456789,._-+$%kKmMbBgGtTeEnNaAiIfy ∞x";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int i = 0; i < len; i++) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String text = b.toString();
            try {
                double v = NumberInput.parse(text);
                assertTrue(Double.isFinite(v), text + " -> " + v);
                String plain = text.trim().replace("_", "");
                assertTrue(plain.indexOf(',') < 0 || plain.matches("[-+$]*[1-9]\\d{0,2}(,\\d{3})+([.eE][^,]*)?\\s*[kKmMbBgGtT%]?"),
                        "a comma that is not a thousands separator was accepted: " + text + " -> " + v);
            } catch (InputException e) {
                assertTrue(e.getMessage().contains("'" + text.trim() + "'") || e.getMessage().equals("no number given"),
                        "the message names what was typed: " + e.getMessage());
            }
        }
    }
}
