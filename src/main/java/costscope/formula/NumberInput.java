package costscope.formula;

import costscope.model.InputException;

import java.util.Locale;

/** Parses numbers as users type them: {@code 1000}, {@code 1,000}, {@code 100k}, {@code 2.5M}, {@code 1B}, {@code 1e9}, {@code 5%}. */
public final class NumberInput {
    private NumberInput() {
    }

    /** The value, or an {@link InputException} with a message saying what is accepted. */
    public static double parse(String text) {
        if (text == null) throw new InputException("no number given");
        String t = text.trim().replace(",", "").replace("_", "").replace("$", "");
        if (t.isEmpty()) throw new InputException("no number given");
        double mult = 1;
        char last = t.charAt(t.length() - 1);
        switch (Character.toLowerCase(last)) {
            case 'k' -> mult = 1e3;
            case 'm' -> mult = 1e6;
            case 'b', 'g' -> mult = 1e9;
            case 't' -> mult = 1e12;
            case '%' -> mult = 0.01;
            default -> mult = 1;
        }
        if (mult != 1) t = t.substring(0, t.length() - 1).trim();
        if (!t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            throw new InputException("'" + text.trim() + "' is not a number (examples: 1000, 1,000, 100k, 2.5M, 1B, 1e9, 5%)");
        }
        double v = Double.parseDouble(t) * mult;
        if (!Double.isFinite(v)) throw new InputException("'" + text.trim() + "' is too large");
        return v;
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
