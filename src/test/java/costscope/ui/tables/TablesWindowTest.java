package costscope.ui.tables;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.export.Explain;
import costscope.engine.Results;
import costscope.export.Formats;
import costscope.model.LineItem;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless: the breakdown, audit and scale-point views of the real window show the engine's figures for InnerWorld
 * (computed here independently of the UI), follow a lever, and mark exactly the disagreeing stated figures.
 */
@ExtendWith(ApplicationExtension.class)
class TablesWindowTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, INNERWORLD);
    }

    static Results engine(Scenario s) throws Exception {
        return CompiledScenario.compile(s).newEvaluator().evaluateWithSavings();
    }

    @SuppressWarnings("unchecked")
    TreeTableView<BreakdownRow> tree(FxRobot robot) {
        return robot.lookup("#breakdownTree").queryAs(TreeTableView.class);
    }

    /** The text a column shows for a tree item. */
    static String cell(TreeTableView<BreakdownRow> t, int column, TreeItem<BreakdownRow> item) {
        Object v = t.getColumns().get(column).getCellData(item);
        return v == null ? "" : v.toString();
    }

    static TreeItem<BreakdownRow> find(TreeTableView<BreakdownRow> t, String key) {
        for (TreeItem<BreakdownRow> c : t.getRoot().getChildren()) {
            if (c.getValue().key().equals(key)) return c;
            for (TreeItem<BreakdownRow> i : c.getChildren()) if (i.getValue().key().equals(key)) return i;
        }
        return null;
    }

    /** Every category, item and the total row shows the engine's monthly cost, share and cost per user. */
    void assertBreakdownIsTheEngines(TreeTableView<BreakdownRow> t, Results r) {
        Scenario s = r.compiled().scenario();
        double users = r.value("users");
        List<TreeItem<BreakdownRow>> cats = t.getRoot().getChildren();
        assertEquals(s.categories().size() + 1, cats.size(), "a row per category, then the total");
        for (int c = 0; c < s.categories().size(); c++) {
            Results.CategoryResult cr = r.categories().get(c);
            TreeItem<BreakdownRow> row = cats.get(c);
            assertEquals(cr.label(), cell(t, 0, row));
            assertEquals(Formats.money(cr.monthly(), "USD"), cell(t, 3, row), cr.id());
            assertEquals(Formats.percent(cr.share()), cell(t, 4, row), cr.id());
            assertEquals(Formats.money(cr.monthly() / users, "USD"), cell(t, 5, row), cr.id());
            List<LineItem> items = s.items().stream().filter(i -> i.category().equals(cr.id())).toList();
            assertEquals(items.size(), row.getChildren().size(), cr.id());
            for (int i = 0; i < items.size(); i++) {
                Results.ItemResult ir = r.item(items.get(i).id());
                TreeItem<BreakdownRow> it = row.getChildren().get(i);
                assertEquals(ir.label(), cell(t, 0, it));
                assertEquals(Formats.number(ir.quantity()) + " " + items.get(i).quantityUnit(), cell(t, 1, it), ir.id());
                assertEquals(Formats.money(ir.monthly(), "USD"), cell(t, 3, it), ir.id());
                assertEquals(Formats.percent(ir.share()), cell(t, 4, it), ir.id());
                assertEquals(Formats.money(ir.monthly() / users, "USD"), cell(t, 5, it), ir.id());
            }
        }
        TreeItem<BreakdownRow> total = cats.get(cats.size() - 1);
        assertEquals("Total", cell(t, 0, total));
        assertEquals(Formats.money(r.monthlyTotal(), "USD"), cell(t, 3, total));
        assertEquals("100.0%", cell(t, 4, total));
    }

    /** Texts of the rendered cells of the tree (what is on screen). */
    static List<String> renderedTexts(FxRobot robot) {
        return robot.lookup("#breakdownTree .tree-table-cell").queryAll().stream()
                .map(n -> ((TreeTableCell<?, ?>) n).getText()).filter(s -> s != null && !s.isEmpty()).toList();
    }

    /** The per-user column's header says per whom and how many, in its tooltip (built on the first hover) and help. */
    @Test
    void thePerUserHeaderSaysPerWhomAndHowMany(FxRobot robot) {
        Label title = robot.lookup("#breakdown-per-user-title").queryAs(Label.class);
        assertEquals("Monthly cost per active user (1,500)", title.getAccessibleHelp());
        robot.moveTo(title);
        javafx.scene.control.Tooltip tip = title.getTooltip();
        robot.interact(() -> tip.show(title.getScene().getWindow()));
        assertEquals("Monthly cost per active user (1,500)", tip.getText());
        robot.interact(tip::hide);
        // twice the users: the next time it shows, it says so
        robot.interact(() -> window.context().document().edit("Set", sc -> sc.withDriverValue("concurrent_users", 2000)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Monthly cost per active user (3,000)", title.getAccessibleHelp());
        robot.interact(() -> tip.show(title.getScene().getWindow()));
        assertEquals("Monthly cost per active user (3,000)", tip.getText());
        robot.interact(tip::hide);
    }

    @Test
    void breakdownShowsTheEnginesFiguresAt1K(FxRobot robot) throws Exception {
        Results r = engine(window.scenario());
        assertEquals(1000, r.value("concurrent_users"));
        TreeTableView<BreakdownRow> t = tree(robot);
        assertBreakdownIsTheEngines(t, r);
        // the figures are on screen too, formatted: $2,309.00 total, LLM API Services $1,209.00 at 52.4%
        robot.interact(() -> t.scrollTo(t.getRow(find(t, "total"))));
        List<String> shown = renderedTexts(robot);
        assertTrue(shown.contains("$2,309.00"), shown.toString());
        assertTrue(shown.contains("$1,209.00"), shown.toString());
        assertTrue(shown.contains("52.4%"), shown.toString());
        assertTrue(shown.contains("$3.00 / 1M tokens"), shown.toString());
    }

    @Test
    void aLeverUpdatesTheRowsInPlaceKeepingSelectionAndExpansion(FxRobot robot) throws Exception {
        TreeTableView<BreakdownRow> t = tree(robot);
        TreeItem<BreakdownRow> sonnet = find(t, "item:sonnet_input");
        TreeItem<BreakdownRow> database = find(t, "category:database");
        String before = cell(t, 3, sonnet);
        robot.interact(() -> {
            database.setExpanded(false);
            t.getSelectionModel().select(sonnet);
        });
        robot.interact(() -> window.context().document().edit("Haiku", s -> s.withLeverEnabled("haiku", true)));
        WaitForAsyncUtils.waitForFxEvents();
        Results r = engine(window.scenario());
        assertTrue(r.levers().stream().anyMatch(l -> l.id().equals("haiku") && l.enabled()));
        assertBreakdownIsTheEngines(t, r);
        assertEquals("$315.00", cell(t, 3, sonnet), "$450.00 x 0.7");
        assertNotEquals(before, cell(t, 3, sonnet));
        assertSame(sonnet, find(t, "item:sonnet_input"), "values are updated in place, the tree is not rebuilt");
        assertSame(sonnet, t.getSelectionModel().getSelectedItem());
        assertFalse(database.isExpanded());
        String explain = robot.lookup("#breakdown-explain").queryAs(Label.class).getText();
        assertEquals(Explain.text(r, "sonnet_input"), explain);
        assertTrue(explain.contains("Lever: x 0.7 (Haiku for safety checks) = $315.00"), explain);
    }

    @Test
    void theDetailsPaneExplainsTheSelectedItem(FxRobot robot) throws Exception {
        TreeTableView<BreakdownRow> t = tree(robot);
        robot.interact(() -> t.getSelectionModel().select(find(t, "item:sonnet_input")));
        Results r = engine(window.scenario());
        String explain = robot.lookup("#breakdown-explain").queryAs(Label.class).getText();
        assertEquals(Explain.text(r, "sonnet_input"), explain);
        assertTrue(explain.contains("concurrent_users x sonnet_input_tokens = 1,000 x 150,000 = 150,000,000 tokens"), explain);
        assertTrue(explain.contains("150,000,000 tokens x $3.00 / 1M tokens = $450.00"), explain);
        assertTrue(explain.endsWith("= $450.00 / month"), explain);
        assertEquals("Claude 3.5 Sonnet input tokens (OpenRouter)",
                robot.lookup("#breakdown-details-title").queryAs(Label.class).getText());
        // a category: its items and total
        robot.interact(() -> t.getSelectionModel().select(find(t, "category:llm")));
        String cat = robot.lookup("#breakdown-explain").queryAs(Label.class).getText();
        assertTrue(cat.contains("Claude 3.5 Sonnet input tokens (OpenRouter): $450.00"), cat);
        assertTrue(cat.endsWith("= $1,209.00 / month"), cat);
    }

    @Test
    void sortingByMonthlyKeepsTheTotalLast(FxRobot robot) {
        TreeTableView<BreakdownRow> t = tree(robot);
        var monthly = t.getColumns().get(3);
        robot.interact(() -> {
            monthly.setSortType(javafx.scene.control.TreeTableColumn.SortType.DESCENDING);
            t.getSortOrder().setAll(List.of(monthly));
        });
        List<String> order = t.getRoot().getChildren().stream().map(i -> i.getValue().key()).toList();
        assertEquals(List.of("category:llm", "category:database", "category:api_gateway", "category:dynamodb",
                "category:compute", "category:security", "category:caching", "total"), order);
        assertEquals("item:sonnet_output", t.getRoot().getChildren().get(0).getChildren().get(0).getValue().key());
        // a recalculation keeps the sort: at 100K the LLM category is still first, the total still last
        robot.interact(() -> window.context().document().edit("Jump", sc -> sc.atScalePoint("100K")));
        assertEquals("category:llm", t.getRoot().getChildren().get(0).getValue().key());
        assertEquals("total", t.getRoot().getChildren().get(7).getValue().key());
        robot.interact(() -> t.getSortOrder().clear());
        assertEquals("category:database", t.getRoot().getChildren().get(0).getValue().key());
    }

    @Test
    void theAuditListsEveryStatedFigureAndMarksExactlyTheDisagreements(FxRobot robot) throws Exception {
        TestWindow.showTab(robot, "Audit");
        @SuppressWarnings("unchecked")
        TableView<AuditRow> table = robot.lookup("#auditTable").queryAs(TableView.class);
        List<Audit.Line> lines = Audit.run(CompiledScenario.compile(window.scenario()));
        assertEquals(105, window.scenario().statedFigures().size());
        assertEquals(window.scenario().statedFigures().size(), table.getItems().size());
        long differ = lines.stream().filter(l -> !l.agrees()).count();
        assertEquals(29, differ);
        for (AuditRow row : table.getItems()) {
            assertEquals(lines.get(row.index()).agrees(), row.agrees(), row.label());
            assertEquals(lines.get(row.index()).label(), row.label());
        }
        assertEquals("76 of 105 agree; 29 differ", robot.lookup("#audit-summary").queryAs(Label.class).getText());
        assertEquals("$516", table.getItems().get(0).stated());
        assertEquals("$516.00", table.getItems().get(0).computed());
        // every rendered row is highlighted exactly when its figure disagrees; scroll through all of them
        int checked = 0;
        int marked = 0;
        for (int i = 0; i < table.getItems().size(); i += 5) {
            final int k = i;
            robot.interact(() -> table.scrollTo(k));
            for (var n : robot.lookup("#auditTable .table-row-cell").queryAll()) {
                TableRow<?> tr = (TableRow<?>) n;
                if (!(tr.getItem() instanceof AuditRow row) || !tr.isVisible()) continue;
                boolean highlighted = tr.getStyleClass().contains("audit-row-differs");
                assertEquals(!lines.get(row.index()).agrees(), highlighted, row.label());
                checked++;
                if (highlighted) marked++;
            }
        }
        assertTrue(checked >= 105 && marked >= 29, checked + " rows seen, " + marked + " marked");
        // only the disagreements
        robot.interact(() -> robot.lookup("#audit-only-disagreements").queryAs(CheckBox.class).setSelected(true));
        assertEquals(29, table.getItems().size());
        assertTrue(table.getItems().stream().noneMatch(AuditRow::agrees));
    }

    @Test
    void theScaleTablesColumnsAreTheEnginesValuesAtEachPoint(FxRobot robot) throws Exception {
        TestWindow.showTab(robot, "Scale points");
        @SuppressWarnings("unchecked")
        TableView<ScaleRow> table = robot.lookup("#scaleTable").queryAs(TableView.class);
        TableColumn<ScaleRow, ?> col = table.getColumns().stream().filter(c -> "scale-col-10K".equals(c.getId())).findFirst().orElseThrow();
        Evaluator e = CompiledScenario.compile(window.scenario()).newEvaluator();
        e.applyScalePoint("10K");
        Results r = e.evaluateWithSavings();
        Scenario s = window.scenario();
        int row = 0;
        for (LineItem it : s.items()) {
            assertEquals(it.label(), table.getItems().get(row).label());
            assertEquals(Formats.money(r.item(it.id()).monthly(), "USD"), col.getCellData(row++), it.id());
        }
        for (Results.CategoryResult c : r.categories()) {
            assertEquals(Formats.money(c.monthly(), "USD"), col.getCellData(row++), c.id());
        }
        assertEquals("Monthly total", table.getItems().get(row).label());
        assertEquals(Formats.money(r.monthlyTotal(), "USD"), col.getCellData(row++));
        assertEquals("$18,504.00", Formats.money(r.monthlyTotal(), "USD"));
        assertEquals(Formats.money(r.annualTotal(), "USD"), col.getCellData(row++));
        assertEquals("Users (active user)", table.getItems().get(row).label());
        assertEquals(Formats.number(r.value("users")), col.getCellData(row++));
        assertEquals(Formats.money(r.value("costPerUser"), "USD"), col.getCellData(row));
        // the drivers are at 1K: that column is highlighted; after jumping to 10K, the 10K column is
        assertEquals(List.of("1K"), highlighted(table));
        robot.interact(() -> window.context().document().edit("Jump", sc -> sc.atScalePoint("10K")));
        assertEquals(List.of("10K"), highlighted(table));
        robot.interact(() -> window.context().document().edit("Move", sc -> sc.withDriverValue("concurrent_users", 12345)));
        assertEquals(List.of(), highlighted(table));
    }

    static List<String> highlighted(TableView<ScaleRow> t) {
        return t.getColumns().stream().filter(c -> c.getStyleClass().contains(ScaleTableController.CURRENT))
                .map(c -> c.getId().substring("scale-col-".length())).toList();
    }

}
