package costscope.ui.tables;

import costscope.engine.CompiledScenario;
import costscope.engine.Months;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import costscope.ui.charts.RangeAreaChart;
import costscope.ui.charts.RangeLineChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless: the Timeline tab of the real window shows RaptorFlow's phases month by month (the engine's figures,
 * computed here independently), marks its events, groups the table by year, and follows a slider.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {
    static final Path RAPTORFLOW = Path.of("sample-scenarios/raptorflow.json");
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, RAPTORFLOW);
    }

    static Months.Result engine(Scenario s) throws Exception {
        return Months.run(CompiledScenario.compile(s).newEvaluator(s));
    }

    @SuppressWarnings("unchecked")
    static TableView<TimelineRow> table(FxRobot robot) {
        return robot.lookup("#timelineTable").queryAs(TableView.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTabShowsTheEnginesMonthsAndEvents(FxRobot robot) throws Exception {
        TestWindow.showTab(robot, "Timeline");
        Months.Result r = engine(ScenarioFiles.load(RAPTORFLOW));
        TableView<TimelineRow> t = table(robot);
        assertEquals(12, t.getItems().size());
        assertEquals("0", t.getItems().get(0).period());
        assertEquals(costscope.export.Formats.money(r.months().get(2).total(), "USD"), t.getItems().get(2).total());
        assertEquals("Phase 1: quick wins (week 1); Phase 2: advanced optimization (week 2)", t.getItems().get(1).events());
        RangeAreaChart cost = robot.lookup("#timelineCostChart").queryAs(RangeAreaChart.class);
        assertEquals(window.scenario().categories().size(), cost.getData().size());
        assertEquals(12, cost.getData().get(0).getData().size());
        // events of one month share a mark: months 1 and 2
        assertEquals(2, cost.markers().scalePoints().size());
        assertEquals(1.0, cost.markers().scalePoints().get(0).x(), 0.0);
        RangeLineChart cash = robot.lookup("#timelineCashChart").queryAs(RangeLineChart.class);
        assertEquals(r.months().get(11).cash(), cash.getData().get(0).getData().get(11).getYValue().doubleValue(), 1e-9);
        String summary = robot.lookup("#timelineSummary").queryAs(Label.class).getText();
        assertTrue(summary.contains("Payback of Phase 3: serverless migration (month 2) (month 2): no one-off cost"), summary);
        assertTrue(robot.lookup("#timelineCaption").queryAs(Label.class).getText().startsWith("12 months, numbered from 0"));

        ChoiceBox<String> by = robot.lookup("#timelinePeriod").queryAs(ChoiceBox.class);
        robot.interact(() -> by.setValue("year"));
        assertEquals(1, t.getItems().size());
        assertEquals("0\u201311", t.getItems().get(0).period());
        double year = r.months().stream().mapToDouble(Months.Month::total).sum();
        assertEquals(costscope.export.Formats.money(year, "USD"), t.getItems().get(0).total());
    }

    @Test
    void milestonesAreMarkedAndTheCostAxisGoesLog(FxRobot robot) throws Exception {
        robot.interact(() -> window.context().files().open(Path.of("sample-scenarios/billion-users.json")));
        TestWindow.showTab(robot, "Timeline");
        WaitForAsyncUtils.waitForFxEvents();
        RangeAreaChart cost = robot.lookup("#timelineCostChart").queryAs(RangeAreaChart.class);
        var marks = cost.markers().scalePoints();
        // users at months 0, 12, 24, 36, 48 (regions too at 0 and 12), in one mark per month
        assertEquals(java.util.List.of(0.0, 12.0, 24.0, 36.0, 48.0), marks.stream().map(m -> m.x()).toList());
        assertEquals("Registered users 100,000; Regions 1", marks.get(0).label());
        assertEquals("Registered users 1,000,000; Regions 5", marks.get(1).label());
        robot.interact(() -> robot.lookup("#timelineLog").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        assertTrue(cost.yAxis().isLogarithmic());

        // a timeline with a problem shows nothing; then a scenario without a timeline says so, and where to start one
        robot.interact(() -> window.context().document().edit("Break", s -> s.withTimeline(s.timeline().withMonths(0))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The timeline appears once the scenario has no problems.", robot.lookup("#timelineCaption").queryAs(Label.class).getText());
        robot.interact(() -> window.context().document().markSaved(window.context().document().file()));
        robot.interact(() -> window.context().files().open(Path.of("sample-scenarios/beatsight.json")));
        WaitForAsyncUtils.waitForFxEvents();
        String caption = robot.lookup("#timelineCaption").queryAs(Label.class).getText();
        assertTrue(caption.startsWith("This scenario has no timeline. Start one in the Model tab"), caption);
        assertEquals(0, cost.getData().size());
    }

    @Test
    void aSliderMovesTheWholeTimeline(FxRobot robot) throws Exception {
        TestWindow.showTab(robot, "Timeline");
        String driver = window.scenario().drivers().get(0).id();
        double v = window.scenario().drivers().get(0).value() * 2;
        robot.interact(() -> window.context().document().edit("Set " + driver, s -> s.withDriverValue(driver, v)));
        WaitForAsyncUtils.waitForFxEvents();
        Scenario now = window.scenario();
        Months.Result r = engine(now);
        assertEquals(costscope.export.Formats.money(r.months().get(5).total(), "USD"), table(robot).getItems().get(5).total());
    }
}
