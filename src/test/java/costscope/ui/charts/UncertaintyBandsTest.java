package costscope.ui.charts;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.MonteCarlo;
import costscope.engine.Sweep;
import costscope.export.Formats;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import costscope.ui.recalc.ChartRange;
import costscope.ui.recalc.HoldingRunner;
import costscope.ui.recalc.Simulations;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The uncertainty of a scenario with a range, in the window: P10-P90 and P5-P95 bands on the cost-per-user and total
 * charts drawn at the simulations' numbers, the headline's and the levers' P10-P90, all gone for a scenario without
 * ranges, and drawn lighter ("estimating…") until the full run lands. The expected numbers come from the engine
 * ({@link MonteCarlo}, same samples and seed), and are checked against the range's own arithmetic.
 */
@ExtendWith(ApplicationExtension.class)
class UncertaintyBandsTest {
    /** The minimal example with messages per user uniform from 200 to 400 (deterministic: 300). */
    static final Path RANGE = Path.of("src/test/resources/scenarios/example-range.json");
    static final Path PLAIN = Path.of("src/test/resources/scenarios/example.json");
    static final String EN = "\u2013";

    TestWindow window;
    final HoldingRunner tasks = new HoldingRunner();

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, RANGE, tasks);
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T node(FxRobot robot, String id) {
        return (T) robot.lookup(id).query();
    }

    private Simulations.Snapshot snapshot() {
        return window.context().simulations().snapshot();
    }

    /** The engine at the document's driver values and levers, as the simulations start from. */
    private static Evaluator engine(Scenario s) {
        try {
            return CompiledScenario.compile(s).newEvaluator(s);
        } catch (costscope.model.ScenarioException e) {
            throw new AssertionError(e);
        }
    }

    private static MonteCarlo.Options options() {
        return MonteCarlo.Options.of(MonteCarlo.DEFAULT_SAMPLES, MonteCarlo.DEFAULT_SEED);
    }

    private static int nearest(double[] points, double x) {
        int best = 0;
        for (int i = 0; i < points.length; i++) if (Math.abs(points[i] - x) < Math.abs(points[best] - x)) best = i;
        return best;
    }

    private void layout(FxRobot robot) {
        robot.interact(() -> window.scene().getRoot().layout());
    }

    /** The polygon's points as (x, y) pairs: the top edge left to right, then the bottom edge right to left. */
    private static void assertBand(javafx.scene.shape.Polygon band, LogAxis xAxis, LogAxis yAxis, double[] x, double[] top,
                                   double[] bottom) {
        List<Double> p = band.getPoints();
        int n = x.length;
        assertEquals(4 * n, p.size(), "two points per sweep point");
        for (int i = 0; i < n; i++) {
            double px = xAxis.getDisplayPosition(x[i]);
            assertEquals(px, p.get(2 * i), 1e-9, "top edge x at point " + i);
            assertEquals(yAxis.getDisplayPosition(top[i]), p.get(2 * i + 1), 1e-9, "top edge y at point " + i);
            int j = 2 * n - 1 - i;
            assertEquals(px, p.get(2 * j), 1e-9, "bottom edge x at point " + i);
            assertEquals(yAxis.getDisplayPosition(bottom[i]), p.get(2 * j + 1), 1e-9, "bottom edge y at point " + i);
            assertTrue(Double.isFinite(p.get(2 * i + 1)) && Double.isFinite(p.get(2 * j + 1)));
        }
    }

    @Test
    void bandsAreTheSimulationsPercentilesAtTheirPixels(FxRobot robot) {
        Scenario s = window.scenario();
        Simulations.Snapshot snap = snapshot();
        assertNotNull(snap, "the scenario has a range: the simulations ran");
        assertTrue(snap.complete());
        assertEquals(10_000, snap.samples());

        // the bands are the engine's banded sweep over the chart range, same samples and seed
        ChartRange range = ChartRange.of(s);
        double[] points = Sweep.points(range.from(), range.to(), Simulations.BAND_POINTS, range.log());
        MonteCarlo.Bands engine = MonteCarlo.sweep(engine(s), "active_users", points, List.of("total", "costPerUser"),
                options(), () -> false);
        MonteCarlo.Band cpu = snap.band("costPerUser");
        assertArrayEquals(points, snap.bands().points());
        assertArrayEquals(engine.bands().get(1).p10(), cpu.p10());
        assertArrayEquals(engine.bands().get(1).p90(), cpu.p90());
        assertArrayEquals(engine.bands().get(0).p5(), snap.band("total").p5());

        // the range's own arithmetic: at x users the LLM costs 0.0027 x messages a user, the database 0.348 x 730 h
        int at1k = nearest(points, 1000);
        double x1k = points[at1k];
        MonteCarlo.Band total = snap.band("total");
        assertEquals(254.04 + 0.0027 * x1k * 220, total.p10()[at1k], 0.01 * total.p10()[at1k], "P10 of messages is about 220");
        assertEquals(254.04 + 0.0027 * x1k * 380, total.p90()[at1k], 0.01 * total.p90()[at1k], "P90 of messages is about 380");

        layout(robot);
        RangeLineChart cpuChart = node(robot, "#costPerUserChart");
        RangeBands bands = cpuChart.bands();
        assertTrue(bands.isShown() && bands.node().isVisible());
        assertFalse(bands.isEstimating());
        // log x and log y: every point is drawn, at the axes' positions of P10/P90 and P5/P95
        assertTrue(cpuChart.xAxis().isLogarithmic() && cpuChart.yAxis().isLogarithmic());
        assertBand(bands.inner(), cpuChart.xAxis(), cpuChart.yAxis(), points, cpu.p90(), cpu.p10());
        assertBand(bands.outer(), cpuChart.xAxis(), cpuChart.yAxis(), points, cpu.p95(), cpu.p5());
        // behind the curve: the first of the plot's children, before the line
        List<Node> plot = bands.node().getParent().getChildrenUnmodifiable();
        assertTrue(plot.indexOf(bands.node()) < plot.indexOf(cpuChart.getData().get(0).getNode()));
        // the band spans the axis' range: the y axis reaches the highest P95
        double maxP95 = java.util.Arrays.stream(cpu.p95()).max().orElseThrow();
        assertTrue(cpuChart.yAxis().getUpperBound() >= maxP95);
        // the deterministic curve (messages 300, the median) lies inside P10-P90 across the range
        Sweep.Result det = Sweep.run(engine(s), "active_users", range.from(), range.to(), Simulations.BAND_POINTS, range.log());
        assertArrayEquals(points, det.x());
        for (int i = 0; i < points.length; i++) {
            double y = det.costPerUser()[i];
            assertTrue(cpu.p10()[i] < y && y < cpu.p90()[i], "the curve inside the band at " + points[i]);
            assertTrue(cpu.p5()[i] < cpu.p10()[i] && cpu.p90()[i] < cpu.p95()[i]);
        }

        // the total: over the stacked categories, under the markers, on a linear and then a log y axis
        RangeAreaChart totalChart = node(robot, "#totalChart");
        RangeBands tb = totalChart.bands();
        assertTrue(tb.isShown());
        List<Node> stack = tb.node().getParent().getChildrenUnmodifiable();
        for (XYChart.Series<Number, Number> c : totalChart.getData()) {
            assertTrue(stack.indexOf(c.getNode()) < stack.indexOf(tb.node()), "over " + c.getName());
        }
        assertFalse(totalChart.yAxis().isLogarithmic());
        assertBand(tb.inner(), totalChart.xAxis(), totalChart.yAxis(), points, total.p90(), total.p10());
        assertEquals(RangeAreaChart.edge(totalChart.getData().get(totalChart.getData().size() - 1)).getPoints(), tb.curve().getPoints(),
                "the total drawn again over the bands");
        robot.interact(() -> ((CheckBox) node(robot, "#totalLog")).setSelected(true));
        layout(robot);
        assertTrue(totalChart.yAxis().isLogarithmic());
        assertBand(tb.outer(), totalChart.xAxis(), totalChart.yAxis(), points, total.p95(), total.p5());
        assertTrue(totalChart.yAxis().getLowerBound() <= java.util.Arrays.stream(total.p5()).min().orElseThrow());

        // the key says what the bands are
        VBox key = node(robot, "#bandLegend");
        assertTrue(key.isVisible());
        assertEquals("P10" + EN + "P90 of 10,000 samples", ((Label) node(robot, "#bandInnerText")).getText());
        assertFalse(((Label) node(robot, "#bandState")).isVisible());
        // the tooltip at a point reads the band's numbers there
        assertEquals(at1k, bands.nearest(cpuChart.xAxis().getDisplayPosition(x1k) + 1));
        String tip = bands.text(at1k);
        assertTrue(tip.startsWith("Active users " + AxisMath.compact(x1k) + ":"), tip);
        assertTrue(tip.contains("P10" + EN + "P90 " + Formats.money(cpu.p10()[at1k], "USD") + " " + EN + " "
                + Formats.money(cpu.p90()[at1k], "USD")), tip);
        assertTrue(tip.contains("P5" + EN + "P95 " + Formats.money(cpu.p5()[at1k], "USD")), tip);
    }

    @Test
    void headlineAndLeversShowTheirP10ToP90(FxRobot robot) {
        Scenario s = window.scenario();
        MonteCarlo.Result r = MonteCarlo.run(engine(s), List.of("total", "costPerUser", "saving(cache)"), options(), () -> false);
        MonteCarlo.Spread total = r.outputs().get(0);
        MonteCarlo.Spread cpu = r.outputs().get(1);
        MonteCarlo.Spread cache = r.outputs().get(2);
        // the same numbers as the snapshot's
        assertEquals(total.p10(), snapshot().of("total").p10());
        assertEquals(cache.p90(), snapshot().saving("cache").p90());

        Label totalSpread = node(robot, "#headline-spread-monthlyTotal");
        Label cpuSpread = node(robot, "#headline-spread-costPerUser");
        assertTrue(totalSpread.isVisible() && cpuSpread.isVisible());
        assertEquals("P10" + EN + "P90 " + Formats.money(total.p10(), "USD") + " " + EN + " " + Formats.money(total.p90(), "USD"),
                totalSpread.getText());
        assertEquals("P10" + EN + "P90 " + Formats.money(cpu.p10(), "USD") + " " + EN + " " + Formats.money(cpu.p90(), "USD"),
                cpuSpread.getText());
        // uniform 200-400 messages: P10 about 220, so about $254.04 + 2.7 x 220 at 1,000 users
        assertEquals(848.04, total.p10(), 2);
        assertTrue(totalSpread.getText().matches("P10" + EN + "P90 \\$84\\d\\.\\d\\d " + EN + " \\$1,2\\d\\d\\.\\d\\d"),
                totalSpread.getText());
        assertFalse(((Label) node(robot, "#headline-spread-annualTotal")).isVisible(), "no spread simulated for the annual total");

        Label lever = robot.lookup(costscope.ui.base.NodeKeys.is("saving-spread-cache")).queryAs(Label.class);
        assertTrue(lever.isVisible());
        assertEquals("P10" + EN + "P90 saves " + Formats.money(cache.p10(), "USD") + " " + EN + " " + Formats.money(cache.p90(), "USD"),
                lever.getText());
        assertEquals(0.54 * 220, cache.p10(), 1, "the cache saves 20% of 2.7 x messages");
        assertNull(lever.getTooltip(), "its tooltip is built when the mouse first comes over it");
        robot.moveTo(lever);
        assertNotNull(lever.getTooltip());
    }

    @Test
    void aScenarioWithoutRangesHasNoBandsAndNoSpreads(FxRobot robot) {
        assertNotNull(snapshot());
        robot.interact(() -> window.context().files().open(PLAIN));
        assertNull(snapshot());
        layout(robot);
        assertFalse(((RangeLineChart) node(robot, "#costPerUserChart")).bands().isShown());
        assertFalse(((RangeAreaChart) node(robot, "#totalChart")).bands().isShown());
        assertFalse(((RangeLineChart) node(robot, "#costPerUserChart")).bands().node().isVisible());
        assertFalse(node(robot, "#bandLegend").isVisible());
        assertFalse(node(robot, "#headline-spread-monthlyTotal").isVisible());
        assertFalse(node(robot, "#headline-spread-costPerUser").isVisible());
        assertFalse(robot.lookup(costscope.ui.base.NodeKeys.is("saving-spread-cache")).queryAs(Label.class).isVisible());
        // and back
        robot.interact(() -> window.context().files().open(RANGE));
        assertTrue(((RangeLineChart) node(robot, "#costPerUserChart")).bands().isShown());
        assertTrue(node(robot, "#headline-spread-monthlyTotal").isVisible());
    }

    @Test
    void aFirstEstimateIsDrawnLighterUntilTheFullRunLands(FxRobot robot) {
        RangeLineChart cpuChart = node(robot, "#costPerUserChart");
        Label state = node(robot, "#bandState");
        Label totalSpread = node(robot, "#headline-spread-monthlyTotal");
        assertFalse(cpuChart.bands().isEstimating());
        tasks.holding = true;
        robot.interact(() -> window.context().document().edit("More messages", sc -> sc.withDriverValue("messages", 350)));
        // a run is on its way: the bands on show are out of date
        assertTrue(cpuChart.bands().isEstimating());
        assertTrue(state.isVisible());
        assertEquals("updating\u2026", state.getText());
        assertTrue(totalSpread.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("estimating")));
        boolean sawEstimate = false;
        while (!tasks.held.isEmpty()) {
            Runnable next = tasks.held.remove(0);
            robot.interact(next);
            Simulations.Snapshot snap = snapshot();
            if (snap != null && !snap.complete()) {
                sawEstimate = true;
                assertEquals(Simulations.FIRST_SAMPLES, snap.samples());
                assertTrue(cpuChart.bands().isEstimating());
                assertEquals("estimating\u2026", state.getText());
                assertEquals("P10" + EN + "P90 of 1,000 samples", ((Label) node(robot, "#bandInnerText")).getText());
                layout(robot);
                MonteCarlo.Band estimate = snap.band("costPerUser");
                assertBand(cpuChart.bands().inner(), cpuChart.xAxis(), cpuChart.yAxis(), snap.bands().points(),
                        estimate.p90(), estimate.p10());
            }
        }
        tasks.holding = false;
        assertTrue(sawEstimate, "the first estimate landed before the full run");
        assertTrue(snapshot().complete());
        assertFalse(cpuChart.bands().isEstimating());
        assertFalse(state.isVisible());
        assertEquals("P10" + EN + "P90 of 10,000 samples", ((Label) node(robot, "#bandInnerText")).getText());
        assertFalse(totalSpread.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("estimating")));
    }
}
