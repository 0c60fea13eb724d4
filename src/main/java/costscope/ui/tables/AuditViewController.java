package costscope.ui.tables;

import costscope.engine.Audit;
import costscope.ui.base.AppContext;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Controller of audit_view.fxml: every stated figure beside the computed one, disagreements marked, with a summary,
 * a text filter and an "only disagreements" switch. The selected figure's formula and note show below the table.
 */
public final class AuditViewController {
    private final AppContext ctx;
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final FilteredList<AuditRow> filtered = new FilteredList<>(rows);

    @FXML
    private Label summary;
    @FXML
    private TextField search;
    @FXML
    private CheckBox onlyDisagreements;
    @FXML
    private TableView<AuditRow> table;
    @FXML
    private TableColumn<AuditRow, String> statusColumn;
    @FXML
    private TableColumn<AuditRow, String> labelColumn;
    @FXML
    private TableColumn<AuditRow, String> atColumn;
    @FXML
    private TableColumn<AuditRow, String> statedColumn;
    @FXML
    private TableColumn<AuditRow, String> computedColumn;
    @FXML
    private TableColumn<AuditRow, String> differenceColumn;
    @FXML
    private TableColumn<AuditRow, String> noteColumn;
    @FXML
    private Label details;

    public AuditViewController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        text(statusColumn, AuditRow::status);
        text(labelColumn, AuditRow::label);
        text(atColumn, AuditRow::at);
        text(statedColumn, AuditRow::stated);
        text(computedColumn, AuditRow::computed);
        text(differenceColumn, AuditRow::difference);
        text(noteColumn, AuditRow::note);
        statusColumn.setCellFactory(c -> new StatusCell());
        SortedList<AuditRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setRowFactory(t -> new Row());
        ColumnFit.fill(table, table.getColumns(), noteColumn);
        search.textProperty().addListener((o, a, b) -> refilter());
        onlyDisagreements.selectedProperty().addListener((o, a, b) -> refilter());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> showDetails(r));
        // hidden (another tab selected), the audit does no work while a slider is dragged; it catches up when shown
        costscope.ui.base.WhenShowing whenShowing = new costscope.ui.base.WhenShowing(table, () -> show(ctx.recalc().auditProperty().get()));
        ctx.recalc().auditProperty().addListener((o, a, lines) -> whenShowing.changed());
        show(ctx.recalc().auditProperty().get());
    }

    private static void text(TableColumn<AuditRow, String> col, Function<AuditRow, String> f) {
        col.setCellValueFactory(p -> new ReadOnlyStringWrapper(f.apply(p.getValue())));
    }

    private void show(List<Audit.Line> lines) {
        var sc = ctx.document().scenario();
        String currency = sc == null ? "USD" : sc.currency();
        AuditRow selected = table.getSelectionModel().getSelectedItem();
        rows.setAll(AuditRow.of(lines == null ? List.of() : lines, currency));
        summary.setText(AuditRow.summary(lines == null ? List.of() : lines));
        labelColumn.setPrefWidth(ColumnFit.fit(rows.stream().map(AuditRow::label).toList(), false, 160, 280));
        statedColumn.setPrefWidth(ColumnFit.fit(rows.stream().map(AuditRow::stated).toList(), false, 70, 150));
        computedColumn.setPrefWidth(ColumnFit.fit(rows.stream().map(AuditRow::computed).toList(), false, 80, 130));
        differenceColumn.setPrefWidth(ColumnFit.fit(rows.stream().map(AuditRow::difference).toList(), false, 90, 120));
        summary.getStyleClass().remove("audit-summary-differs");
        if (rows.stream().anyMatch(r -> !r.agrees())) summary.getStyleClass().add("audit-summary-differs");
        if (selected != null) {
            table.getItems().stream().filter(r -> r.index() == selected.index()).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
        showDetails(table.getSelectionModel().getSelectedItem());
    }

    private void refilter() {
        filtered.setPredicate(predicate(search.getText(), onlyDisagreements.isSelected()));
    }

    /** Rows whose label, scale point, formula or note contain the text (any case); only disagreements if asked. */
    static Predicate<AuditRow> predicate(String text, boolean onlyDisagreements) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return r -> (!onlyDisagreements || !r.agrees()) && (t.isEmpty()
                || (r.label() + "\n" + r.at() + "\n" + r.of() + "\n" + r.note()).toLowerCase(Locale.ROOT).contains(t));
    }

    private void showDetails(AuditRow r) {
        String text = r == null ? "" : describe(r);
        details.setText(text);
        details.setVisible(!text.isEmpty());
        details.setManaged(!text.isEmpty());
    }

    static String describe(AuditRow r) {
        return r.label() + (r.at().isEmpty() ? "" : " (at " + r.at() + ")") + ": states " + r.stated() + ", the model gives "
                + r.computed() + (r.agrees() ? "" : " (" + r.difference() + ")") + ".  Formula: " + r.of()
                + (r.note().isEmpty() ? "" : "\n" + r.note());
    }

    /** The status column: a coloured marker and "agrees" / "differs". */
    private static final class StatusCell extends TableCell<AuditRow, String> {
        private static final List<String> STATUS_CLASSES = List.of("audit-agrees", "audit-differs");

        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                StyleClasses.setOnly(getStyleClass(), STATUS_CLASSES, null);
                setText(null);
                return;
            }
            boolean agrees = s.equals("agrees");
            setText((agrees ? "\u2713 " : "\u2717 ") + s);
            StyleClasses.setOnly(getStyleClass(), STATUS_CLASSES, agrees ? "audit-agrees" : "audit-differs");
        }
    }

    /** Disagreeing rows get the style class "audit-row-differs"; every row's tooltip is its formula and note. */
    private static final class Row extends TableRow<AuditRow> {
        private final Tooltip tip = new Tooltip();

        Row() {
            tip.setWrapText(true);
            tip.setMaxWidth(640);
            tip.setShowDelay(Duration.millis(600));
            tip.setShowDuration(Duration.seconds(30));
        }

        @Override
        protected void updateItem(AuditRow r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().remove("audit-row-differs");
            if (empty || r == null) {
                setTooltip(null);
                return;
            }
            if (!r.agrees()) getStyleClass().add("audit-row-differs");
            tip.setText(describe(r));
            setTooltip(tip);
        }
    }
}
