package costscope.ui.tables;

import costscope.engine.Results;
import costscope.export.Formats;
import costscope.model.Business;
import costscope.ui.base.AppContext;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Controller of breakdown_view.fxml: the category -> line item tree with quantity, unit price, monthly cost, share
 * and cost per user, and a details pane with the selected row's arithmetic ({@link costscope.export.Explain}).
 * Values update in place on every recalculation; the tree is rebuilt only when the model's structure changes.
 */
public final class BreakdownController {
    private static final List<String> ROW_CLASSES = List.of("breakdown-category", "breakdown-item", "breakdown-total");

    private final AppContext ctx;
    private final BreakdownTree model = new BreakdownTree();
    private final Map<TreeTableColumn<?, ?>, Integer> fittedLength = new HashMap<>();
    private final Label perUserTitle = new Label("Per user");

    @FXML
    private TreeTableView<BreakdownRow> tree;
    @FXML
    private TreeTableColumn<BreakdownRow, String> itemColumn;
    @FXML
    private TreeTableColumn<BreakdownRow, Amount> quantityColumn;
    @FXML
    private TreeTableColumn<BreakdownRow, Amount> unitPriceColumn;
    @FXML
    private TreeTableColumn<BreakdownRow, Amount> monthlyColumn;
    @FXML
    private TreeTableColumn<BreakdownRow, Amount> shareColumn;
    @FXML
    private TreeTableColumn<BreakdownRow, Amount> perUserColumn;
    @FXML
    private Label detailsTitle;
    @FXML
    private Label detailsSubtitle;
    @FXML
    private Label explain;
    @FXML
    private Label description;

