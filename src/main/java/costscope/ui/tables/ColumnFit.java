package costscope.ui.tables;

import javafx.beans.InvalidationListener;
import javafx.scene.control.TableColumnBase;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.List;

/** Column widths from their content, and one column that takes the width the others leave. */
public final class ColumnFit {
    /** Room for a cell's padding and a header's sort arrow. */
    static final double PADDING = 26;
    /** A vertical scroll bar and the table's border. */
    private static final double SCROLL_BAR = 20;

    private ColumnFit() {
    }

    /** The app's font (theme.css: DejaVu Sans 13px), plain and bold: looked up once. */
    private static final Font PLAIN = Font.font("DejaVu Sans", FontWeight.NORMAL, 13);
    private static final Font BOLD = Font.font("DejaVu Sans", FontWeight.BOLD, 13);

    /** The width of a text in the app's font. */
    static double textWidth(String s, boolean bold) {
        return width(measure(bold), s);
    }

    private static Text measure(boolean bold) {
        Text t = new Text();
        t.setFont(bold ? BOLD : PLAIN);
        return t;
    }

    private static double width(Text t, String s) {
        t.setText(s);
        return Math.ceil(t.getLayoutBounds().getWidth());
    }

    /** The width that shows the widest of the texts (bold when asked), within [min, max]. */
    static double fit(Iterable<String> texts, boolean bold, double min, double max) {
        return fit(texts, bold, min, max, PADDING);
    }

    /** Like {@link #fit(Iterable, boolean, double, double)}, with the padding given. */
    public static double fit(Iterable<String> texts, boolean bold, double min, double max, double padding) {
        Text t = measure(bold);   // one node measures them all
        double w = 0;
        for (String s : texts) if (s != null) w = Math.max(w, width(t, s));
        return Math.max(min, Math.min(max, w + padding));
    }

    /**
     * Keeps {@code fill} as wide as the table less the other visible columns (never below its minimum width), so
     * the numbers keep their widths and the long text column takes the rest. For tables without a constrained
     * resize policy, with a fixed set of columns.
     */
    static void fill(Region table, List<? extends TableColumnBase<?, ?>> columns, TableColumnBase<?, ?> fill) {
        InvalidationListener update = o -> {
            double others = 0;
            for (TableColumnBase<?, ?> c : columns) if (c != fill && c.isVisible()) others += c.getWidth();
            double avail = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR - others;
            fill.setPrefWidth(Math.max(fill.getMinWidth(), Math.floor(avail)));
        };
        table.widthProperty().addListener(update);
        for (TableColumnBase<?, ?> c : columns) {
            if (c == fill) continue;
            c.widthProperty().addListener(update);
            c.visibleProperty().addListener(update);
        }
        update.invalidated(null);
    }
}
