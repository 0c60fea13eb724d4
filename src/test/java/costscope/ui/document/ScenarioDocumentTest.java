package costscope.ui.document;

import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioDocumentTest {
    static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");
    ScenarioDocument doc;
    Scenario original;

    @BeforeEach
    void open() throws Exception {
        original = ScenarioFiles.load(EXAMPLE);
        doc = new ScenarioDocument();
        doc.open(original, EXAMPLE);
    }

    double users() {
        return doc.scenario().driver("active_users").value();
    }

    @Test
    void editsAreUndoneAndRedoneExactly() {
        assertFalse(doc.isDirty());
        doc.edit("Change users", s -> s.withDriverValue("active_users", 5000));
        doc.edit("Switch on cache", s -> s.withLeverEnabled("cache", true));
        assertTrue(doc.isDirty());
        assertEquals("Undo Switch on cache", doc.undoLabelProperty().get());
        doc.undo();
        assertFalse(doc.scenario().levers().get(0).enabled());
        assertEquals(5000, users());
        doc.undo();
        assertSame(original, doc.scenario());
        assertFalse(doc.isDirty(), "undoing back to the saved state is clean");
        assertFalse(doc.canUndoProperty().get());
        doc.redo();
        assertEquals(5000, users());
        assertEquals("Redo Switch on cache", doc.redoLabelProperty().get());
        doc.redo();
        assertTrue(doc.scenario().levers().get(0).enabled());
        assertFalse(doc.canRedoProperty().get());
    }

    @Test
    void aDragIsOneUndoStep() {
        for (int v = 1100; v <= 9000; v += 100) {
            double x = v;
            doc.editInGesture("driver:active_users", "Change Active users", s -> s.withDriverValue("active_users", x));
        }
        doc.endGesture();
        doc.editInGesture("driver:active_users", "Change Active users", s -> s.withDriverValue("active_users", 20000));
        assertEquals(20000, users());
        doc.undo();
        assertEquals(9000, users(), "the second drag is its own step");
        doc.undo();
        assertEquals(1000, users(), "the whole first drag undoes at once");
        assertFalse(doc.canUndoProperty().get());
    }

    @Test
    void aDifferentKeyOrAPlainEditStartsANewStep() {
        doc.editInGesture("driver:active_users", "a", s -> s.withDriverValue("active_users", 2000));
        doc.editInGesture("driver:messages", "b", s -> s.withDriverValue("messages", 500));
        doc.edit("c", s -> s.withDriverValue("active_users", 3000));
        doc.undo();
        doc.undo();
        assertEquals(2000, users());
        assertEquals(300, doc.scenario().driver("messages").value());
    }

    @Test
    void anEditThatChangesNothingRecordsNothing() {
        doc.edit("same", s -> s.withDriverValue("active_users", 1000));
        assertFalse(doc.canUndoProperty().get());
        assertFalse(doc.isDirty());
    }

    @Test
    void anEditAfterUndoClearsRedo() {
        doc.edit("a", s -> s.withDriverValue("active_users", 2000));
        doc.undo();
        doc.edit("b", s -> s.withDriverValue("active_users", 3000));
        assertFalse(doc.canRedoProperty().get());
    }

    @Test
    void savingMarksCleanAndEditsMadeWhileSavingStayDirty() {
        doc.edit("a", s -> s.withDriverValue("active_users", 2000));
        Scenario written = doc.scenario();
        doc.edit("b", s -> s.withDriverValue("active_users", 3000));
        doc.markSaved(Path.of("x.json"), written);
        assertTrue(doc.isDirty());
        doc.undo();
        assertFalse(doc.isDirty(), "the document is back at what the file holds");
        assertEquals(Path.of("x.json"), doc.file());
    }

    @Test
    void historyIsBounded() {
        for (int i = 0; i < ScenarioDocument.HISTORY_LIMIT + 50; i++) {
            double v = 2000 + i;
            doc.edit("e", s -> s.withDriverValue("active_users", v));
        }
        int undone = 0;
        while (doc.canUndoProperty().get()) {
            doc.undo();
            undone++;
        }
        assertEquals(ScenarioDocument.HISTORY_LIMIT, undone);
    }
}
