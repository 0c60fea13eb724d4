package costscope.ui.charts;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.engine.Sweep;
import costscope.model.Driver;
import costscope.model.Lever;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import costscope.ui.recalc.ChartRange;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charts show the engine's sweep and results for the open scenario, and follow every change. */
@ExtendWith(ApplicationExtension.class)
class ChartsPanelTest {
    static final java.nio.file.Path INNERWORLD = java.nio.file.Path.of("sample-scenarios/innerworld.json");
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, null);
    }

    private void open(FxRobot robot, String file) {
        robot.interact(() -> window.context().files().open(java.nio.file.Path.of(file)));
    }

    /** The engine, directly: an evaluator at the scenario's driver values and lever states. */
    private static Evaluator engine(Scenario s) {
        Evaluator e;
        try {
            e = CompiledScenario.compile(s).newEvaluator();
        } catch (costscope.model.ScenarioException ex) {
            throw new AssertionError(ex);
        }
        for (Driver d : s.drivers()) e.setDriver(d.id(), d.value());
        for (Lever l : s.levers()) e.setLever(l.id(), l.enabled());
        return e;
    }

    private static Sweep.Result engineSweep(Scenario s) {
        var sw = s.sweep();
        return Sweep.run(engine(s), sw.driver(), sw.from(), sw.to(), ChartRange.SWEEP_POINTS, sw.log());
    }

    @SuppressWarnings("unchecked")
    private <T extends Node> T node(FxRobot robot, String id) {
        return (T) robot.lookup(id).query();
    }

    private void selectTab(FxRobot robot, int index) {
        robot.interact(() -> ((TabPane) robot.lookup("#chartTabs").query()).getSelectionModel().select(index));
    }

    private Scenario scenario() {
        return window.context().document().scenario();
    }

    private static void assertSeries(double[] x, double[] y, XYChart.Series<Number, Number> series) {
        assertEquals(x.length, series.getData().size());
        for (int i = 0; i < x.length; i++) {
            XYChart.Data<Number, Number> d = series.getData().get(i);
            assertEquals(x[i], d.getXValue().doubleValue(), 0, "x at point " + i);
            assertEquals(y[i], d.getYValue().doubleValue(), 0, series.getName() + " at x = " + x[i]);
        }
    }

    @Test
    void seriesEqualTheEnginesSweep(FxRobot robot) {
        open(robot, INNERWORLD.toString());
        Sweep.Result sw = engineSweep(scenario());
        assertEquals(240, sw.x().length);
        assertEquals(10, sw.x()[0]);
        assertEquals(1e6, sw.x()[239]);

        RangeLineChart cpu = node(robot, "#costPerUserChart");
        assertEquals(1, cpu.getData().size());
        assertSeries(sw.x(), sw.costPerUser(), cpu.getData().get(0));

        RangeAreaChart total = node(robot, "#totalChart");
        assertEquals(sw.categories().size(), total.getData().size());
        for (int k = 0; k < sw.categories().size(); k++) {
            assertEquals(scenario().categories().get(k).label(), total.getData().get(k).getName());
            assertSeries(sw.x(), sw.categoryMonthly()[k], total.getData().get(k));
        }
        // the stack adds up to the engine's total at every point
        for (int i = 0; i < sw.x().length; i++) {
            double sum = 0;
            for (XYChart.Series<Number, Number> s : total.getData()) sum += s.getData().get(i).getYValue().doubleValue();
            assertEquals(sw.total()[i], sum, Math.abs(sw.total()[i]) * 1e-12);
        }

        // drawn as a stack: the top category's edge is at the total, each band from the one below to its own top
        robot.interact(() -> window.scene().getRoot().layout());
        XYChart.Series<Number, Number> top = total.getData().get(total.getData().size() - 1);
        List<Double> edge = RangeAreaChart.edge(top).getPoints();
        assertEquals(2 * sw.x().length, edge.size());
        for (int i = 0; i < sw.x().length; i += 17) {
            assertEquals(total.xAxis().getDisplayPosition(sw.x()[i]), edge.get(2 * i), 1e-9);
            assertEquals(total.yAxis().getDisplayPosition(sw.total()[i]), edge.get(2 * i + 1), 1e-6);
        }
        List<Double> firstBand = RangeAreaChart.band(total.getData().get(0)).getPoints();
        assertEquals(4 * sw.x().length, firstBand.size());
        assertEquals(total.yAxis().getDisplayPosition(0.0), firstBand.get(firstBand.size() - 1), 1e-9);
        assertEquals(total.yAxis().getDisplayPosition(sw.categoryMonthly()[0][0]), firstBand.get(1), 1e-9);

        selectTab(robot, 1);
        RangeAreaChart shares = node(robot, "#shareChart");
        for (int k = 0; k < sw.categories().size(); k++) {
            double[] pct = new double[sw.x().length];
            for (int i = 0; i < pct.length; i++) pct[i] = sw.categoryMonthly()[k][i] / sw.total()[i] * 100;
            assertSeries(sw.x(), pct, shares.getData().get(k));
        }
        // x axes span the sweep range, log
        assertEquals(10, cpu.xAxis().getLowerBound());
        assertEquals(1e6, cpu.xAxis().getUpperBound());
        assertTrue(cpu.xAxis().isLogarithmic());
        assertTrue(cpu.yAxis().isLogarithmic());
    }

    @Test
    void pieShowsTheCategoryCostsAtTheCurrentPoint(FxRobot robot) {
        open(robot, INNERWORLD.toString());
        selectTab(robot, 1);
        Results r = engine(scenario()).evaluate();
        DonutChart pie = node(robot, "#sharePie");
        List<Results.CategoryResult> nonZero = r.categories().stream().filter(c -> c.monthly() > 0).toList();
        // InnerWorld's caching layer costs nothing at 1,000 users: no slice for it
        assertEquals(r.categories().size() - 1, nonZero.size());
        assertEquals(nonZero.size(), pie.getData().size());
        for (int i = 0; i < nonZero.size(); i++) {
            PieChart.Data d = pie.getData().get(i);
            assertEquals(nonZero.get(i).monthly(), d.getPieValue(), 0);
            assertEquals(costscope.export.Formats.percent(nonZero.get(i).share()), d.getName());
            assertEquals("slice-" + nonZero.get(i).id(), d.getNode().getId());
        }
        assertEquals("$2,309\nper month", pie.caption().getText());
        // the legend lists every category with its share; the zero one greyed
        HBox caching = node(robot, "#legend-caching");
        assertTrue(caching.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("zero")));
        HBox llm = node(robot, "#legend-llm");
        assertEquals(costscope.export.Formats.percent(r.category("llm").share()), ((Label) llm.getChildren().get(2)).getText());
        assertEquals("Total $2,309.00 / month", robot.lookup("#legendTotal").queryAs(Label.class).getText());
    }

    @Test
    void aDriverChangeMovesTheMarkerAndUpdatesThePieInPlace(FxRobot robot) {
        open(robot, INNERWORLD.toString());
        RangeLineChart cpu = node(robot, "#costPerUserChart");
        RangeAreaChart total = node(robot, "#totalChart");
        assertTrue(robot.lookup("#sharePie").tryQuery().isEmpty() && robot.lookup("#shareChart").tryQuery().isEmpty(),
                "the shares tab's charts are built when it is first shown, not before");
        assertEquals(1000, cpu.markers().currentX());
        assertEquals("Concurrent users: 1,000", robot.lookup("#legendPoint").queryAs(Label.class).getText());
        double lineBefore = cpu.markers().currentLineX();
        XYChart.Series<Number, Number> cpuSeries = cpu.getData().get(0);
        XYChart.Data<Number, Number> firstPoint = cpuSeries.getData().get(0);
        XYChart.Series<Number, Number> llmSeries = total.getData().get(6);

        robot.interact(() -> window.context().document().edit("Set concurrent users",
                s -> s.withDriverValue("concurrent_users", 10000)));

        Results r = engine(scenario()).evaluate();
        assertEquals(10000, scenario().driver("concurrent_users").value());
        // the marker is at 10,000, on the curve
        for (RangeMarkers m : List.of(cpu.markers(), total.markers())) assertEquals(10000, m.currentX());
        assertEquals("Concurrent users: 10,000", robot.lookup("#legendPoint").queryAs(Label.class).getText());
        assertEquals(r.value("costPerUser"), cpu.markers().currentY(), 0);
        assertEquals(r.monthlyTotal(), total.markers().currentY(), 0);
        double lineAfter = cpu.markers().currentLineX();
        assertEquals(Math.floor(cpu.xAxis().getDisplayPosition(10000)) + 0.5, lineAfter, 1e-9);
        // one decade to the right on a five-decade axis
        assertEquals(cpu.xAxis().getWidth() / 5, lineAfter - lineBefore, 1.0);
        // the hidden shares tab catches up when shown (its charts built then): the pie shows the costs at 10,000
        selectTab(robot, 1);
        DonutChart pie = node(robot, "#sharePie");
        RangeAreaChart shares = node(robot, "#shareChart");
        assertEquals(10000, shares.markers().currentX());
        List<Results.CategoryResult> nonZero = r.categories().stream().filter(c -> c.monthly() > 0).toList();
        assertEquals(nonZero.size(), pie.getData().size());
        for (int i = 0; i < nonZero.size(); i++) {
            assertEquals(nonZero.get(i).monthly(), pie.getData().get(i).getPieValue(), 0);
            assertEquals(costscope.export.Formats.percent(nonZero.get(i).share()), pie.getData().get(i).getName());
        }
        // and a change while it is shown updates it at once
        robot.interact(() -> window.context().document().edit("Set concurrent users",
                s -> s.withDriverValue("concurrent_users", 100000)));
        Results r100 = engine(scenario()).evaluate();
        List<Results.CategoryResult> nonZero100 = r100.categories().stream().filter(c -> c.monthly() > 0).toList();
        assertEquals(nonZero100.size(), pie.getData().size(), "one slice per category that costs something");
        for (int i = 0; i < nonZero100.size(); i++) assertEquals(nonZero100.get(i).monthly(), pie.getData().get(i).getPieValue(), 0);
        assertEquals(100000, shares.markers().currentX());
        // same series and data objects, updated in place
        assertSame(cpuSeries, cpu.getData().get(0));
        assertSame(firstPoint, cpuSeries.getData().get(0));
        assertSame(llmSeries, total.getData().get(6));
    }

    @Test
    void aLeverChangesTheSweepSeries(FxRobot robot) {
        open(robot, INNERWORLD.toString());
        robot.interact(() -> window.context().document().edit("Haiku", s -> s.withLeverEnabled("haiku", true)));
        Sweep.Result sw = engineSweep(scenario());
        RangeLineChart cpu = node(robot, "#costPerUserChart");
        assertSeries(sw.x(), sw.costPerUser(), cpu.getData().get(0));
        RangeAreaChart total = node(robot, "#totalChart");
        assertSeries(sw.x(), sw.categoryMonthly()[6], total.getData().get(6));
    }

    @Test
    void scalePointsAreMarked(FxRobot robot) {
        open(robot, INNERWORLD.toString());
        RangeLineChart cpu = node(robot, "#costPerUserChart");
        assertEquals(List.of(new RangeMarkers.Mark(10, "10"), new RangeMarkers.Mark(1000, "1K"),
                new RangeMarkers.Mark(10000, "10K"), new RangeMarkers.Mark(50000, "50K"),
                new RangeMarkers.Mark(100000, "100K")), cpu.markers().scalePoints());
        assertEquals("$ per active user / month", cpu.yAxis().getLabel());
        assertEquals("Cost per active user", cpu.getTitle());
        assertEquals("Concurrent users, log scale", cpu.xAxis().getLabel());
    }

    @Test
    void theSharesTabFirstShownWhileTheModelHasProblemsGetsItsSeriesWhenItIsMended(FxRobot robot) {
        open(robot, INNERWORLD.toString());
        // the driver every cost reads removed: no results, the same categories
        costscope.model.Scenario wrong = costscope.ui.editor.ModelEdits.remove(scenario(), costscope.ui.editor.ElementKind.DRIVER,
                costscope.ui.editor.ElementKind.DRIVER.indexOf(scenario(), "concurrent_users"));
        assertEquals(scenario().categories(), wrong.categories());
        robot.interact(() -> window.context().document().edit("Break", s -> wrong));
        assertNull(window.context().recalc().results(), "the model has a problem");
        selectTab(robot, 1);
        robot.interact(() -> window.context().document().undo());
        Results r = engine(scenario()).evaluate();
        RangeAreaChart shares = node(robot, "#shareChart");
        assertEquals(r.categories().size(), shares.getData().size(), "one series per category");
        assertFalse(shares.getData().get(0).getData().isEmpty(), "with the sweep's points");
    }

    @Test
    void everyChartGivesACategoryItsColour(FxRobot robot) {
        open(robot, "sample-scenarios/billion-users.json");
        robot.interact(() -> ((TabPane) robot.lookup("#chartTabs").query()).getSelectionModel().select(1));
        robot.interact(() -> window.scene().getRoot().applyCss());
        Results r = engine(scenario()).evaluate();
        RangeAreaChart total = node(robot, "#totalChart");
        RangeAreaChart shares = node(robot, "#shareChart");
        DonutChart pie = node(robot, "#sharePie");
        Set<Color> distinct = new HashSet<>();
        for (int k = 0; k < r.categories().size(); k++) {
            Results.CategoryResult c = r.categories().get(k);
            Color want = Color.web(c.color());
            distinct.add(want);
            for (RangeAreaChart chart : List.of(total, shares)) {
                Group g = (Group) chart.getData().get(k).getNode();
                for (Node n : g.getChildren()) {
                    Shape p = (Shape) n;
                    if (p.getStyleClass().contains("chart-series-area-fill")) assertEquals(want, p.getFill(), c.id());
                    else assertEquals(want, p.getStroke(), c.id());
                }
            }
            Region swatch = (Region) ((HBox) robot.lookup("#legend-" + c.id()).query()).getChildren().get(0);
            assertEquals(want, swatch.getBackground().getFills().get(0).getFill(), c.id());
        }
        assertEquals(r.categories().size(), distinct.size());
        for (PieChart.Data d : pie.getData()) {
            String id = d.getNode().getId().substring("slice-".length());
            Region slice = (Region) d.getNode();
            assertEquals(Color.web(r.category(id).color()), slice.getBackground().getFills().get(0).getFill(), id);
        }
    }

    @Test
    void paletteColoursComeFromTheThemeTokens(FxRobot robot) {
        open(robot, "src/test/resources/scenarios/example.json");
        Scenario s = scenario();
        // give the second category no colour of its own: it takes the palette's, through -cs-series-1
        robot.interact(() -> window.context().document().edit("Colour", sc -> {
            var cats = new java.util.ArrayList<>(sc.categories());
            var c = cats.get(1);
            cats.set(1, new costscope.model.Category(c.id(), c.label(), null, c.description()));
            return sc.withCategories(cats);
        }));
        robot.interact(() -> window.scene().getRoot().applyCss());
        Results r = engine(scenario()).evaluate();
        assertEquals(costscope.engine.Palette.color(1), r.categories().get(1).color());
        RangeAreaChart total = node(robot, "#totalChart");
        Group g = (Group) total.getData().get(1).getNode();
        Shape fill = (Shape) g.getChildren().stream().filter(n -> n.getStyleClass().contains("chart-series-area-fill")).findFirst().orElseThrow();
        assertEquals(Color.web(r.categories().get(1).color()), fill.getFill());
        assertTrue(node(robot, "#chartsPanel").getStyle().contains("-cs-cat-1: -cs-series-1;"));
        assertNotNull(s.categories().get(1).color(), "the example gives every category a colour of its own");
    }

    @Test
    void aScenarioWithoutUsersSaysSo(FxRobot robot) {
        open(robot, "sample-scenarios/raptorflow.json");
        RangeLineChart cpu = node(robot, "#costPerUserChart");
        assertEquals(0, cpu.getData().get(0).getData().size());
        assertTrue(robot.lookup("#costPerUserEmpty").queryAs(Label.class).isVisible());
        assertFalse(cpu.isVisible(), "an empty chart with axes is not drawn under the message");
        assertTrue(Double.isNaN(cpu.markers().currentY()), "no dot: cost per user is NaN");
        RangeAreaChart total = node(robot, "#totalChart");
        assertSeries(engineSweep(scenario()).x(), engineSweep(scenario()).categoryMonthly()[0], total.getData().get(0));
    }

    @Test
    void openingAnotherScenarioRebuildsTheCategorySeries(FxRobot robot) {
        open(robot, INNERWORLD.toString());
        open(robot, "sample-scenarios/billion-users.json");
        Sweep.Result sw = engineSweep(scenario());
        RangeAreaChart total = node(robot, "#totalChart");
        assertEquals(10, total.getData().size());
        for (int k = 0; k < 10; k++) assertSeries(sw.x(), sw.categoryMonthly()[k], total.getData().get(k));
        RangeLineChart cpu = node(robot, "#costPerUserChart");
        assertSeries(sw.x(), sw.costPerUser(), cpu.getData().get(0));
        assertEquals(1e5, cpu.xAxis().getLowerBound());
        assertEquals(1e9, cpu.xAxis().getUpperBound());
        assertEquals("Cost per registered user", cpu.getTitle());
        assertEquals(10, ((javafx.scene.layout.VBox) robot.lookup("#legendRows").query()).getChildren().size());
    }

    @Test
    void aLinearSweepGetsALinearAxis(FxRobot robot) {
        open(robot, INNERWORLD.toString());
        robot.interact(() -> window.context().document().edit("Linear sweep", s -> s.withSweep(
                new costscope.model.Sweep("concurrent_users", 0, 50000, false))));
        Sweep.Result sw = Sweep.run(engine(scenario()), "concurrent_users", 0, 50000, ChartRange.SWEEP_POINTS, false);
        RangeAreaChart total = node(robot, "#totalChart");
        assertFalse(total.xAxis().isLogarithmic());
        assertEquals(0, total.xAxis().getLowerBound());
        assertEquals(50000, total.xAxis().getUpperBound());
        for (int k = 0; k < sw.categories().size(); k++) assertSeries(sw.x(), sw.categoryMonthly()[k], total.getData().get(k));
        RangeLineChart cpu = node(robot, "#costPerUserChart");
        // cost per user at 0 users is not finite: the line starts at the first point with users
        XYChart.Series<Number, Number> line = cpu.getData().get(0);
        assertEquals(sw.x().length - 1, line.getData().size());
        assertEquals(sw.costPerUser()[1], line.getData().get(0).getYValue().doubleValue(), 0);
        assertEquals("Concurrent users", cpu.xAxis().getLabel());
        robot.interact(() -> window.scene().getRoot().layout());
        assertEquals(cpu.xAxis().getWidth() / 2, cpu.xAxis().getDisplayPosition(25000), 1e-9);
    }
}
