package costscope.ui.panels;

import costscope.engine.CompiledScenario;
import costscope.model.Distribution;
import costscope.model.Driver;
import costscope.model.Problem;
import costscope.model.Range;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless (Monocle): a driver's range is set, edited and cleared from its row in the drivers panel (the range button
 * or Ctrl+R opens the popover; Enter applies, Esc cancels), shown on its slider as a band where the slider puts its
 * thumb at low and high, checked with the engine's own messages at the field, and every change undoes.
 */
@ExtendWith(ApplicationExtension.class)
class DriverRangeTest {
    static final Path BEATSIGHT = Path.of("sample-scenarios/beatsight.json");
    static final String ID = "new_songs_per_user";
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, BEATSIGHT);
    }

    DriverRow row(FxRobot robot, String id) {
        return (DriverRow) robot.lookup(costscope.ui.base.NodeKeys.is("driver-" + id)).query();
    }

    Node popover(FxRobot robot, String id) {
        return row(robot, id).ranges().content();
    }

    TextField popoverField(FxRobot robot, String id, String key) {
        return robot.from(popover(robot, id)).lookup("#field-" + key.replace(".", "-")).queryAs(TextField.class);
    }

    /** Whether a node is shown: it and every parent visible. */
    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    @SuppressWarnings("unchecked")
    void pickDistribution(FxRobot robot, String id, String distribution) {
        ComboBox<String> c = robot.from(popover(robot, id)).lookup("#field-range-distribution").queryAs(ComboBox.class);
        robot.interact(() -> c.setValue(distribution));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types into a field of the popover as a user would: clicked, its text selected, typed. */
    void type(FxRobot robot, String id, String key, String text) {
        TextField f = popoverField(robot, id, key);
        robot.clickOn(f);
        robot.interact(f::selectAll);
        robot.write(text);
    }

    /** The x in the scene of the slider thumb's centre with the driver at {@code value} (set through the document). */
    double thumbAt(FxRobot robot, String id, double value) {
        robot.interact(() -> window.context().document().edit("Move", s -> s.withDriverValue(id, value)));
        WaitForAsyncUtils.waitForFxEvents();
        Slider slider = row(robot, id).slider();
        Node thumb = slider.lookup(".thumb");
        Bounds b = thumb.localToScene(thumb.getLayoutBounds());
        return (b.getMinX() + b.getMaxX()) / 2;
    }

    /**
     * The popover walked with Tab, as a keyboard user would: every stop is a shown control of the popover, in reading
     * order (the shape, then the numbers the shape takes, then the buttons), and Tab comes back round to the shape;
     * Esc then closes it and gives the focus back to the driver's field.
     */
    @Test
    void tabWalksThePopoverInReadingOrderAndComesBackRound(FxRobot robot) {
        DriverRow row = row(robot, ID);
        robot.clickOn(row.field());
        robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        pickDistribution(robot, ID, "pert");
        Node popover = popover(robot, ID);
        javafx.scene.Scene scene = popover.getScene();
        List<String> stops = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Node f = scene.getFocusOwner();
            assertTrue(f != null && shown(f) && !f.isDisabled(), "stop " + i + " is a shown, enabled control: " + f);
            String id = f.getId() != null ? f.getId() : f instanceof javafx.scene.control.Labeled l ? l.getText() : f.toString();
            if (!stops.isEmpty() && id.equals(stops.get(0))) break;
            stops.add(id);
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        // Apply is disabled until the range changes, so Tab passes it by; Clear is disabled while there is no range
        assertEquals(List.of("field-range-distribution", "field-range-low", "field-range-high", "field-range-mode",
                "range-cancel"), stops);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(row.ranges().isShowing(), "Esc closes it");
        assertSame(row.field(), row.field().getScene().getFocusOwner(), "the focus is back on the driver's field");
    }

    @Test
    void setsAPertRangeFromTheKeyboardShowsItOnTheSliderAndUndoRemovesIt(FxRobot robot) {
        Scenario before = window.scenario();
        DriverRow row = row(robot, ID);
        assertFalse(row.band().band().isVisible(), "no range, no band");

        // Ctrl+R on the driver's field opens its range
        robot.clickOn(row.field());
        robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(row.ranges().isShowing(), "Ctrl+R opens the range popover");
        assertEquals(ID, row.ranges().driverId());
        assertFalse(shown(popoverField(robot, ID, "range.low")), "no distribution yet: no numbers asked for");
        pickDistribution(robot, ID, "pert");
        assertTrue(shown(popoverField(robot, ID, "range.mode")), "PERT takes a mode");
        assertFalse(shown(popoverField(robot, ID, "range.mean")), "and no mean or sd");
        type(robot, ID, "range.low", "3");
        type(robot, ID, "range.high", "5");
        type(robot, ID, "range.mode", "4");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(row.ranges().isShowing(), "Enter applies and closes");
        Driver d = window.scenario().driver(ID);
        assertEquals(new Range(Distribution.PERT, 3.0, 5.0, 4.0, null, null), d.range());
        assertEquals(before.withDrivers(before.drivers().stream().map(x -> x.id().equals(ID) ? x.withRange(d.range()) : x).toList()),
                window.scenario(), "only the range changed");
        assertEquals("Set range of " + d.label(), window.context().document().undoLabelProperty().get().replaceFirst("^Undo ", ""));

        // the band spans low to high where the slider puts its thumb at those values, the mode a tick at 4
        RangeBand band = row.band();
        assertTrue(band.band().isVisible());
        assertEquals("PERT 3 \u2013 5, mode 4", band.tooltip().getText());
        Bounds bb = band.band().localToScene(band.band().getLayoutBounds());
        Bounds tick = band.tick().localToScene(band.tick().getLayoutBounds());
        Slider slider = row.slider();
        Node thumb = slider.lookup(".thumb");
        SliderMapping m = SliderMapping.of(d);
        double trackStart = slider.snappedLeftInset() + thumb.getLayoutBounds().getWidth() / 2;
        double trackLength = slider.getWidth() - slider.snappedLeftInset() - slider.snappedRightInset() - thumb.getLayoutBounds().getWidth();
        double origin = slider.localToScene(0, 0).getX();
        assertEquals(origin + m.pixel(3, trackStart, trackLength), bb.getMinX(), 1.0, "band starts at SliderMapping of low");
        assertEquals(origin + m.pixel(5, trackStart, trackLength), bb.getMaxX(), 1.0, "band ends at SliderMapping of high");
        assertTrue(bb.getWidth() > 20, "a range of 3 to 5 on a 0 to 20 slider is a tenth of it: " + bb.getWidth());
        // and the slider's own thumb agrees: at 3 and at 5 its centre is where the band starts and ends
        assertEquals(thumbAt(robot, ID, 3), bb.getMinX(), 1.0, "thumb at low");
        assertEquals(thumbAt(robot, ID, 5), bb.getMaxX(), 1.0, "thumb at high");
        assertEquals(thumbAt(robot, ID, 4), (tick.getMinX() + tick.getMaxX()) / 2, 1.0, "the mode's tick at the thumb at 4");
        robot.interact(() -> {
            for (int i = 0; i < 3; i++) window.context().document().undo();
        });
        assertEquals(d, window.scenario().driver(ID), "the slider moves undone, the range is still there");

        robot.interact(() -> window.context().document().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(window.scenario().driver(ID).range(), "undo removes the range");
        assertEquals(before, window.scenario());
        assertFalse(row.band().band().isVisible(), "and its band");
        assertTrue(row.band().tooltip().getText().isEmpty());
    }

    @Test
    void aRangeWithHighBelowLowShowsTheCheckersMessageAtHighAndChangesNothing(FxRobot robot) {
        Scenario before = window.scenario();
        DriverRow row = row(robot, ID);
        robot.clickOn(row.rangeButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(row.ranges().isShowing(), "the range button opens the popover");
        pickDistribution(robot, ID, "pert");
        type(robot, ID, "range.low", "5");
        type(robot, ID, "range.high", "3");
        WaitForAsyncUtils.waitForFxEvents();

        // the engine's own message for this range, at its place drivers[1].range
        int index = before.drivers().indexOf(before.driver(ID));
        Scenario bad = before.withDrivers(before.drivers().stream()
                .map(x -> x.id().equals(ID) ? x.withRange(new Range(Distribution.PERT, 5.0, 3.0, null, null, null)) : x).toList());
        List<Problem> problems = CompiledScenario.validate(bad);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("drivers[" + index + "] '" + ID + "', range: high must be above low", problems.get(0).describe());
        Label message = robot.from(popover(robot, ID)).lookup("#message-range-high").queryAs(Label.class);
        assertTrue(message.isVisible());
        assertEquals(problems.get(0).message(), message.getText(), "the Checker's message, at the high field");
        assertTrue(popoverField(robot, ID, "range.high").getStyleClass().contains("field-invalid"));
        assertFalse(robot.from(popover(robot, ID)).lookup("#message-range-low").queryAs(Label.class).isVisible());
        assertTrue(robot.from(popover(robot, ID)).lookup("#range-apply").query().isDisabled());

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(row.ranges().isShowing(), "Enter does not apply a range with a problem");
        assertSame(before, window.scenario(), "the document is untouched");
        assertFalse(window.context().document().canUndoProperty().get());

        // fixed as you type: the message goes
        type(robot, ID, "range.high", "8");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(message.isVisible());
        // Esc cancels: nothing applied
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(row.ranges().isShowing(), "Esc closes");
        assertSame(before, window.scenario(), "Esc applies nothing");
    }

    @Test
    void aLogSliderPutsTheBandOnItsLogScaleAndClearRemovesTheRange(FxRobot robot) {
        // a range on the log slider of monthly active users: 1,000 to 100,000 is two of its eight decades
        robot.interact(() -> window.context().document().edit("Range", s -> s.withDrivers(s.drivers().stream()
                .map(x -> x.id().equals("mau") ? x.withRange(new Range(Distribution.LOGNORMAL, 1000.0, 100000.0, null, null, null)) : x)
                .toList())));
        WaitForAsyncUtils.waitForFxEvents();
        DriverRow row = row(robot, "mau");
        Bounds bb = row.band().band().localToScene(row.band().band().getLayoutBounds());
        assertEquals("Lognormal 1,000 \u2013 100,000 (5th to 95th percentile)", row.band().tooltip().getText());
        assertFalse(row.band().tick().isVisible(), "no mode on a lognormal range");
        assertEquals(thumbAt(robot, "mau", 1000), bb.getMinX(), 1.0);
        assertEquals(thumbAt(robot, "mau", 100000), bb.getMaxX(), 1.0);
        double tenThousand = thumbAt(robot, "mau", 10000);
        assertEquals((bb.getMinX() + bb.getMaxX()) / 2, tenThousand, 1.0, "10,000 halfway on the log scale");

        // the range button shows it is set; its popover's Clear removes it in one undoable edit
        assertTrue(row.rangeButton().getStyleClass().contains(DriverRow.UNCERTAIN));
        robot.clickOn(row.rangeButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1000", popoverField(robot, "mau", "range.low").getText(), "the popover shows the range");
        assertEquals("100000", popoverField(robot, "mau", "range.high").getText());
        robot.clickOn(robot.from(popover(robot, "mau")).lookup("#range-clear").queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(window.scenario().driver("mau").range());
        assertFalse(row.band().band().isVisible());
        assertFalse(row.rangeButton().getStyleClass().contains(DriverRow.UNCERTAIN));
        robot.interact(() -> window.context().document().undo());
        assertEquals(new Range(Distribution.LOGNORMAL, 1000.0, 100000.0, null, null, null), window.scenario().driver("mau").range());
    }

    @Test
    void describesEachKindOfRange() {
        assertEquals("PERT 3 \u2013 5, mode 4", RangeBand.describe(new Range(Distribution.PERT, 3.0, 5.0, 4.0, null, null)));
        assertEquals("Triangular 3 \u2013 5, mode 4 (the midpoint)", RangeBand.describe(new Range(Distribution.TRIANGULAR, 3.0, 5.0, null, null, null)));
        assertEquals("Uniform 0.041 \u2013 0.069", RangeBand.describe(new Range(Distribution.UNIFORM, 0.041, 0.069, null, null, null)));
        assertEquals("Normal 3 \u2013 5 (5th to 95th percentile)", RangeBand.describe(new Range(Distribution.NORMAL, 3.0, 5.0, null, null, null)));
        assertEquals("Normal, mean 4, sd 0.5", RangeBand.describe(new Range(Distribution.NORMAL, null, null, null, 4.0, 0.5)));
        RangeBand.Span normal = RangeBand.span(new Range(Distribution.NORMAL, null, null, null, 4.0, 0.5));
        assertEquals(4 - 1.6448536 * 0.5, normal.from(), 1e-6, "a normal given as mean and sd spans its 5th to 95th percentile");
        assertEquals(4 + 1.6448536 * 0.5, normal.to(), 1e-6);
        assertEquals(4, RangeBand.span(new Range(Distribution.PERT, 3.0, 5.0, null, null, null)).mark(), 0, "PERT's default mode");
        assertNull(RangeBand.span(new Range(Distribution.PERT, 5.0, 3.0, null, null, null)), "no band for high below low");
    }
}