    public BreakdownController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        itemColumn.setCellValueFactory(p -> p.getValue().getValue().labelProperty());
        itemColumn.setCellFactory(c -> new ItemCell());
        amount(quantityColumn, BreakdownRow::quantityProperty);
        amount(unitPriceColumn, BreakdownRow::unitPriceProperty);
        amount(monthlyColumn, BreakdownRow::monthlyProperty);
        amount(shareColumn, BreakdownRow::shareProperty);
        amount(perUserColumn, BreakdownRow::perUserProperty);
        costscope.ui.base.LazyTooltip.showing(perUserTitle, 0, perUserTitle::getAccessibleHelp);
        perUserTitle.setId("breakdown-per-user-title");
        perUserColumn.setText(null);
        perUserColumn.setGraphic(perUserTitle);
        tree.setRoot(model.root());
        ColumnFit.fill(tree, tree.getColumns(), itemColumn);
        tree.setRowFactory(t -> new Row());
        tree.setSortPolicy(BreakdownController::sortKeepingTotalLast);
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showDetails());
        ctx.recalc().resultsProperty().addListener((o, a, r) -> show(r));
        showDetails();
        show(ctx.recalc().results());
    }

    private static void amount(TreeTableColumn<BreakdownRow, Amount> col,
                               Function<BreakdownRow, ObservableValue<Amount>> value) {
        col.setCellValueFactory(p -> value.apply(p.getValue().getValue()));
    }

    private void show(Results r) {
        if (r == null) {
            tree.setDisable(true);
            return;
        }
        tree.setDisable(false);
        String selected = selectedKey();
        boolean rebuilt = model.update(r);
        if (rebuilt && selected != null) {
            TreeItem<BreakdownRow> t = model.find(selected);
            if (t != null) tree.getSelectionModel().select(t);
        }
        Business b = r.compiled().scenario().business();
        boolean users = b != null && b.users() != null;
        perUserColumn.setVisible(users);
        if (users) {
            String user = b.users().label() != null ? b.users().label() : "user";
            perUserTitle.setText(user.length() <= 12 ? "Per " + user : "Per user");
            String help = "Monthly cost per " + user + " (" + Formats.number(BreakdownTree.users(r)) + ")";
            perUserTitle.setAccessibleHelp(help);
        }
        fitColumns(rebuilt);
        if (!tree.getSortOrder().isEmpty()) tree.sort();
        showDetails();
    }

    /** Sorts categories and the items within each by the sort columns (none: the model's order); the total stays last. */
    private static boolean sortKeepingTotalLast(TreeTableView<BreakdownRow> t) {
        Comparator<TreeItem<BreakdownRow>> by = t.getComparator();
        if (by == null) by = Comparator.comparingInt(i -> i.getValue().order());
        if (t.getRoot() == null) return true;
        Comparator<TreeItem<BreakdownRow>> c = Comparator.comparing(
                (TreeItem<BreakdownRow> i) -> i.getValue().kind() == BreakdownRow.Kind.TOTAL).thenComparing(by);
        FXCollections.sort(t.getRoot().getChildren(), c);
        for (TreeItem<BreakdownRow> cat : t.getRoot().getChildren()) FXCollections.sort(cat.getChildren(), c);
        return true;
    }

    /** Numbers keep their widths from the content: refitted on a rebuild, and widened (never narrowed) on updates. */
    private void fitColumns(boolean rebuilt) {
        List<BreakdownRow> rows = model.rows();
        fit(quantityColumn, rows, BreakdownRow::quantityProperty, false, 190, rebuilt);
        fit(unitPriceColumn, rows, BreakdownRow::unitPriceProperty, false, 220, rebuilt);
        fit(monthlyColumn, rows, BreakdownRow::monthlyProperty, true, 160, rebuilt);
        fit(shareColumn, rows, BreakdownRow::shareProperty, true, 110, rebuilt);
        fit(perUserColumn, rows, BreakdownRow::perUserProperty, true, 140, rebuilt);
    }

    private void fit(TreeTableColumn<BreakdownRow, Amount> col, List<BreakdownRow> rows,
                     Function<BreakdownRow, ObservableValue<Amount>> value, boolean bold, double max, boolean reset) {
        List<String> texts = new ArrayList<>();
        texts.add(col.getText() != null ? col.getText() : col.getGraphic() instanceof Label l ? l.getText() : "");
        int longest = 0;
        for (BreakdownRow r : rows) {
            String t = value.apply(r).getValue().text();
            texts.add(t);
            longest = Math.max(longest, t.length());
        }
        // measuring text costs: only when a longer text than before appears (a slider moves many times a second)
        if (!reset && longest <= fittedLength.getOrDefault(col, 0)) return;
        fittedLength.put(col, longest);
        double w = ColumnFit.fit(texts, bold, col.getMinWidth(), max);
        if (reset || w > col.getWidth()) col.setPrefWidth(w);
    }

    private String selectedKey() {
        TreeItem<BreakdownRow> t = tree.getSelectionModel().getSelectedItem();
        return t == null || t.getValue() == null ? null : t.getValue().key();
    }

    private void showDetails() {
        BreakdownDetails d = BreakdownDetails.of(ctx.recalc().results(), selectedKey());
        detailsTitle.setText(d.title());
        detailsSubtitle.setText(d.subtitle());
        explain.setText(d.explain());
        description.setText(d.description());
        explain.setVisible(!d.explain().isEmpty());
        explain.setManaged(!d.explain().isEmpty());
        description.setVisible(!d.description().isEmpty());
        description.setManaged(!d.description().isEmpty());
    }

    /** The first column: the label, with a swatch of the category colour on category rows. */
    private static final class ItemCell extends TreeTableCell<BreakdownRow, String> {
        private final Rectangle swatch = new Rectangle(10, 10);

        @Override
        protected void updateItem(String label, boolean empty) {
            super.updateItem(label, empty);
            swatch.fillProperty().unbind();
            BreakdownRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            boolean category = row != null && row.kind() == BreakdownRow.Kind.CATEGORY;
            if (LabelCells.show(this, row, label, category ? swatch : null) && category) {
                swatch.fillProperty().bind(row.colorProperty().map(BreakdownController::color));
            }
        }
    }

    static Color color(String hex) {
        try {
            return Color.web(hex);
        } catch (RuntimeException e) {
            return Color.GRAY;
        }
    }

    /** A row: style class by kind, and the item's arithmetic as a tooltip, computed when it shows. */
    private final class Row extends TreeTableRow<BreakdownRow> {
        /** Built when the mouse first comes over a row that has one (not for every row made). */
        private Tooltip tip;
        private boolean wantsTip;

        Row() {
            addEventFilter(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
                if (wantsTip && getTooltip() == null) setTooltip(tip());
            });
        }

        private Tooltip tip() {
            if (tip != null) return tip;
            tip = new Tooltip();
            tip.setWrapText(true);
            tip.setMaxWidth(640);
            tip.setShowDelay(Duration.millis(600));
            tip.setShowDuration(Duration.seconds(30));
            tip.getStyleClass().add("explain-tooltip");
            tip.setOnShowing(e -> {
                BreakdownRow row = getItem();
                BreakdownDetails d = BreakdownDetails.of(ctx.recalc().results(), row == null ? null : row.key());
                tip.setText(d.title() + "\n" + d.explain());
            });
            return tip;
        }

        @Override
        protected void updateItem(BreakdownRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                StyleClasses.setOnly(getStyleClass(), ROW_CLASSES, null);
                wantsTip = false;
                setTooltip(null);
                return;
            }
            StyleClasses.setOnly(getStyleClass(), ROW_CLASSES, switch (row.kind()) {
                case CATEGORY -> "breakdown-category";
                case ITEM -> "breakdown-item";
                case TOTAL -> "breakdown-total";
            });
            wantsTip = row.kind() != BreakdownRow.Kind.TOTAL;
            Tooltip want = wantsTip ? tip : null;
            if (getTooltip() != want) setTooltip(want);
        }
    }
}
