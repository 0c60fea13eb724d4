package costscope.export;

import costscope.model.FigureFormat;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple table of text and numbers, rendered as aligned text, CSV (plain numbers, no separators, header row)
 * or Markdown (formatted for reading).
 */
public final class Table {
    /**
     * A column: text (left-aligned), a figure (preformatted text, right-aligned) or numbers shown in a display format
     * (right-aligned; plain in CSV).
     */
    public record Column(String title, FigureFormat format, boolean right) {
        /** Left-aligned text. */
        public static Column text(String title) {
            return new Column(title, null, false);
        }

        /** Preformatted text, right-aligned like numbers. */
        public static Column figure(String title) {
            return new Column(title, null, true);
        }

        /** Numbers in a display format. */
        public static Column of(String title, FigureFormat format) {
            return new Column(title, format, true);
        }
    }

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();
    private final String currency;

    public Table(String currency, List<Column> columns) {
        this.currency = currency;
        this.columns = List.copyOf(columns);
    }

    /** Adds a row: Strings for text cells, Doubles (or null for empty) for numeric cells. */
    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + columns.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    private String display(Object v, Column c) {
        if (v == null) return "";
        if (v instanceof String s) return oneLine(s);
        return Formats.figure(((Number) v).doubleValue(), c.format() == null ? FigureFormat.NUMBER : c.format(), currency);
    }

    public String toCsv() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) b.append(',');
            b.append(csv(columns.get(i).title()));
        }
        b.append('\n');
        for (Object[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                if (i > 0) b.append(',');
                Object v = r[i];
                if (v instanceof Number n) b.append(Formats.plain(n.doubleValue()));
                else if (v != null) b.append(columns.get(i).right() ? quoted(v.toString()) : csv(v.toString()));
            }
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * A text cell for CSV: quoted when it holds a comma, a quote or a line break; and a cell a spreadsheet would take
     * for a formula (starting with =, +, -, @, a tab or a carriage return) is neutralised with a leading apostrophe,
     * so opening the export never runs what a label says.
     */
    static String csv(String s) {
        return quoted(!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s);
    }

    /** A cell quoted when it must be (a figure of ours, like -$5.00, is not neutralised). */
    private static String quoted(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }

    /** A cell on one line: line breaks and tabs become spaces (a label cannot add a row to a text or Markdown table). */
    static String oneLine(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0) return s;
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    public String toMarkdown() {
        StringBuilder b = new StringBuilder("|");
        for (Column c : columns) b.append(' ').append(md(c.title())).append(" |");
        b.append("\n|");
        for (Column c : columns) b.append(c.right() ? "---:|" : "---|");
        b.append('\n');
        for (Object[] r : rows) {
            b.append('|');
            for (int i = 0; i < r.length; i++) b.append(' ').append(md(display(r[i], columns.get(i)))).append(" |");
            b.append('\n');
        }
        return b.toString();
    }

    private static String md(String s) {
        return oneLine(s).replace("|", "\\|");
    }

    public String toText() {
        int n = columns.size();
        int[] w = new int[n];
        List<String[]> cells = new ArrayList<>();
        String[] head = new String[n];
        for (int i = 0; i < n; i++) {
            head[i] = oneLine(columns.get(i).title());
            w[i] = head[i].length();
        }
        for (Object[] r : rows) {
            String[] c = new String[n];
            for (int i = 0; i < n; i++) {
                c[i] = display(r[i], columns.get(i));
                w[i] = Math.max(w[i], c[i].length());
            }
            cells.add(c);
        }
        StringBuilder b = new StringBuilder();
        line(b, head, w);
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append("  ");
            b.append("-".repeat(w[i]));
        }
        b.append('\n');
        for (String[] c : cells) line(b, c, w);
        return b.toString();
    }

    private void line(StringBuilder b, String[] c, int[] w) {
        for (int i = 0; i < c.length; i++) {
            if (i > 0) b.append("  ");
            boolean right = columns.get(i).right();
            String pad = " ".repeat(w[i] - c[i].length());
            b.append(right ? pad + c[i] : (i == c.length - 1 ? c[i] : c[i] + pad));
        }
        b.append('\n');
    }
}
