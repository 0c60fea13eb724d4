package costscope.ui.whatif;

import costscope.export.Formats;
import costscope.model.FigureFormat;
import costscope.ui.tables.ColumnFit;
import costscope.whatif.Compare;
import costscope.whatif.WhatIfTables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The comparison table: one row per category (bold) and item (indented), the totals and the metrics; a column per
 * state, then for each state after the reference its difference and relative difference, coloured by sign where a
 * lower figure is a saving (cost rows).
 */
final class CompareTable {
    static final String SAVING = "compare-saving";
    static final String INCREASE = "compare-increase";
    private static final List<String> ROW_CLASSES = List.of("compare-category", "compare-item", "compare-total", "compare-metric");
    private static final List<String> SIGN_CLASSES = List.of(SAVING, INCREASE);

    private final TableView<Compare.Row> table;
    private List<String> columnsKey = List.of();
    /** The longest text of each figure column when it was last measured. */
    private final Map<TableColumn<Compare.Row, ?>, Integer> fittedLength = new HashMap<>();

    CompareTable(TableView<Compare.Row> table) {
        this.table = table;
        table.setRowFactory(t -> new Row());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    /**
     * Shows a comparison, keeping the selected row; the columns (their widths, the scroll position) stay while the
     * states do, so the table holds still while a slider moves.
     */
    void show(Compare c, String currency) {
        List<Compare.Row> rows = c.rows().stream().filter(Compare.Row::hasValue).toList();
        List<String> key = new ArrayList<>(c.columns().stream().map(Compare.Column::label).toList());
        key.add(currency);
        boolean rebuild = !key.equals(columnsKey);
        if (rebuild) {
            columnsKey = key;
            table.getColumns().setAll(columns(c, currency));
        }
        String selected = table.getSelectionModel().getSelectedItem() == null ? null : table.getSelectionModel().getSelectedItem().key();
        table.getItems().setAll(rows);
        fit(rows, rebuild);
        if (selected != null) rows.stream().filter(r -> r.key().equals(selected)).findFirst().ifPresent(r -> table.getSelectionModel().select(r));
    }

    void clear() {
        table.getItems().clear();
        table.getColumns().clear();
        columnsKey = List.of();
    }

    private List<TableColumn<Compare.Row, String>> columns(Compare c, String currency) {
        List<TableColumn<Compare.Row, String>> cols = new ArrayList<>();
        TableColumn<Compare.Row, String> label = new TableColumn<>();
        label.setId("compare-label");
        label.setSortable(false);
        label.getStyleClass().add("compare-label-column");
        label.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().label()));
        label.setCellFactory(col -> new LabelCell());
        cols.add(label);
        for (int i = 0; i < c.columns().size(); i++) {
            final int k = i;
            cols.add(column("compare-col-" + i, c.columns().get(i).label(),
                    (i == 0 ? "The reference: " : "") + c.columns().get(i).label(),
                    r -> WhatIfTables.formatCompact(r.value(k), r.format(), currency), -1));
        }
        String ref = c.columns().get(0).label();
        for (int i = 1; i < c.columns().size(); i++) {
            final int k = i;
            String name = c.columns().get(i).label();
            cols.add(column("compare-diff-" + i, "Δ " + name, name + " minus " + ref,
                    r -> WhatIfTables.signedCompact(r.difference(k), r.format(), currency), k));
            cols.add(column("compare-rel-" + i, "Δ%", name + ": the difference as a share of " + ref
                            + " (percentage points for shares are in the column before)",
                    r -> r.format() == FigureFormat.PERCENT ? "" : WhatIfTables.relative(r.relative(k)), k));
        }
        return cols;
    }

    /** A right-aligned figure column; {@code signOf} is the state whose difference colours the cell, or -1. */
    private static TableColumn<Compare.Row, String> column(String id, String header, String tip,
                                                          java.util.function.Function<Compare.Row, String> text, int signOf) {
        TableColumn<Compare.Row, String> col = new TableColumn<>();
        col.setId(id);
        col.setSortable(false);
        col.getStyleClass().add("numeric");
        if (signOf > 0) col.getStyleClass().add("compare-diff-column");
        Label head = new Label(header);
        head.setTooltip(new Tooltip(tip));
        head.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
        col.setGraphic(head);
        col.setCellValueFactory(p -> new ReadOnlyStringWrapper(text.apply(p.getValue())));
        col.setCellFactory(x -> new FigureCell(signOf));
        return col;
    }

    /**
     * Widths from the content: all of them for new columns, else only widening (no jitter while a slider moves), and
     * measured only when a column has a longer text than when it was last measured (measuring every figure on every
     * frame of a drag costs more than the rest of the update).
     */
    private void fit(List<Compare.Row> rows, boolean reset) {
        List<TableColumn<Compare.Row, ?>> cols = table.getColumns();
        if (reset) {
            fittedLength.clear();
            cols.get(0).setPrefWidth(width(rows.stream().map(Compare.Row::label).toList(), true, 150, 200) + 14);
        }
        for (int i = 1; i < cols.size(); i++) {
            TableColumn<Compare.Row, ?> col = cols.get(i);
            List<String> texts = new ArrayList<>();
            int longest = 0;
            for (Compare.Row r : rows) {
                Object v = col.getCellData(r);
                if (v != null) {
                    texts.add(v.toString());
                    longest = Math.max(longest, v.toString().length());
                }
            }
            if (!reset && longest <= fittedLength.getOrDefault(col, 0)) continue;
            fittedLength.put(col, longest);
            double content = width(texts, true, 60, 200);
            Label label = (Label) col.getGraphic();
            String header = label.getText().replace('\n', ' ');
            double head = width(List.of(header), true, 60, 400);
            // a header wider than the figures goes on two lines rather than widen the column much
            double w = Math.max(content, Math.min(head, content + 30));
            if (reset) label.setText(head > w ? twoLines(header) : header);
            if (reset || w > col.getPrefWidth()) col.setPrefWidth(w);
        }
    }

    /** The text broken at the space nearest its middle. */
    static String twoLines(String s) {
        int mid = s.length() / 2;
        int best = -1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
        }
        return best < 0 ? s : s.substring(0, best) + "\n" + s.substring(best + 1);
    }

    /** The width that shows the widest text in the app's font, within [min, max]. */
    private static double width(List<String> texts, boolean bold, double min, double max) {
        return ColumnFit.fit(texts, bold, min, max, 24);
    }

    /** Cost rows: a lower figure is a saving. Metrics (profit, margin, runway...) are not coloured. */
    static boolean signIsSaving(Compare.Row r) {
        return r.format() == FigureFormat.CURRENCY && r.kind() != Compare.RowKind.METRIC;
    }

    /** The style class of a difference cell: saving, increase or none. */
    static String signClass(Compare.Row r, int column) {
        if (!signIsSaving(r)) return null;
        double d = r.difference(column);
        if (Double.isNaN(d) || Formats.showsAsZero(d)) return null;
        return d < 0 ? SAVING : INCREASE;
    }

    private static void setOnly(List<String> styles, List<String> family, String cls) {
        styles.removeAll(family);
        if (cls != null) styles.add(cls);
    }

    private static final class LabelCell extends TableCell<Compare.Row, String> {
        /** One tooltip per cell, its text changed (a new Tooltip builds and styles a popup window). */
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(String label, boolean empty) {
            super.updateItem(label, empty);
            setText(empty ? null : label);
            if (empty || label == null) {
                setTooltip(null);
            } else {
                tip.setText(label);
                if (getTooltip() != tip) setTooltip(tip);
            }
        }
    }

    private static final class FigureCell extends TableCell<Compare.Row, String> {
        private final int signOf;

        FigureCell(int signOf) {
            this.signOf = signOf;
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
            Compare.Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
            setOnly(getStyleClass(), SIGN_CLASSES, r == null || signOf < 0 ? null : signClass(r, signOf));
        }
    }

    private static final class Row extends TableRow<Compare.Row> {
        @Override
        protected void updateItem(Compare.Row r, boolean empty) {
            super.updateItem(r, empty);
            setOnly(getStyleClass(), ROW_CLASSES, empty || r == null ? null : "compare-" + r.kind().name().toLowerCase(Locale.ROOT));
        }
    }
}
