package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.files.ScenarioFiles;
import costscope.model.Correlation;
import costscope.model.Distribution;
import costscope.model.Problem;
import costscope.model.Range;
import costscope.model.Scenario;
import costscope.ui.TestWindow;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static costscope.ui.editor.ModelEditorTest.field;
import static costscope.ui.editor.ModelEditorTest.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless (Monocle): the Model tab's driver form edits a driver's range (only the fields its distribution takes), the
 * Correlations page pairs uncertain drivers, both checked as you type with the engine's messages at the field, and
 * saving writes them as the file format has them.
 */
@ExtendWith(ApplicationExtension.class)
class RangeEditorTest {
    TestWindow window;
    Path file;

    @Start
    void start(Stage stage) {
        try {
            file = Files.createTempDirectory("costscope-range").resolve("beatsight.json");
            Files.copy(Path.of("sample-scenarios/beatsight.json"), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        window = TestWindow.open(stage, file);
    }

    @BeforeEach
    void showModelTab(FxRobot robot) {
        TestWindow.showTab(robot, "Model");
    }

    /** Types into a field as a user would (focused, its text selected; "" clears it), wherever the form has it scrolled. */
    static void type(FxRobot robot, String key, String text) {
        TextField f = field(robot, key);
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        if (text.isEmpty()) robot.type(KeyCode.BACK_SPACE);
        else robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void enter(FxRobot robot) {
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    static void pick(FxRobot robot, String key, String value) {
        ComboBox<String> c = robot.lookup("#field-" + FormField.idPart(key)).queryAs(ComboBox.class);
        robot.interact(() -> c.setValue(value));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static Label message(FxRobot robot, String key) {
        return robot.lookup("#message-" + FormField.idPart(key)).queryAs(Label.class);
    }

    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    /** Clicks the outline's Correlations heading (scrolled to first). */
    @SuppressWarnings("unchecked")
    static void showCorrelations(FxRobot robot) {
        javafx.scene.control.TreeView<ModelOutline.Entry> tree = robot.lookup("#editor-tree").queryAs(javafx.scene.control.TreeView.class);
        robot.interact(() -> {
            for (javafx.scene.control.TreeItem<ModelOutline.Entry> sec : tree.getRoot().getChildren()) {
                if (sec.getValue().isCorrelations()) tree.scrollTo(tree.getRow(sec));
            }
        });
        robot.clickOn(robot.lookup("#outline-correlations").match(org.testfx.util.NodeQueryUtils.isVisible()).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The engine's message for driver {@code id} with range {@code r} (its one problem). */
    static String engineMessage(Scenario s, String id, Range r) {
        List<Problem> problems = CompiledScenario.validate(s.withDrivers(s.drivers().stream()
                .map(d -> d.id().equals(id) ? d.withRange(r) : d).toList()));
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0).message();
    }

    @Test
    void theDriverFormEditsARangeAndTheCorrelationsPagePairsTwoAndSavingWritesBoth(FxRobot robot) throws Exception {
        Scenario before = window.scenario();
        select(robot, "drivers", "new_songs_per_user");
        assertEquals("", robot.lookup("#field-range-distribution").queryAs(ComboBox.class).getValue(), "no range: none");
        assertFalse(shown(field(robot, "range.low")), "no numbers without a distribution");

        pick(robot, "range.distribution", "pert");
        assertTrue(shown(field(robot, "range.low")) && shown(field(robot, "range.high")) && shown(field(robot, "range.mode")));
        assertFalse(shown(field(robot, "range.mean")) || shown(field(robot, "range.sd")), "PERT takes no mean or sd");
        assertEquals(engineMessage(before, "new_songs_per_user", new Range(Distribution.PERT, null, null, null, null, null)),
                message(robot, "range.low").getText(), "PERT without its ends: the engine's message, at low");
        assertSame(before, window.scenario(), "nothing applied yet");

        // high below low: the engine's message at high, and nothing applied
        type(robot, "range.low", "5");
        type(robot, "range.high", "3");
        enter(robot);
        String highBelowLow = engineMessage(before, "new_songs_per_user", new Range(Distribution.PERT, 5.0, 3.0, null, null, null));
        assertEquals("high must be above low", highBelowLow);
        assertEquals(highBelowLow, message(robot, "range.high").getText());
        assertTrue(field(robot, "range.high").getStyleClass().contains("field-invalid"));
        assertFalse(message(robot, "range.low").isVisible(), "only high is marked");
        assertSame(before, window.scenario(), "a bad range changes nothing");

        type(robot, "range.low", "3");
        type(robot, "range.high", "5");
        type(robot, "range.mode", "4");
        enter(robot);
        assertEquals(new Range(Distribution.PERT, 3.0, 5.0, 4.0, null, null), window.scenario().driver("new_songs_per_user").range());
        assertFalse(message(robot, "range.high").isVisible());

        // a second uncertain driver, uniform: low and high only
        select(robot, "drivers", "verified_share");
        pick(robot, "range.distribution", "uniform");
        assertFalse(shown(field(robot, "range.mode")), "a uniform range has no mode");
        type(robot, "range.low", "0.4");
        type(robot, "range.high", "60%");
        enter(robot);
        assertEquals(new Range(Distribution.UNIFORM, 0.4, 0.6, null, null, null), window.scenario().driver("verified_share").range());

        // the correlations page: a row pairs the first two uncertain drivers, the rank is typed
        showCorrelations(robot);
        assertEquals("Correlations", robot.lookup("#editor-form-title").queryAs(Label.class).getText());
        robot.clickOn("#editor-add-correlation");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("new_songs_per_user", robot.lookup("#field-correlations-0-a").queryAs(ComboBox.class).getValue());
        assertEquals("verified_share", robot.lookup("#field-correlations-0-b").queryAs(ComboBox.class).getValue());
        assertEquals(List.of(), window.scenario().correlations(), "no rank yet: nothing applied");
        Scenario twoRanges = window.scenario();
        type(robot, "correlations[0].rank", "1");
        enter(robot);
        List<Problem> one = CompiledScenario.validate(twoRanges.withCorrelations(
                List.of(new Correlation(List.of("new_songs_per_user", "verified_share"), 1))));
        assertEquals(1, one.size());
        assertEquals(one.get(0).message(), message(robot, "correlations[0].rank").getText(), "the engine's message at the rank");
        assertSame(twoRanges, window.scenario(), "a rank of 1 is refused");
        type(robot, "correlations[0].rank", "0.6");
        enter(robot);
        assertEquals(List.of(new Correlation(List.of("new_songs_per_user", "verified_share"), 0.6)), window.scenario().correlations());
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeCell<ModelOutline.Entry> heading = robot.lookup("#outline-correlations").queryAs(javafx.scene.control.TreeCell.class);
        assertEquals("Correlations (1)", heading.getItem().text());

        // saving writes the ranges and the correlation as the format has them
        robot.interact(() -> window.context().files().save());
        WaitForAsyncUtils.waitForFxEvents();
        String saved = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(ScenarioFiles.toJson(window.scenario()), saved);
        assertTrue(saved.contains("""
                      "step": 0.1,
                      "range": {
                        "distribution": "pert",
                        "low": 3,
                        "high": 5,
                        "mode": 4
                      },
                      "description": "Songs each active user submits a month (report: 2)."
                """), saved);
        assertTrue(saved.contains("""
                      "range": {
                        "distribution": "uniform",
                        "low": 0.4,
                        "high": 0.6
                      },
                """), saved);
        assertTrue(saved.contains("""
                  "correlations": [
                    {
                      "between": [
                        "new_songs_per_user",
                        "verified_share"
                      ],
                      "rank": 0.6
                    }
                  ],
                """), saved);
        assertEquals(window.scenario(), ScenarioFiles.load(file), "and reads back the same");

        // clearing a correlated driver's range takes its correlation with it, in one undoable edit
        select(robot, "drivers", "verified_share");
        pick(robot, "range.distribution", "");
        assertNull(window.scenario().driver("verified_share").range());
        assertEquals(List.of(), window.scenario().correlations());
        robot.interact(() -> window.context().document().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.scenario().correlations().size());
        assertEquals("uniform", robot.lookup("#field-range-distribution").queryAs(ComboBox.class).getValue(), "the form follows the undo");
    }
}
