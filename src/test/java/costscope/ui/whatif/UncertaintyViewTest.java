package costscope.ui.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.MonteCarlo;
import costscope.export.Formats;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import costscope.ui.charts.HistogramChart;
import costscope.ui.charts.InfluenceChart;
import costscope.ui.recalc.HoldingRunner;
import costscope.whatif.Output;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Line;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless: the sensitivity view's uncertainty section shows the engine's Monte Carlo figures (run here independently
 * with the same samples and seed) for a fixture with two uncertain drivers, one raising the cost and one lowering it:
 * one histogram bar per bin with heights proportional to the counts, the value now and P10/P50/P90 at their pixels,
 * the influence ordered and signed as the engine's, and the caption's figures. Progressive (a first estimate, then the
 * full count), newest wins, only while shown; a hint instead of charts without ranges.
 */
@ExtendWith(ApplicationExtension.class)
class UncertaintyViewTest {
    static final Path UNCERTAIN = Path.of("src/test/resources/scenarios/uncertain.json");
    static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");
    final HoldingRunner tasks = new HoldingRunner();
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, UNCERTAIN, tasks);
    }

    static HistogramChart histogram(FxRobot robot) {
        return robot.lookup("#histogramChart").queryAs(HistogramChart.class);
    }

    static InfluenceChart influence(FxRobot robot) {
        return robot.lookup("#influenceChart").queryAs(InfluenceChart.class);
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The engine's simulation of {@code output} at the document's state: run here, not by the view. */
    MonteCarlo.Result engine(String output, int samples, long seed) throws Exception {
        Scenario s = window.scenario();
        Evaluator e = CompiledScenario.compile(s).newEvaluator(s);
        return MonteCarlo.run(e, List.of(output), MonteCarlo.Options.of(samples, seed), () -> false);
    }

    /** The output's value at the document's state. */
    double now(String output) throws Exception {
        Scenario s = window.scenario();
        Evaluator e = CompiledScenario.compile(s).newEvaluator(s);
        return e.value(e.compiled().compileResultFormula(output));
    }

    /** The value at pixel x, read off the bars: bin i spans its bar and half the one-pixel gap either side. */
    static double pixel(List<HistogramChart.Bar> bars, double value) {
        Rectangle first = bars.get(0).node();
        Rectangle last = bars.get(bars.size() - 1).node();
        double x0 = first.getX() - 0.5;
        double x1 = last.getX() + last.getWidth() + 0.5;
        double v0 = bars.get(0).from();
        double v1 = bars.get(bars.size() - 1).to();
        return x0 + (value - v0) / (v1 - v0) * (x1 - x0);
    }

    @Test
    void theHistogramHasTheEnginesBinsToScale(FxRobot robot) throws Exception {
        TestWindow.showWhatIf(robot, "Sensitivity");
        MonteCarlo.Spread s = engine("total", 10_000, 1).outputs().get(0);
        List<HistogramChart.Bar> bars = histogram(robot).bars();
        long[] counts = s.histogram().counts();
        assertEquals(40, counts.length);
        assertEquals(counts.length, bars.size(), "one bar per bin");
        long max = 0;
        for (long c : counts) max = Math.max(max, c);
        double tallest = bars.stream().mapToDouble(b -> b.node().getHeight()).max().orElseThrow();
        assertTrue(tallest > 40, "the bars have a visible height: " + tallest);
        double baseY = histogram(robot).baseY();
        for (int i = 0; i < counts.length; i++) {
            Rectangle r = bars.get(i).node();
            assertEquals(counts[i], bars.get(i).count(), "bin " + i);
            assertEquals(s.histogram().edges()[i], bars.get(i).from(), 0.0);
            assertEquals(tallest * counts[i] / max, r.getHeight(), 1e-6, "height proportional to the count, bin " + i);
            assertEquals(baseY, r.getY() + r.getHeight(), 1e-6, "every bar stands on the axis");
            assertTrue(r.isVisible());
            if (i > 0) {
                Rectangle prev = bars.get(i - 1).node();
                assertEquals(prev.getX() + prev.getWidth() + 1, r.getX(), 1e-6, "bins side by side, a one-pixel gap");
                assertEquals(prev.getWidth(), r.getWidth(), 1e-6, "bins of equal width");
            }
        }
        // the bars outside P10-P90 are the paler ones
        assertTrue(bars.get(0).node().getStyleClass().contains("histogram-bar-outer"));
        assertTrue(bars.get(20).node().getStyleClass().contains("histogram-bar-inner"));
    }

    @Test
    void theValueNowAndThePercentilesAreMarkedAtTheirPixels(FxRobot robot) throws Exception {
        TestWindow.showWhatIf(robot, "Sensitivity");
        double now = now("total");
        assertEquals(265.00, now, 1e-9, "1,000 listeners x 30 min x $0.01 x (1 - 0.2) + $25");
        HistogramChart h = histogram(robot);
        List<HistogramChart.Bar> bars = h.bars();
        Line line = h.nowLine();
        assertTrue(line.isVisible());
        assertEquals(line.getStartX(), line.getEndX(), 0.0, "vertical");
        assertEquals(pixel(bars, now), line.getStartX(), 1.0, "the value now at its pixel");
        assertEquals("now $265.00", h.nowLabel().getText());
        MonteCarlo.Spread s = engine("total", 10_000, 1).outputs().get(0);
        double[] p = {s.p10(), s.p50(), s.p90()};
        for (int i = 0; i < 3; i++) {
            assertEquals(pixel(bars, p[i]), h.percentileLines().get(i).getStartX(), 1.0, "P" + List.of(10, 50, 90).get(i));
        }
        assertTrue(h.percentileLines().get(0).getStartX() < h.percentileLines().get(1).getStartX());
        assertTrue(h.percentileLines().get(1).getStartX() < h.percentileLines().get(2).getStartX());
        // the chart reads out its title and key figures
        assertEquals("Spread of Monthly total, histogram of 10,000 samples: now $265.00; P10 " + Formats.money(s.p10(), "USD")
                        + ", P50 " + Formats.money(s.p50(), "USD") + ", P90 " + Formats.money(s.p90(), "USD") + "; mean "
                        + Formats.money(s.mean(), "USD") + "; from " + Formats.money(s.min(), "USD") + " to "
                        + Formats.money(s.max(), "USD"),
                h.getAccessibleText());
        assertEquals("Spread of Monthly total", text(robot, "#histogramTitle"));
    }

    @Test
    void theInfluenceIsTheEnginesOrderedAndSigned(FxRobot robot) throws Exception {
        TestWindow.showWhatIf(robot, "Sensitivity");
        List<MonteCarlo.Influence> expected = engine("total", 10_000, 1).influence().get(0);
        List<InfluenceChart.Row> rows = influence(robot).rows();
        assertEquals(List.of("listeners", "discount"), expected.stream().map(MonteCarlo.Influence::driver).toList());
        assertEquals(expected.stream().map(MonteCarlo.Influence::driver).toList(),
                rows.stream().map(r -> r.influence().driver()).toList(), "the engine's order, largest |rank| first");
        assertTrue(expected.get(0).rank() > 0.5, "more listeners, more cost");
        assertTrue(expected.get(1).rank() < -0.3, "a larger discount, less cost");
        double zero = rows.get(0).zero().getStartX();
        double scale = rows.get(0).bar().getWidth() / Math.abs(expected.get(0).rank());
        assertTrue(scale > 50, "bars of a visible length: " + scale);
        for (int i = 0; i < rows.size(); i++) {
            InfluenceChart.Row r = rows.get(i);
            double rank = expected.get(i).rank();
            assertEquals(rank, r.influence().rank(), 0.0);
            assertEquals(expected.get(i).label(), r.name().getText());
            assertEquals((rank > 0 ? "+" : "\u2212") + Formats.number(Math.abs(rank), 2), r.value().getText());
            assertEquals(zero, r.zero().getStartX(), 0.0, "one zero line");
            Rectangle bar = r.bar();
            if (rank > 0) {
                assertEquals(zero, bar.getX(), 1e-6, "a positive rank runs right from zero");
                assertTrue(bar.getStyleClass().contains("influence-bar-positive"));
            } else {
                assertEquals(zero, bar.getX() + bar.getWidth(), 1e-6, "a negative rank runs left from zero");
                assertTrue(bar.getStyleClass().contains("influence-bar-negative"));
                assertTrue(r.value().getLayoutX() < bar.getX(), "its value at its left end");
            }
            assertEquals(Math.abs(rank) * scale, bar.getWidth(), 1e-6, "length proportional to |rank|");
        }
        assertEquals("+0.80", rows.get(0).value().getText(), "as `simulate` prints it");
        assertEquals("\u22120.59", rows.get(1).value().getText());
        assertEquals("What drives the spread of Monthly total, rank correlation of each uncertain driver: Listeners +0.80, "
                + "Volume discount \u22120.59", influence(robot).getAccessibleText());
        assertEquals("What drives the spread", text(robot, "#influenceTitle"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCaptionHasTheEnginesFiguresForTheSamplesAndSeedChosen(FxRobot robot) throws Exception {
        TestWindow.showWhatIf(robot, "Sensitivity");
        // typed from `costscope simulate uncertain.json --samples 10000 --seed 1`
        assertEquals("10,000 samples, seed 1: mean $262.11, P10\u2013P90\u00a0$203.61\u00a0\u2013\u00a0$326.96",
                text(robot, "#uncertaintyCaption"));
        assertEquals(caption(engine("total", 10_000, 1)), text(robot, "#uncertaintyCaption"));

        List<Rectangle> before = histogram(robot).bars().stream().map(HistogramChart.Bar::node).toList();
        ComboBox<Integer> samples = robot.lookup("#uncertaintySamples").queryAs(ComboBox.class);
        assertEquals(List.of(1_000, 10_000, 100_000, 1_000_000), samples.getItems());
        assertEquals(10_000, samples.getValue());
        robot.interact(() -> samples.setValue(1_000));
        assertEquals(1_000, window.context().simulations().samplesProperty().get(), "the app-wide count");
        TextField seed = robot.lookup("#uncertaintySeed").queryAs(TextField.class);
        robot.clickOn(seed).eraseText(1).write("42").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(42, window.context().simulations().seedProperty().get());
        String shown = text(robot, "#uncertaintyCaption");
        assertTrue(shown.startsWith("1,000 samples, seed 42: mean $"), shown);
        assertEquals(caption(engine("total", 1_000, 42)), shown);
        assertNotEquals(caption(engine("total", 1_000, 1)), shown, "another seed, other figures");
        assertEquals(1_000, histogram(robot).bars().stream().mapToLong(HistogramChart.Bar::count).sum());
        List<Rectangle> after = histogram(robot).bars().stream().map(HistogramChart.Bar::node).toList();
        for (int i = 0; i < after.size(); i++) assertTrue(before.get(i) == after.get(i), "the bars' nodes are reused");

        // a seed that is not a whole number is refused, marked, and changes nothing
        robot.clickOn(seed).eraseText(2).write("1.5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(seed.getStyleClass().contains("invalid"));
        assertEquals(42, window.context().simulations().seedProperty().get());
        assertTrue(seed.getTooltip().getText().contains("whole number"), seed.getTooltip().getText());
        robot.type(KeyCode.ESCAPE);
        assertEquals("42", seed.getText());
        assertFalse(seed.getStyleClass().contains("invalid"));

        // the app's count set elsewhere shows here too
        robot.interact(() -> window.context().simulations().samplesProperty().set(2_500));
        assertEquals(2_500, samples.getValue());
        assertTrue(text(robot, "#uncertaintyCaption").startsWith("2,500 samples, seed 42: "));
    }

    static String caption(MonteCarlo.Result r) {
        MonteCarlo.Spread s = r.outputs().get(0);
        return String.format("%,d", r.samples()) + " samples, seed " + r.seed() + ": mean " + Formats.money(s.mean(), "USD")
                + ", P10\u2013P90\u00a0" + Formats.money(s.p10(), "USD") + "\u00a0\u2013\u00a0" + Formats.money(s.p90(), "USD");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChosenOutputIsSimulated(FxRobot robot) throws Exception {
        TestWindow.showWhatIf(robot, "Sensitivity");
        ComboBox<Output> box = robot.lookup("#sensitivityOutput").queryAs(ComboBox.class);
        Output compute = box.getItems().stream().filter(o -> o.formula().equals("compute")).findFirst().orElseThrow();
        robot.interact(() -> box.setValue(compute));
        assertEquals(caption(engine("compute", 10_000, 1)), text(robot, "#uncertaintyCaption"));
        assertEquals("Spread of Compute (category)", text(robot, "#histogramTitle"));
        assertEquals(pixel(histogram(robot).bars(), 240), histogram(robot).nowLine().getStartX(), 1.0);
        assertEquals("now $240.00", histogram(robot).nowLabel().getText());

        // an output the ranges do not move: said in words, the influence unknown
        Output storage = box.getItems().stream().filter(o -> o.formula().equals("storage")).findFirst().orElseThrow();
        robot.interact(() -> box.setValue(storage));
        assertEquals("10,000 samples, seed 1: Storage (category) is $25.00 in every sample; the ranges given do not move it",
                text(robot, "#uncertaintyCaption"));
        assertEquals(1, histogram(robot).bars().size());
        assertEquals(List.of("n/a", "n/a"), influence(robot).rows().stream().map(r -> r.value().getText()).toList());
        assertFalse(influence(robot).rows().get(0).bar().isVisible());
    }

    @Test
    void aFirstEstimateThenTheFullCountAndTheNewestWins(FxRobot robot) throws Exception {
        TestWindow.showWhatIf(robot, "Sensitivity");
        robot.interact(() -> {
            tasks.holding = true;
            window.context().simulations().seedProperty().set(7);
        });
        ProgressIndicator progress = robot.lookup("#uncertaintyProgress").queryAs(ProgressIndicator.class);
        assertTrue(progress.isVisible(), "running");
        assertEquals("Simulating 10,000 samples\u2026", text(robot, "#uncertaintyStatus"));
        assertTrue(text(robot, "#uncertaintyCaption").startsWith("10,000 samples, seed 1: "), "the older result shows meanwhile");
        // run the held work one task at a time, still holding what it hands on: the first stage lands alone
        robot.interact(() -> {
            while (!text(robot, "#uncertaintyCaption").startsWith("1,000 samples, seed 7") && !tasks.held.isEmpty()) {
                tasks.held.remove(0).run();
            }
        });
        assertEquals(caption(engine("total", 1_000, 7)), text(robot, "#uncertaintyCaption"), "the first estimate");
        assertTrue(progress.isVisible());
        assertEquals("First estimate from 1,000 samples; 10,000 on the way\u2026", text(robot, "#uncertaintyStatus"));
        assertTrue(robot.lookup(".uncertainty-charts").query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("provisional")));
        robot.interact(tasks::finishInOrder);
        assertEquals(caption(engine("total", 10_000, 7)), text(robot, "#uncertaintyCaption"), "then the full count");
        assertFalse(progress.isVisible());
        assertFalse(robot.lookup("#uncertaintyStatus").query().isVisible());

        // two requests, the newer one's work finished first: the older one never lands
        robot.interact(() -> {
            tasks.holding = true;
            window.context().simulations().seedProperty().set(8);
            window.context().simulations().seedProperty().set(9);
        });
        robot.interact(tasks::finishNewestFirst);
        robot.interact(tasks::finishInOrder);
        assertEquals(caption(engine("total", 10_000, 9)), text(robot, "#uncertaintyCaption"));
    }

    @Test
    void itComputesOnlyWhileShown(FxRobot robot) throws Exception {
        TestWindow.showWhatIf(robot, "Sensitivity");
        TestWindow.showTab(robot, "Breakdown");
        robot.interact(() -> window.context().document().edit("More listeners", s -> s.withDriverValue("minutes", 60)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("now $265.00", histogram(robot).nowLabel().getText(), "no work while hidden");
        TestWindow.showWhatIf(robot, "Sensitivity");
        assertEquals("now $505.00", histogram(robot).nowLabel().getText(), "caught up when shown");
        assertEquals(caption(engine("total", 10_000, 1)), text(robot, "#uncertaintyCaption"));

        // hidden while a run is going: it is cancelled, and done again when shown
        robot.interact(() -> {
            tasks.holding = true;
            window.context().simulations().seedProperty().set(3);
        });
        TestWindow.showTab(robot, "Breakdown");
        robot.interact(tasks::finishInOrder);
        assertTrue(text(robot, "#uncertaintyCaption").startsWith("10,000 samples, seed 1: "), "the cancelled run never landed");
        TestWindow.showWhatIf(robot, "Sensitivity");
        assertEquals(caption(engine("total", 10_000, 3)), text(robot, "#uncertaintyCaption"));
    }

    @Test
    void theChartsAreReachedAndReadByKeyboard(FxRobot robot) throws Exception {
        TestWindow.showWhatIf(robot, "Sensitivity");
        HistogramChart h = histogram(robot);
        assertTrue(h.isFocusTraversable());
        robot.interact(h::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertEquals(0, h.selected());
        HistogramChart.Bar first = h.bars().get(0);
        assertTrue(first.node().getStyleClass().contains("histogram-bar-selected"));
        assertEquals("Bin 1 of 40: " + Formats.money(first.from(), "USD") + " \u2013 " + Formats.money(first.to(), "USD")
                + ": " + first.count() + " samples (" + Formats.percent(first.count() / 10_000.0) + ")", h.getAccessibleText());
        robot.type(KeyCode.END);
        assertEquals(39, h.selected());
        robot.type(KeyCode.ESCAPE);
        assertEquals(-1, h.selected());
        assertTrue(h.getAccessibleText().startsWith("Spread of Monthly total, histogram of 10,000 samples"));

        InfluenceChart inf = influence(robot);
        assertTrue(inf.isFocusTraversable());
        robot.interact(inf::requestFocus);
        robot.type(KeyCode.DOWN, 2);
        assertEquals(1, inf.selected());
        assertTrue(inf.getAccessibleText().startsWith("Row 2 of 2: Volume discount (discount): rank correlation \u22120.59 with "
                + "Monthly total; when it is higher, Monthly total tends to be lower"), inf.getAccessibleText());
    }

    @Test
    void withoutRangesAHintShowsInsteadOfCharts(FxRobot robot) {
        robot.interact(() -> window.context().files().open(EXAMPLE));
        TestWindow.showWhatIf(robot, "Sensitivity");
        Node hint = robot.lookup("#uncertaintyHint").query();
        assertTrue(hint.isVisible());
        assertEquals("Give a driver a range (Model tab or the driver's row) to see how uncertain this output is",
                text(robot, "#uncertaintyHint"));
        assertTrue(robot.lookup("#uncertaintyPane").tryQuery().isEmpty(), "no empty charts: the tornado has the width");
        javafx.scene.control.SplitPane body = robot.lookup("#sensitivityBody").queryAs(javafx.scene.control.SplitPane.class);
        assertEquals(1, body.getItems().size());

        // a range given: the charts come
        robot.interact(() -> window.context().document().edit("Range", s -> s.withDrivers(s.drivers().stream()
                .map(d -> d.id().equals("messages") ? d.withRange(costscope.model.RangeBuilder.builder()
                        .distribution(costscope.model.Distribution.UNIFORM).low(200.0).high(400.0).build()) : d).toList())));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(hint.isVisible());
        assertEquals(2, body.getItems().size());
        assertTrue(robot.lookup(".uncertainty-charts").query().isVisible());
        assertEquals(40, histogram(robot).bars().size());
        assertEquals(List.of("messages"), influence(robot).rows().stream().map(r -> r.influence().driver()).toList());
    }
}
