package costscope.export;

import costscope.model.FigureFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** Display formatting of money, shares and counts, independent of the machine's locale. */
public final class Formats {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.US);

    private Formats() {
    }

    public static String symbol(String currency) {
        if (currency == null || currency.equals("USD")) return "$";
        return switch (currency) {
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "JPY" -> "¥";
            default -> {
                try {
                    yield Currency.getInstance(currency).getSymbol(Locale.US) + " ";
                } catch (IllegalArgumentException e) {
                    yield currency + " ";
                }
            }
        };
    }

    /**
     * Whether an amount of money reads as $0.00 at cents (less than half a cent either way): the one threshold for
     * "no effect", "no difference" and uncoloured changes.
     */
    public static boolean showsAsZero(double money) {
        return Math.abs(money) < 0.005;
    }

    /** How a value that is not a number reads, in every display format (the model divided 0 by 0, or a NaN input). */
    public static final String NOT_A_NUMBER = "not a number";

    /** "not a number", "∞" or "-∞" for a value that is not finite, else null: the one rule for every display format. */
    public static String nonFinite(double v) {
        if (Double.isNaN(v)) return NOT_A_NUMBER;
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        return null;
    }

    /** $1,234.56; small amounts keep significant digits ($0.0084); non-finite values as {@link #nonFinite}. */
    public static String money(double v, String currency) {
        if (!Double.isFinite(v)) return nonFinite(v);
        String sym = symbol(currency);
        double a = Math.abs(v);
        String body;
        if (a != 0 && a < 0.01) {
            body = significant(a, 2);
        } else if (a != 0 && a < 1) {
            body = pattern("0.00##").format(a);
        } else {
            body = pattern("#,##0.00").format(a);
        }
        return (v < 0 ? "-" : "") + sym + body;
    }

    /** Money with a fixed number of decimals (for figures shown at a report's precision): $2,309 or $0.000167. */
    public static String money(double v, String currency, int decimals) {
        if (!Double.isFinite(v)) return nonFinite(v);
        return (v < 0 ? "-" : "") + symbol(currency) + fixed(Math.abs(v), decimals);
    }

    /** A share with a fixed number of decimals of a percent: 52.4% (1) or 53% (0). */
    public static String percent(double fraction, int decimals) {
        if (!Double.isFinite(fraction)) return nonFinite(fraction);
        return fixed(fraction * 100, decimals) + "%";
    }

    /** A number with thousands separators and a fixed number of decimals. */
    public static String number(double v, int decimals) {
        if (!Double.isFinite(v)) return nonFinite(v);
        return (v < 0 ? "-" : "") + fixed(Math.abs(v), decimals);
    }

    /** Decimals needed to show a value rounded to {@code rounding}: 1 -> 0, 0.01 -> 2, 0.000001 -> 6, 1000 -> 0. */
    public static int decimalsFor(double rounding) {
        if (!(rounding > 0) || rounding >= 1) return 0;
        return Math.min(12, (int) Math.ceil(-Math.log10(rounding) - 1e-9));
    }

    private static String fixed(double a, int decimals) {
        return pattern(decimals <= 0 ? "#,##0" : "#,##0." + "0".repeat(decimals)).format(a);
    }

    /**
     * A value shown in its display format: money, a share, months ("unlimited" when infinite: no burn) or a count;
     * a value that is not a number shows as "not a number" in every format. The one rule for figures in tables, the
     * headline and reports.
     */
    public static String figure(double v, FigureFormat format, String currency) {
        return switch (format) {
            case CURRENCY -> money(v, currency);
            case PERCENT -> percent(v);
            case MONTHS -> v == Double.POSITIVE_INFINITY ? "unlimited" : !Double.isFinite(v) ? nonFinite(v) : number(v, 1) + " months";
            case NUMBER -> number(v);
        };
    }

    /** 52.4% from 0.524. */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) return nonFinite(fraction);
        double p = fraction * 100;
        if (Math.abs(p) < 0.1 && p != 0) return pattern("0.###").format(p) + "%";
        return pattern("#,##0.0").format(p) + "%";
    }

    /** 1,234,567 or 0.35 or 1.5e-7. */
    public static String number(double v) {
        if (!Double.isFinite(v)) return nonFinite(v);
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 1e15 || a < 1e-4) return pattern("0.###E0").format(v);
        if (a >= 100) return pattern("#,##0.##").format(v);
        return pattern("#,##0.####").format(v);
    }

    /**
     * Plain text of a number for machine-readable output (CSV): no separators, no exponent, at most 12 significant
     * digits (so 0.055 - 0.05 is written 0.005, not 0.0049999999999999975). A value that is not finite is written
     * NaN, Infinity or -Infinity (as spreadsheets and most CSV readers spell them), never an empty cell.
     */
    public static String plain(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        BigDecimal b = new BigDecimal(v).round(new java.math.MathContext(12, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return b.toPlainString();
    }

    /** Rounds to cents for machine output where money is meant: 2309.0049 -> 2309.0. */
    public static double cents(double v) {
        if (!Double.isFinite(v)) return v;
        return new BigDecimal(Double.toString(v)).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static String significant(double a, int digits) {
        BigDecimal b = new BigDecimal(a).round(new java.math.MathContext(digits, RoundingMode.HALF_UP));
        return b.stripTrailingZeros().toPlainString();
    }

    private static DecimalFormat pattern(String p) {
        DecimalFormat f = new DecimalFormat(p, SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }
}
