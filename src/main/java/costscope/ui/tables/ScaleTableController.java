package costscope.ui.tables;

import costscope.engine.ScaleTable;
import costscope.ui.base.AppContext;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.geometry.Pos;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;

/**
 * Controller of scale_table_view.fxml: every scale point of the report side by side (one column each, the header's
 * tooltip is the point's label), with items, categories, totals and metrics as rows. The column whose scale point
 * matches the current driver values is highlighted.
 */
public final class ScaleTableController {
    static final String CURRENT = "scale-current";
    private static final List<String> ROW_CLASSES = List.of("scale-item", "scale-category", "scale-total", "scale-metric");

    private final AppContext ctx;
    private List<String> columnKeys = List.of();
    private List<ScaleTable.Column> columns = List.of();
    private List<String> fittedKeys = List.of();
    private double labelContent = 320;

    @FXML
    private Label caption;
    @FXML
    private TableView<ScaleRow> table;
    @FXML
    private TableColumn<ScaleRow, String> labelColumn;

    public ScaleTableController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        labelColumn.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().label()));
        labelColumn.setCellFactory(c -> new LabelCell());
        table.setRowFactory(t -> new Row());
        table.widthProperty().addListener((o, a, b) -> fitLabel());
        // hidden (another tab selected), the table does no work while a slider is dragged; it catches up when shown
        costscope.ui.base.WhenShowing whenShowing = new costscope.ui.base.WhenShowing(table, () -> {
            show(ctx.recalc().scaleTableProperty().get());
            highlight();
        });
        ctx.recalc().scaleTableProperty().addListener((o, a, cols) -> whenShowing.changed());
        ctx.document().scenarioProperty().addListener((o, a, s) -> whenShowing.changed());
        show(ctx.recalc().scaleTableProperty().get());
    }

    private void show(List<ScaleTable.Column> cols) {
        columns = cols == null ? List.of() : cols;
        List<String> keys = new ArrayList<>();
        for (ScaleTable.Column c : columns) keys.add(c.id() + "\u0000" + c.label());
        if (!keys.equals(columnKeys)) {
            columnKeys = keys;
            table.getColumns().setAll(List.of(labelColumn));
            for (int i = 0; i < columns.size(); i++) table.getColumns().add(valueColumn(i, columns.get(i)));
        }
        String selected = table.getSelectionModel().getSelectedItem() == null ? null : table.getSelectionModel().getSelectedItem().key();
        List<ScaleRow> rows = ScaleRow.of(columns);
        table.getItems().setAll(rows);
        fitColumns(rows, !keys.equals(fittedKeys));
        fittedKeys = keys;
        if (selected != null) {
            table.getItems().stream().filter(r -> r.key().equals(selected)).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
        highlight();
    }

    private TableColumn<ScaleRow, String> valueColumn(int i, ScaleTable.Column c) {
        TableColumn<ScaleRow, String> col = new TableColumn<>();
        col.setId("scale-col-" + c.id());
        Label head = new Label(c.id());
        head.setTooltip(new Tooltip(c.label()));
        col.setGraphic(head);
        col.getStyleClass().add("numeric");
        col.setSortable(false);
        col.setMinWidth(80);
        col.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().cells().get(i)));
        return col;
    }

    /** Widths from the content: refitted when the columns change, else widened only (no jitter while a slider moves). */
    private void fitColumns(List<ScaleRow> rows, boolean reset) {
        double items = ColumnFit.fit(rows.stream().filter(r -> r.kind() != ScaleRow.Kind.CATEGORY && r.kind() != ScaleRow.Kind.TOTAL)
                .map(ScaleRow::label).toList(), false, 160, 460);
        double bold = ColumnFit.fit(rows.stream().filter(r -> r.kind() == ScaleRow.Kind.CATEGORY || r.kind() == ScaleRow.Kind.TOTAL)
                .map(ScaleRow::label).toList(), true, 160, 460);
        labelContent = Math.max(items, bold) + 16;
        for (int i = 0; i < columns.size() && i + 1 < table.getColumns().size(); i++) {
            final int k = i;
            List<String> texts = new ArrayList<>(rows.stream().map(r -> r.cells().get(k)).toList());
            texts.add(columns.get(i).id());
            var col = table.getColumns().get(i + 1);
            double w = ColumnFit.fit(texts, true, 80, 220);
            if (reset || w > col.getWidth()) col.setPrefWidth(w);
        }
        fitLabel();
    }

    /** The label column: as wide as its longest label, or what the numbers leave (long labels then end in "..."). */
    private void fitLabel() {
        double numbers = 0;
        for (int i = 1; i < table.getColumns().size(); i++) numbers += table.getColumns().get(i).getPrefWidth();
        double avail = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - 18 - numbers;
        labelColumn.setPrefWidth(Math.max(200, Math.floor(Math.min(labelContent, avail > 0 ? avail : labelContent))));
    }

    /** Marks the column whose scale point the drivers are at, and says so in the caption. */
    private void highlight() {
        int current = ScaleRow.currentColumn(ctx.document().scenario(), columns);
        for (int i = 0; i < columns.size() && i + 1 < table.getColumns().size(); i++) {
            var styles = table.getColumns().get(i + 1).getStyleClass();
            styles.remove(CURRENT);
            if (i == current) styles.add(CURRENT);
        }
        if (columns.isEmpty()) {
            caption.setText("");
        } else if (columns.size() == 1 && columns.get(0).id().equals("current")) {
            caption.setText("The scenario has no scale points: the current values only.");
        } else {
            caption.setText(columns.size() + " scale points, each at the current values of the drivers it does not set. "
                    + (current >= 0 ? "The drivers are at " + columns.get(current).id() + " (highlighted)."
                    : "The drivers are between scale points."));
        }
    }

    /** Index of the highlighted column among the scale points, or -1 (for tests). */
    int currentColumn() {
        for (int i = 1; i < table.getColumns().size(); i++) {
            if (table.getColumns().get(i).getStyleClass().contains(CURRENT)) return i - 1;
        }
        return -1;
    }

    /** The row label, with a swatch of the category colour on item (thin) and category rows. */
    private static final class LabelCell extends TableCell<ScaleRow, String> {
        private final Rectangle swatch = new Rectangle(10, 10);
        private final StackPane box = new StackPane(swatch);

        LabelCell() {
            box.setMinWidth(10);
            box.setMaxWidth(10);
            StackPane.setAlignment(swatch, Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(String label, boolean empty) {
            super.updateItem(label, empty);
            ScaleRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            boolean coloured = row != null && row.color() != null;
            if (!LabelCells.show(this, row, label, coloured ? box : null)) return;
            if (coloured) {
                swatch.setFill(BreakdownController.color(row.color()));
                swatch.setWidth(row.kind() == ScaleRow.Kind.CATEGORY ? 10 : 4);
            }
            setTooltip(new Tooltip(label));
        }
    }

    private static final class Row extends TableRow<ScaleRow> {
        @Override
        protected void updateItem(ScaleRow r, boolean empty) {
            super.updateItem(r, empty);
            StyleClasses.setOnly(getStyleClass(), ROW_CLASSES,
                    empty || r == null ? null : "scale-" + r.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
