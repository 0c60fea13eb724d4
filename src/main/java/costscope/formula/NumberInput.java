package costscope.formula;

import costscope.model.InputException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses numbers as users type them: {@code 1000}, {@code 1,000}, {@code 12,345.67}, {@code 1_000}, {@code 100k},
 * {@code 2.5M}, {@code 1B}, {@code 1e9}, {@code 5%}, {@code $4.99}. The one reading of a typed number, on the command
 * line ({@code --set}, {@code --target}...) and in the app's fields.
 * <p>
 * A comma is a thousands separator and nothing else: it goes between groups of three digits before the decimal point
 * ({@code 1,000}, {@code 12,345.67}, {@code 1,000k}). Anything else with a comma ({@code 4,99}, {@code 1,0.0,0},
 * {@code 1,,000}, {@code ,5}) is refused rather than guessed at, because dropping the comma turns a decimal comma into a
 * value a hundred times too large. An underscore goes only between two digits. The value is finite: {@code NaN},
 * {@code Infinity} and numbers beyond the range of a double ({@code 1e400}) are refused, naming what was typed.
 */
public final class NumberInput {
    private static final String EXAMPLES = "examples: 1000, 1,000, 100k, 2.5M, 1B, 1e9, 5%";
    /** Digits with an optional fraction and exponent, commas and underscores already checked and removed. */
    private static final Pattern PLAIN = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    /** The part before the decimal point written in groups of three: 1,000 or 12,345,678 (not 0,500). */
    private static final Pattern GROUPED = Pattern.compile("[1-9]\\d{0,2}(,\\d{3})+");
    private static final Pattern NOT_FINITE = Pattern.compile("(?i)nan|inf|infinity|infinite|∞");

    private NumberInput() {
    }

    /** The value, always finite, or an {@link InputException} whose message names the text and says what is wrong. */
    public static double parse(String text) {
        String shown = text == null ? "" : text.trim();
        if (shown.isEmpty()) throw new InputException("no number given");
        String t = shown;
        // a suffix: a multiplier or a percent
        int power = 0;
        switch (Character.toLowerCase(t.charAt(t.length() - 1))) {
            case 'k' -> power = 3;
            case 'm' -> power = 6;
            case 'b', 'g' -> power = 9;
            case 't' -> power = 12;
            case '%' -> power = -2;
            default -> {
            }
        }
        if (power != 0) t = t.substring(0, t.length() - 1).trim();
        // a sign and a currency symbol, in either order: -5, $5, -$5, $-5
        boolean negative = false;
        boolean dollar = false;
        for (int k = 0; k < 2 && !t.isEmpty(); k++) {
            char c = t.charAt(0);
            if (c == '$' && !dollar) {
                dollar = true;
            } else if ((c == '-' || c == '+') && k == (dollar ? 1 : 0)) {
                negative = c == '-';
            } else {
                break;
            }
            t = t.substring(1);
        }
        if (NOT_FINITE.matcher(t).matches()) {
            throw new InputException("'" + shown + "' is not a finite number (" + EXAMPLES + ")");
        }
        t = withoutUnderscores(t, shown);
        t = withoutThousandsCommas(t, shown);
        if (!PLAIN.matcher(t).matches()) throw new InputException("'" + shown + "' is not a number (" + EXAMPLES + ")");
        double v = value(t, power);
        if (!Double.isFinite(v)) {
            throw new InputException("'" + shown + "' is too large (numbers go up to about 1.8e308)");
        }
        return (negative ? -v : v) + 0.0; // never -0.0
    }

    /** {@code t} x 10^power, correctly rounded (1.1k is 1100, not 1100.0000000000002). */
    private static double value(String t, int power) {
        if (power == 0) return Double.parseDouble(t);
        try {
            return Double.parseDouble(new BigDecimal(t).scaleByPowerOfTen(power).toString());
        } catch (NumberFormatException | ArithmeticException x) {
            // an exponent beyond what BigDecimal holds: far outside a double's range either way
            return Double.parseDouble(t) * Math.pow(10, power);
        }
    }

    private static String withoutUnderscores(String t, String shown) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '_' && (i == 0 || i == t.length() - 1 || !Character.isDigit(t.charAt(i - 1))
                    || !Character.isDigit(t.charAt(i + 1)))) {
                throw new InputException("'" + shown + "': an underscore goes only between two digits (1_000_000)");
            }
        }
        return t.replace("_", "");
    }

    /** The number without its thousands separators, or an {@link InputException} for any other comma. */
    private static String withoutThousandsCommas(String t, String shown) {
        if (t.indexOf(',') < 0) return t;
        int end = 0;
        while (end < t.length() && (Character.isDigit(t.charAt(end)) || t.charAt(end) == ',')) end++;
        String whole = t.substring(0, end);
        if (GROUPED.matcher(whole).matches() && t.indexOf(',', end) < 0) return whole.replace(",", "") + t.substring(end);
        int comma = t.indexOf(',');
        if (t.matches("\\d*,\\d+") && (t.length() - comma - 1 != 3 || t.matches("0*,.*"))) {
            // one comma and digits, not three of them after it (or none but zeros before it): a decimal comma (4,99)
            String decimal = shown.replace(',', '.');
            int dot = decimal.indexOf('.');
            if (dot == 0 || !Character.isDigit(decimal.charAt(dot - 1))) decimal = decimal.substring(0, dot) + "0" + decimal.substring(dot);
            throw new InputException("'" + shown + "': a comma here is not a thousands separator; write " + decimal
                    + " for a decimal");
        }
        throw new InputException("'" + shown + "': a comma is only a thousands separator, between groups of three digits"
                + " before the decimal point (1,000 or 12,345.67)");
    }

    /** Lower-case suffix check helper for display: 1500000 -> "1.5M". */
    public static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e12) return trim(v / 1e12) + "T";
        if (a >= 1e9) return trim(v / 1e9) + "B";
        if (a >= 1e6) return trim(v / 1e6) + "M";
        if (a >= 1e4) return trim(v / 1e3) + "k";
        return trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
