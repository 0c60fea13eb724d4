package costscope.ui.whatif;

import costscope.ui.charts.TornadoChart;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.formula.Fn;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import costscope.whatif.Output;
import costscope.whatif.Sensitivity;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.shape.Rectangle;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless: the tornado of the real window shows the engine's figures (computed here independently, driver by driver)
 * for InnerWorld at the current slider values, sorted by effect, with bar lengths proportional to the effects; it
 * follows edits while showing, catches up when shown, keeps the chosen output, and pages long tornados.
 */
@ExtendWith(ApplicationExtension.class)
class SensitivityViewTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    static final Path BILLION = Path.of("sample-scenarios/billion-users.json");
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, INNERWORLD);
    }

    void showSensitivity(FxRobot robot) {
        TestWindow.showWhatIf(robot, "Sensitivity");
    }

    void showBreakdown(FxRobot robot) {
        TestWindow.showTab(robot, "Breakdown");
    }

    TornadoChart chart(FxRobot robot) {
        return robot.lookup("#tornadoChart").queryAs(TornadoChart.class);
    }

    String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The output with one driver set, the others at the scenario's values: evaluated here, not by the view. */
    static double engine(Scenario s, String output, String driver, double value) throws Exception {
        Evaluator e = CompiledScenario.compile(s).newEvaluator();
        e.setValues(s);
        e.setDriver(driver, value);
        if (output.equals("total")) return e.total();
        Fn f = Output.of(s, output).compile(e.compiled());
        return e.value(f);
    }

    static double left(TornadoChart.RowNodes r) {
        return Math.min(r.low().getX(), r.high().getX());
    }

    static double right(TornadoChart.RowNodes r) {
        return Math.max(r.low().getX() + r.low().getWidth(), r.high().getX() + r.high().getWidth());
    }

    @Test
    void theTornadoIsTheEnginesSortedAndToScale(FxRobot robot) throws Exception {
        showSensitivity(robot);
        List<TornadoChart.RowNodes> rows = chart(robot).rows();
        // only the three drivers that move the total, largest effect first
        assertEquals(List.of("concurrent_users", "sonnet_output_tokens", "sonnet_input_tokens"),
                rows.stream().map(r -> r.bar().driver()).toList());
        TornadoChart.RowNodes top = rows.get(0);
        assertEquals(800, top.bar().low(), 1e-9);
        assertEquals(1200, top.bar().high(), 1e-9);
        assertEquals(engine(window.scenario(), "total", "concurrent_users", 800), top.bar().outLow(), 1e-9);
        assertEquals(engine(window.scenario(), "total", "concurrent_users", 1200), top.bar().outHigh(), 1e-9);
        assertEquals(1950.40, top.bar().outLow(), 1e-6);
        assertEquals("$1,950.40", top.lowValue().getText());
        assertEquals("$2,667.74", top.highValue().getText());
        assertEquals("Concurrent users", top.name().getText());
        assertEquals("800 – 1.2k users", top.range().getText());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).bar().effect() >= rows.get(i).bar().effect(), "sorted by effect");
        }
        // bar lengths proportional to the effects, split at the base line
        double scale = (right(top) - left(top)) / top.bar().effect();
        assertTrue(scale > 0.1, "bars have a visible length: " + scale);
        for (TornadoChart.RowNodes r : rows) {
            assertEquals(r.bar().effect() * scale, right(r) - left(r), 1.0, r.bar().driver());
            Rectangle low = r.low();
            assertEquals(chart(robot).baseLine().getStartX(), low.getX() + low.getWidth(), 1.0, "the low part ends at the base");
            assertEquals(chart(robot).baseLine().getStartX(), r.high().getX(), 1.0, "the high part starts at the base");
        }
        assertEquals("Monthly total = $2,309.00. It hangs most on Concurrent users: from $1,950.40 to $2,667.74 as it moves ±20% (800 to 1,200).",
                text(robot, "#sensitivityCaption"));
        assertEquals("5 drivers have no effect on Monthly total: Peak concurrency share, Active users per concurrent user, "
                + "Premium subscription price, Premium conversion, Funding.", text(robot, "#sensitivityNoEffect"));
        assertFalse(robot.lookup("#sensitivityShowAll").queryAs(CheckBox.class).isVisible(), "three rows need no paging");
    }

    @Test
    void followsEditsWhileShowingAndCatchesUpWhenShown(FxRobot robot) throws Exception {
        showSensitivity(robot);
        robot.interact(() -> window.context().document().edit("Users", s -> s.withDriverValue("concurrent_users", 2000)));
        WaitForAsyncUtils.waitForFxEvents();
        TornadoChart.RowNodes top = chart(robot).rows().get(0);
        assertEquals("concurrent_users", top.bar().driver());
        assertEquals(2000, top.bar().value(), 0);
        assertEquals(engine(window.scenario(), "total", "concurrent_users", 1600), top.bar().outLow(), 1e-9);
        assertEquals(engine(window.scenario(), "total", "concurrent_users", 2400), top.bar().outHigh(), 1e-9);

        // hidden: an edit leaves the view alone; shown again, it catches up
        showBreakdown(robot);
        robot.interact(() -> window.context().document().edit("Tokens", s -> s.withDriverValue("sonnet_output_tokens", 500_000)));
        WaitForAsyncUtils.waitForFxEvents();
        Sensitivity.Bar stale = chart(robot).rows().get(0).bar();
        assertEquals("concurrent_users", stale.driver(), "no work while hidden");
        assertEquals(50_000, valueShown(chart(robot), "sonnet_output_tokens"), 0);
        showSensitivity(robot);
        assertEquals(500_000, valueShown(chart(robot), "sonnet_output_tokens"), 0);
        Sensitivity.Bar users = chart(robot).rows().get(0).bar();
        assertEquals(engine(window.scenario(), "total", "concurrent_users", 1600), users.outLow(), 1e-9);
        assertEquals(engine(window.scenario(), "total", "concurrent_users", 2000), users.base(), 1e-9);
    }

    /** The value a driver had in the computation the chart shows. */
    static double valueShown(TornadoChart chart, String driver) {
        return chart.rows().stream().map(TornadoChart.RowNodes::bar).filter(b -> b.driver().equals(driver)).findFirst().orElseThrow().value();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChosenOutputAndSwingAreKeptAcrossEdits(FxRobot robot) throws Exception {
        showSensitivity(robot);
        ComboBox<Output> box = robot.lookup("#sensitivityOutput").queryAs(ComboBox.class);
        assertEquals("total", box.getValue().formula());
        assertTrue(box.getItems().stream().anyMatch(o -> o.label().equals("Cost per active user")), box.getItems().toString());
        Output perUser = box.getItems().stream().filter(o -> o.formula().equals("costPerUser")).findFirst().orElseThrow();
        Spinner<Integer> swing = robot.lookup("#sensitivitySwing").queryAs(Spinner.class);
        robot.interact(() -> {
            box.setValue(perUser);
            swing.getValueFactory().setValue(50);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.context().document().edit("Tokens", s -> s.withDriverValue("sonnet_input_tokens", 300_000)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("costPerUser", box.getValue().formula(), "the output survives the edit");
        TornadoChart.RowNodes top = chart(robot).rows().get(0);
        Sensitivity.Bar b = top.bar();
        var d = window.scenario().driver(b.driver());
        double lowest = d.min() == null ? d.value() * 0.5 : Math.max(d.min(), d.value() * 0.5);
        assertEquals(lowest, b.low(), 1e-9 * Math.abs(d.value()), "±50%, inside the declared min");
        assertEquals(d.max() == null ? d.value() * 1.5 : Math.min(d.max(), d.value() * 1.5), b.high(), 1e-9 * Math.abs(d.value()));
        assertEquals(engine(window.scenario(), "costPerUser", b.driver(), b.low()), b.outLow(), 1e-12);
        assertEquals(engine(window.scenario(), "costPerUser", b.driver(), b.high()), b.outHigh(), 1e-12);
        assertEquals(engine(window.scenario(), "costPerUser", "concurrent_users", 1000), b.base(), 1e-12);
        assertTrue(text(robot, "#sensitivityCaption").startsWith("Cost per active user = $"), text(robot, "#sensitivityCaption"));
        assertTrue(robot.lookup(".tornado-legend-text").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("driver −50%")));
    }

    @Test
    void aLongTornadoShowsTheTopTwelveThenAll(FxRobot robot) throws Exception {
        robot.interact(() -> window.context().files().open(BILLION));
        showSensitivity(robot);
        assertEquals(SensitivityController.TOP_ROWS, chart(robot).rows().size());
        CheckBox all = robot.lookup("#sensitivityShowAll").queryAs(CheckBox.class);
        assertTrue(all.isVisible());
        assertEquals("Show all 17 drivers", all.getText());
        assertEquals("total_users", chart(robot).rows().get(0).bar().driver());
        assertEquals(engine(window.scenario(), "total", "total_users", 8e8), chart(robot).rows().get(0).bar().outLow(), 1e-6);
        assertTrue(text(robot, "#sensitivityNoEffect").startsWith("4 drivers have no effect on Monthly total: "));
        robot.clickOn(all);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(17, chart(robot).rows().size());
        // every label fits its column: no driver name is cut
        robot.interact(() -> chart(robot).layout());
        for (TornadoChart.RowNodes r : chart(robot).rows()) {
            assertTrue(r.name().getWidth() >= r.name().prefWidth(-1) - 0.5, r.name().getText());
        }
    }
}
