package costscope.ui.tables;

/**
 * A table cell's number and its display text: cells show the text and sort by the number (text cells sort by text).
 * {@link #EMPTY} is a blank cell.
 */
public record Amount(double value, String text) implements Comparable<Amount> {
    public static final Amount EMPTY = new Amount(Double.NaN, "");

    public static Amount text(String s) {
        return new Amount(Double.NaN, s == null ? "" : s);
    }

    @Override
    public int compareTo(Amount o) {
        boolean a = Double.isNaN(value);
        boolean b = Double.isNaN(o.value);
        if (a && b) return text.compareToIgnoreCase(o.text);
        if (a != b) return a ? -1 : 1;
        return Double.compare(value, o.value);
    }

    @Override
    public String toString() {
        return text;
    }
}
