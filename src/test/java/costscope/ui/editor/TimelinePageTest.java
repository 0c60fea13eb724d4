package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.engine.Months;
import costscope.export.Formats;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.Timeline;
import costscope.model.TimelineEvent;
import costscope.model.TimelinePath;
import costscope.ui.TestWindow;
import costscope.ui.tables.TimelineRow;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static costscope.ui.editor.ModelEditorTest.field;
import static costscope.ui.editor.RangeEditorTest.enter;
import static costscope.ui.editor.RangeEditorTest.message;
import static costscope.ui.editor.RangeEditorTest.pick;
import static costscope.ui.editor.RangeEditorTest.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless (Monocle): the Model tab's Timeline page edits InnerWorld's timeline as a user would: a path and an event
 * added, each checked as it is typed with the engine's message at its field (and at the place in the text), the
 * Timeline tab following every committed edit and a slider; undo takes each back.
 */
@ExtendWith(ApplicationExtension.class)
class TimelinePageTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, INNERWORLD);
    }

    /** Selects the outline's Timeline heading (the last entry: as the keyboard's End would). */
    static void showTimelinePage(FxRobot robot) {
        TestWindow.showTab(robot, "Model");
        @SuppressWarnings("unchecked")
        TreeView<ModelOutline.Entry> tree = robot.lookup("#editor-tree").queryAs(TreeView.class);
        robot.interact(() -> {
            for (TreeItem<ModelOutline.Entry> sec : tree.getRoot().getChildren()) {
                if (sec.getValue().page() == ModelOutline.Page.TIMELINE) tree.getSelectionModel().select(sec);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses a button of the page (wherever the page is scrolled), as Space on it would. */
    static void press(FxRobot robot, String query) {
        javafx.scene.control.Button b = robot.lookup(query).queryAs(javafx.scene.control.Button.class);
        robot.interact(() -> {
            b.requestFocus();
            b.fire();
        });
    }

    static Months.Result engine(Scenario s) throws Exception {
        return Months.run(CompiledScenario.compile(s).newEvaluator(s));
    }

    /** The engine's one problem with this timeline in the scenario. */
    static Problem problem(Scenario s, Timeline t) {
        List<Problem> ps = CompiledScenario.validate(s.withTimeline(t));
        assertEquals(1, ps.size(), ps.toString());
        return ps.get(0);
    }

    @SuppressWarnings("unchecked")
    static TableView<TimelineRow> table(FxRobot robot) {
        return robot.lookup("#timelineTable").queryAs(TableView.class);
    }

    @Test
    void aPathAndAnEventAreTypedCheckedAppliedFollowedAndUndone(FxRobot robot) throws Exception {
        Scenario original = window.scenario();
        showTimelinePage(robot);
        assertEquals("Timeline", robot.lookup("#editor-form-title").queryAs(Label.class).getText());
        assertEquals("24", field(robot, "months").getText());
        assertEquals("", field(robot, "start").getText());

        // a path: the first driver, growing; the rate is where the caret goes
        press(robot, "#editor-add-path");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("concurrent_users", robot.lookup("#field-paths-0-driver").queryAs(ComboBox.class).getValue());
        assertTrue(field(robot, "paths[0].value").isFocused(), "the caret waits in the rate");
        assertSame(original, window.scenario(), "no rate yet: nothing applied");
        type(robot, "paths[0].value", "fast");
        enter(robot);
        Timeline wrong = original.timeline().withPaths(List.of(new TimelinePath("concurrent_users", "fast", null, null, null)));
        assertEquals(problem(original, wrong).message(), message(robot, "paths[0].value").getText(), "the engine's words at the rate");
        assertSame(original, window.scenario());
        type(robot, "paths[0].value", "10%/month");
        enter(robot);
        assertEquals(List.of(new TimelinePath("concurrent_users", "10%/month", null, null, null)), window.scenario().timeline().paths());
        assertFalse(message(robot, "paths[0].value").isVisible());
        Scenario grown = window.scenario();

        // an event: month 0, "New event", waiting for what happens
        press(robot, "#editor-add-event");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0", field(robot, "events[0].month").getText());
        assertEquals("New event", field(robot, "events[0].label").getText());
        assertTrue(message(robot, "events[0].levers").getText().startsWith("say what happens"));
        assertSame(grown, window.scenario());
        type(robot, "events[0].label", "Database migration");
        type(robot, "events[0].month", "30");
        type(robot, "events[0].cost", "20k");
        enter(robot);
        TimelineEvent late = new TimelineEvent(30, "Database migration", Map.of(), null, 20_000.0, null);
        assertEquals(problem(grown, grown.timeline().withEvents(List.of(late))).message(), message(robot, "events[0].month").getText());
        assertTrue(message(robot, "events[0].month").getText().contains("not within the timeline's months 0 to 23"));
        type(robot, "events[0].month", "4");
        type(robot, "events[0].levers", "haiku: on, hiaku: off");
        enter(robot);
        TimelineEvent typo = new TimelineEvent(4, "Database migration", Map.of("haiku", true, "hiaku", false), null, 20_000.0, null);
        Problem unknown = problem(grown, grown.timeline().withEvents(List.of(typo)));
        assertEquals("position 11: " + unknown.message(), message(robot, "events[0].levers").getText(), "at the unknown lever's id");
        assertTrue(unknown.message().contains("'hiaku' is not a lever"), unknown.message());
        TextField levers = field(robot, "events[0].levers");
        assertEquals("hiaku", levers.getSelectedText(), "Enter puts the caret on the problem");
        type(robot, "events[0].levers", "haiku: on");
        enter(robot);
        TimelineEvent migration = new TimelineEvent(4, "Database migration", Map.of("haiku", true), null, 20_000.0, null);
        assertEquals(List.of(migration), window.scenario().timeline().events());
        Scenario withEvent = window.scenario();
        TreeCell<?> heading = robot.lookup("#outline-timeline").queryAs(TreeCell.class);
        assertEquals("Timeline (24 months)", ((ModelOutline.Entry) heading.getItem()).text());

        // the Timeline tab shows it: the one-off cost comes out of month 4's cash, the lever lowers the cost from then
        TestWindow.showTab(robot, "Timeline");
        WaitForAsyncUtils.waitForFxEvents();
        Months.Result before = engine(grown);
        Months.Result after = engine(withEvent);
        assertTrue(after.months().get(4).total() < before.months().get(4).total(), "Haiku lowers the cost from month 4");
        assertEquals(before.months().get(3).cash(), after.months().get(3).cash(), 1e-6, "nothing changes before the event");
        double saved = before.months().get(4).total() - after.months().get(4).total();
        assertEquals(before.months().get(4).cash() - 20_000 + saved, after.months().get(4).cash(), 1e-6);
        assertEquals(Formats.money(after.months().get(4).cash(), "USD"), table(robot).getItems().get(4).cash());
        assertTrue(table(robot).getItems().get(4).events().contains("Database migration"));

        // a slider moves the whole timeline
        TestWindow.showTab(robot, "Timeline");
        Slider slider = robot.lookup(costscope.ui.base.NodeKeys.is("slider-concurrent_users")).queryAs(Slider.class);
        robot.drag(slider.lookup(".thumb")).moveBy(20, 0).moveBy(20, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Scenario moved = window.scenario();
        assertTrue(moved.driver("concurrent_users").value() > 1000, "the drag increased concurrent users");
        assertEquals(withEvent.timeline(), moved.timeline());
        assertEquals(Formats.money(engine(moved).months().get(5).total(), "USD"), table(robot).getItems().get(5).total());

        // undo: the drag, the levers (the event was applied as soon as it was valid, when the caret left its month),
        // then the event; the page follows
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(withEvent, window.scenario());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(migration.withLevers(Map.of())), window.scenario().timeline().events());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(grown, window.scenario());
        assertEquals(Formats.money(before.months().get(4).cash(), "USD"), table(robot).getItems().get(4).cash());
        showTimelinePage(robot);
        assertNull(robot.lookup("#field-events-0-month").tryQuery().orElse(null), "the event's row went with the undo");
        assertEquals("10%/month", field(robot, "paths[0].value").getText());
    }

    @Test
    void milestonesAreTypedInOneLineAndPointedAtWhenWrong(FxRobot robot) throws Exception {
        Scenario original = window.scenario();
        showTimelinePage(robot);
        press(robot, "#editor-add-path");
        WaitForAsyncUtils.waitForFxEvents();
        type(robot, "paths[0].value", "0.05");
        enter(robot);
        pick(robot, "paths[0].how", "milestones");
        assertEquals("", field(robot, "paths[0].value").getText(), "a growth rate is not milestones");
        assertEquals("linear", robot.lookup("#field-paths-0-interpolate").queryAs(ComboBox.class).getValue());
        assertFalse(robot.lookup("#field-paths-0-interpolate").queryAs(ComboBox.class).isDisabled());
        type(robot, "paths[0].value", "0: 1000; 12: 5k; 6: 2000");
        enter(robot);
        assertEquals("position 17: milestone 3: milestones must be in order of month (month 6 is not after 12)",
                message(robot, "paths[0].value").getText());
        type(robot, "paths[0].value", "0: 1000; 12: 10k");
        pick(robot, "paths[0].interpolate", "log");
        enter(robot);
        TimelinePath log = new TimelinePath("concurrent_users", null,
                List.of(new TimelinePath.Milestone(0, 1000), new TimelinePath.Milestone(12, 10_000)), TimelinePath.Interpolation.LOG, null);
        assertEquals(List.of(log), window.scenario().timeline().paths());
        type(robot, "paths[0].value", "0: 0; 12: 10k");
        enter(robot);
        assertEquals("position 3: milestone 1: log interpolation needs values above 0 (have 0.0)", message(robot, "paths[0].value").getText());
        type(robot, "paths[0].value", "0: 1000; 12: 10k");
        enter(robot);

        // no months with a path: refused; no months and no rows: no timeline
        type(robot, "months", "");
        enter(robot);
        assertTrue(message(robot, "months").getText().startsWith("a timeline needs its number of months"));
        press(robot, "#editor-remove-path-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(window.scenario().timeline(), "blank months and no rows: the timeline is removed");
        assertEquals(original.withTimeline(null), window.scenario());
        assertEquals("Timeline (none)", ((ModelOutline.Entry) robot.lookup("#outline-timeline").queryAs(TreeCell.class).getItem()).text());

        // adding an event to a scenario without a timeline starts one of 36 months
        press(robot, "#editor-add-event");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("36", field(robot, "months").getText());
        type(robot, "events[0].funding", "2m");
        type(robot, "events[0].label", "Seed round");
        enter(robot);
        assertEquals(new Timeline(36, null, List.of(), List.of(new TimelineEvent(0, "Seed round", Map.of(), null, null, 2_000_000.0))),
                window.scenario().timeline());
    }
}
