package costscope.ui.whatif;

import costscope.ui.charts.CompareBars;
import costscope.ui.charts.WaterfallChart;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import costscope.whatif.Compare;
import costscope.whatif.CompareStates;
import costscope.whatif.Variants;
import costscope.whatif.Waterfall;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless: the Compare view of the real window shows the engine's comparison and savings waterfall for the
 * billion-users plans, reorders the waterfall from its list, follows the sliders while showing, and explains what to
 * do when a scenario has no variants.
 */
@ExtendWith(ApplicationExtension.class)
class CompareViewTest {
    static final Path BILLION = Path.of("sample-scenarios/billion-users.json");
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    static final double ORIGINAL = 19_955_040.00;
    static final double OPTIMIZED = 8_640_058.00;
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, BILLION);
    }

    void showCompare(FxRobot robot) {
        TestWindow.showWhatIf(robot, "Compare");
        robot.interact(() -> {
            // the test screen is 1240x760: give the charts most of the view, as a user would drag the divider
            robot.lookup(".compare-split").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(0.3);
        });
    }

    void showBreakdown(FxRobot robot) {
        TestWindow.showTab(robot, "Breakdown");
    }

    @SuppressWarnings("unchecked")
    static TableView<Compare.Row> table(FxRobot robot) {
        return robot.lookup("#compareTable").queryAs(TableView.class);
    }

    static WaterfallChart waterfall(FxRobot robot) {
        return robot.lookup("#compareWaterfall").queryAs(WaterfallChart.class);
    }

    @SuppressWarnings("unchecked")
    static ListView<Waterfall.Step> orderList(FxRobot robot) {
        return robot.lookup("#compareOrder").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    static CheckComboBox<CompareStates.State> picker(FxRobot robot) {
        return robot.lookup("#compareStates").queryAs(CheckComboBox.class);
    }

    /** The text a column (by id) shows for the row with this key. */
    static String cell(TableView<Compare.Row> t, String columnId, String rowKey) {
        TableColumn<Compare.Row, ?> col = t.getColumns().stream().filter(c -> columnId.equals(c.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + columnId));
        Compare.Row row = t.getItems().stream().filter(r -> r.key().equals(rowKey)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + rowKey));
        return String.valueOf(col.getCellData(row));
    }

    static double total(Scenario s) throws Exception {
        Evaluator e = CompiledScenario.compile(s).newEvaluator();
        e.setValues(s);
        return e.total();
    }

    static List<String> order(FxRobot robot) {
        return orderList(robot).getItems().stream().map(s -> s.change().id()).toList();
    }

    /** Visible, with every ancestor visible. */
    static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    @Test
    void theTableShowsTheTwoPlansSideBySideWithTheirDifference(FxRobot robot) {
        showCompare(robot);
        assertEquals(List.of("Original plan", "Optimized plan"),
                picker(robot).getCheckModel().getCheckedItems().stream().map(CompareStates.State::label).toList());
        TableView<Compare.Row> t = table(robot);
        assertEquals("$19,955,040", cell(t, "compare-col-0", "total"));
        assertEquals("$8,640,058", cell(t, "compare-col-1", "total"));
        assertEquals("-$11,314,982", cell(t, "compare-diff-1", "total"));
        assertEquals("-56.7%", cell(t, "compare-rel-1", "total"));
        assertEquals("$239,460,480", cell(t, "compare-col-0", "annualTotal"));
        // categories, each followed by its items, then the totals, then the metrics
        List<Compare.RowKind> kinds = t.getItems().stream().map(Compare.Row::kind).toList();
        assertEquals(Compare.RowKind.CATEGORY, kinds.get(0));
        assertEquals(Compare.RowKind.ITEM, kinds.get(1));
        assertTrue(kinds.indexOf(Compare.RowKind.METRIC) > kinds.indexOf(Compare.RowKind.TOTAL));
        // the total's saving is drawn green (the cell's style class), a rendered cell says the same figure
        robot.interact(() -> t.scrollTo(t.getItems().stream().filter(r -> r.key().equals("total")).findFirst().orElseThrow()));
        TableCell<?, ?> diff = robot.lookup("#compareTable .table-cell.compare-saving").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n).filter(c -> "-$11,314,982".equals(c.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("the total's difference is not rendered as a saving"));
        assertTrue(diff.getTableColumn().getStyleClass().contains("numeric"));
        assertTrue(robot.lookup("#compareTable .table-cell.compare-increase").queryAll().isEmpty(),
                "the optimized plan costs no more anywhere");
        assertTrue(robot.lookup("#compareSummary").queryAs(Label.class).getText().contains("-$11,314,982.00 (-56.7%)"));
    }

    @Test
    void theGroupedBarsHaveASeriesPerStateAndTheCategoryCosts(FxRobot robot) throws Exception {
        showCompare(robot);
        @SuppressWarnings("unchecked")
        BarChart<String, Number> bars = robot.lookup("#compareBars").queryAs(BarChart.class);
        assertEquals(List.of("Original plan", "Optimized plan"), bars.getData().stream().map(XYChart.Series::getName).toList());
        Compare c = Compare.run(List.of(Variants.resolve(window.scenario(), "original"), Variants.resolve(window.scenario(), "optimized")));
        Compare.Row compute = c.rows().get(0);
        XYChart.Data<String, Number> d = bars.getData().get(1).getData().get(0);
        assertEquals(CompareBars.axisNames(List.of(compute)).get(0), d.getXValue());
        assertTrue(compute.label().startsWith(d.getXValue().replace("…", "")));
        assertEquals(compute.value(1), d.getYValue().doubleValue(), 1e-6);
        long nonZero = c.rows().stream().filter(r -> r.kind() == Compare.RowKind.CATEGORY && (r.value(0) != 0 || r.value(1) != 0)).count();
        assertEquals(nonZero, bars.getData().get(0).getData().size());
    }

    @Test
    void theWaterfallBarsAreTheEnginesStepsDrawnToScale(FxRobot robot) throws Exception {
        showCompare(robot);
        WaterfallChart w = waterfall(robot);
        List<WaterfallChart.Bar> bars = w.bars();
        Waterfall engine = Waterfall.run(Variants.resolve(window.scenario(), "original").scenario(),
                Variants.resolve(window.scenario(), "optimized").scenario(), List.of());
        assertEquals(engine.steps().size() + 2, bars.size());
        assertEquals(ORIGINAL, bars.get(0).end(), 0.005);
        assertEquals(0, bars.get(0).start());
        assertEquals(OPTIMIZED, bars.get(bars.size() - 1).end(), 0.005);
        double[] expected = {-3_366_720, -1_000_000, -648_262, -2_000_000, -500_000, -3_800_000};
        assertEquals(List.of("aggressive_autoscaling", "fewer_replicas", "connection_pooling", "more_ollama", "cheaper_gpus", "cdn_cache_hits"),
                order(robot));
        for (int i = 0; i < expected.length; i++) {
            WaterfallChart.Bar b = bars.get(i + 1);
            assertEquals(expected[i], b.delta(), 0.5, b.label());
            assertEquals(engine.steps().get(i).before(), b.start(), 1e-6);
            assertEquals(WaterfallChart.BarKind.SAVING, b.kind());
            // each bar starts where the one before ended
            assertEquals(bars.get(i).end(), b.start(), 1e-6);
        }
        assertEquals(engine.steps().get(0).change().label(), bars.get(1).label());
        // the tooltip: what changes, and the exact figure
        assertTrue(bars.get(1).detail().startsWith(engine.steps().get(0).change().describe()), bars.get(1).detail());
        assertTrue(bars.get(1).detail().contains("-$3,366,720.00"), bars.get(1).detail());
        // drawn to scale, left to right, on one baseline
        robot.interact(() -> w.layout());
        double first = w.barNode(0).getHeight();
        double step = w.barNode(1).getHeight();
        assertTrue(first > 50, "the chart has room: " + first);
        assertEquals(first * 3_366_720 / ORIGINAL, step, 1.0);
        assertEquals(first * OPTIMIZED / ORIGINAL, w.barNode(bars.size() - 1).getHeight(), 1.0);
        assertEquals(w.barNode(0).getBoundsInParent().getMaxY(), w.barNode(bars.size() - 1).getBoundsInParent().getMaxY(), 1.0);
        // a saving hangs from where the previous bar ended: its top is the first bar's top
        assertEquals(w.barNode(0).getBoundsInParent().getMinY(), w.barNode(1).getBoundsInParent().getMinY(), 1.0);
        for (int i = 1; i < bars.size(); i++) {
            assertTrue(w.barNode(i).getBoundsInParent().getMinX() > w.barNode(i - 1).getBoundsInParent().getMaxX(), "bar " + i);
        }
        String caption = robot.lookup("#compareWaterfallCaption").queryAs(Label.class).getText();
        assertTrue(caption.contains("-$11,314,982.00 (Original plan $19,955,040.00 → Optimized plan $8,640,058.00)"), caption);
    }

    @Test
    void movingAChangeUpInTheListRecomputesItsBar(FxRobot robot) {
        showCompare(robot);
        ListView<Waterfall.Step> list = orderList(robot);
        robot.interact(() -> list.scrollTo(2));
        Node pooling = robot.lookup("#compareOrder .list-cell").queryAll().stream()
                .filter(n -> ((ListCell<?>) n).getItem() instanceof Waterfall.Step s && s.change().id().equals("connection_pooling"))
                .findFirst().orElseThrow();
        robot.clickOn(pooling);
        assertEquals("connection_pooling", list.getSelectionModel().getSelectedItem().change().id());
        robot.clickOn("#compareMoveUp");
        robot.clickOn("#compareMoveUp");
        assertEquals(List.of("connection_pooling", "aggressive_autoscaling", "fewer_replicas", "more_ollama", "cheaper_gpus", "cdn_cache_hits"),
                order(robot));
        assertEquals(0, list.getSelectionModel().getSelectedIndex(), "the moved change stays selected");
        List<WaterfallChart.Bar> bars = waterfall(robot).bars();
        assertEquals(-848_262, bars.get(1).delta(), 0.5);
        assertEquals(-800_000, bars.get(3).delta(), 0.5);
        double sum = bars.subList(1, bars.size() - 1).stream().mapToDouble(WaterfallChart.Bar::delta).sum();
        assertEquals(OPTIMIZED - ORIGINAL, sum, 0.01);
        assertEquals(OPTIMIZED, bars.get(bars.size() - 1).end(), 0.005);
        assertTrue(robot.lookup("#compareMoveUp").query().isDisabled(), "the first change cannot move up");

        // the keyboard: Alt+Down moves the selected change one place later
        robot.interact(() -> list.scrollTo(0));
        robot.clickOn(robot.lookup("#compareOrder .list-cell").queryAll().stream()
                .filter(n -> ((ListCell<?>) n).getIndex() == 0).findFirst().orElseThrow());
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        assertEquals("aggressive_autoscaling", order(robot).get(0));
        assertEquals("connection_pooling", order(robot).get(1));

        robot.clickOn("#compareResetOrder");
        assertEquals("connection_pooling", order(robot).get(2));
        assertEquals(-648_262, waterfall(robot).bars().get(3).delta(), 0.5);
    }

    @Test
    void theCurrentColumnFollowsTheSlidersWhileShowing(FxRobot robot) throws Exception {
        showCompare(robot);
        CheckComboBox<CompareStates.State> p = picker(robot);
        robot.interact(() -> {
            p.getCheckModel().check(p.getItems().stream().filter(s -> s.label().equals("Current (sliders)")).findFirst().orElseThrow());
            p.getCheckModel().clearCheck(p.getItems().stream().filter(s -> s.label().equals("Original plan")).findFirst().orElseThrow());
        });
        @SuppressWarnings("unchecked")
        ComboBox<CompareStates.State> reference = robot.lookup("#compareReference").queryAs(ComboBox.class);
        assertEquals("Current (sliders)", reference.getValue().label());
        TableView<Compare.Row> t = table(robot);
        assertEquals(costscope.export.Formats.money(total(window.scenario()), "USD", 0), cell(t, "compare-col-0", "total"));
        assertEquals("$8,640,058", cell(t, "compare-col-1", "total"));

        robot.interact(() -> window.context().document().edit("fewer users", s -> s.withDriverValue("total_users", 1e8)));
        double now = total(window.scenario());
        assertNotEquals(ORIGINAL, now);
        assertEquals(costscope.export.Formats.money(now, "USD", 0), cell(t, "compare-col-0", "total"));
        assertEquals("$8,640,058", cell(t, "compare-col-1", "total"), "the optimized plan sets the users itself");
        WaterfallChart w = waterfall(robot);
        assertEquals(now, w.bars().get(0).end(), 0.005);
        assertEquals("total_users", order(robot).get(0), "the users now differ from the plan");

        // hidden, the view does not follow; shown again, it catches up
        showBreakdown(robot);
        robot.interact(() -> window.context().document().edit("more users", s -> s.withDriverValue("total_users", 1e9)));
        assertEquals(costscope.export.Formats.money(now, "USD", 0), cell(t, "compare-col-0", "total"));
        showCompare(robot);
        assertEquals(costscope.export.Formats.money(total(window.scenario()), "USD", 0), cell(t, "compare-col-0", "total"));
    }

    @Test
    void aModelWithProblemsShowsAMessageNotACrash(FxRobot robot) {
        showCompare(robot);
        robot.interact(() -> window.context().document().edit("break a price", s -> s.withItems(s.items().stream()
                .map(i -> i == s.items().get(0) ? i.withUnitPrice("no_such_variable * 2") : i).toList())));
        assertTrue(robot.lookup("#compareMessage").query().isVisible());
        assertEquals("The comparison can't be computed", robot.lookup("#compareMessageTitle").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#compareMessageText").queryAs(Label.class).getText().contains("no_such_variable"),
                robot.lookup("#compareMessageText").queryAs(Label.class).getText());
        robot.interact(() -> window.context().document().undo());
        assertFalse(robot.lookup("#compareMessage").query().isVisible());
        assertEquals("$19,955,040", cell(table(robot), "compare-col-0", "total"));
    }

    @Test
    void withOneStateTickedItAsksForTwo(FxRobot robot) {
        showCompare(robot);
        CheckComboBox<CompareStates.State> p = picker(robot);
        robot.interact(() -> p.getCheckModel().clearCheck(p.getItems().stream().filter(s -> s.label().equals("Optimized plan")).findFirst().orElseThrow()));
        assertTrue(robot.lookup("#compareMessage").query().isVisible());
        assertEquals("Pick at least two states", robot.lookup("#compareMessageTitle").queryAs(Label.class).getText());
        assertTrue(showing(robot.lookup("#compareStates").query()), "the picker stays to pick another");
    }

    @Test
    void aScenarioWithoutVariantsExplainsWhereTheyComeFrom(FxRobot robot) {
        showCompare(robot);
        robot.interact(() -> window.context().files().open(INNERWORLD));
        assertTrue(window.scenario().variants().isEmpty());
        assertTrue(robot.lookup("#compareMessage").query().isVisible());
        assertEquals("No variants to compare yet", robot.lookup("#compareMessageTitle").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#compareMessageText").queryAs(Label.class).getText().contains("\"Save as variant\""));
        assertFalse(showing(robot.lookup("#compareStates").query()), "nothing else is offered");
        assertFalse(showing(robot.lookup("#compareTable").query()));
        assertTrue(waterfall(robot).bars().isEmpty());
    }
}
