package costscope.ui.files;

import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import costscope.ui.TestDialogs;
import costscope.ui.document.ScenarioDocument;
import costscope.ui.recalc.TaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileActionsTest {
    static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");
    @TempDir
    Path dir;
    ScenarioDocument doc;
    TestDialogs dialogs;
    FileActions files;
    RecentFiles recent;

    @BeforeEach
    void setUp() {
        doc = new ScenarioDocument();
        dialogs = new TestDialogs();
        recent = new RecentFiles(dir.resolve("recent.txt"));
        files = new FileActions(doc, TaskRunner.synchronous(), dialogs, recent);
    }

    Path copyOfExample() throws Exception {
        Path f = dir.resolve("model.json");
        Files.copy(EXAMPLE, f);
        return f;
    }

    @Test
    void openSaveAndReopenGivesTheSameScenario() throws Exception {
        Path f = copyOfExample();
        files.open(f);
        assertEquals(ScenarioFiles.load(EXAMPLE), doc.scenario());
        assertEquals(List.of(f.toAbsolutePath().normalize()), recent.files());
        doc.edit("x", s -> s.withDriverValue("active_users", 4321));
        Path other = dir.resolve("renamed.json");
        dialogs.files.add(other);
        files.saveAs();
        assertFalse(doc.isDirty());
        assertEquals(other, doc.file());
        ScenarioDocument again = new ScenarioDocument();
        new FileActions(again, TaskRunner.synchronous(), dialogs, new RecentFiles(null)).open(other);
        assertEquals(doc.scenario(), again.scenario());
        assertEquals(4321, again.scenario().driver("active_users").value());
        assertEquals(List.of("recent.txt", "model.json", "renamed.json").stream().sorted().toList(),
                Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        assertEquals(List.of(other.toAbsolutePath().normalize().toString(), f.toAbsolutePath().normalize().toString()),
                Files.readAllLines(dir.resolve("recent.txt")));
    }

    @Test
    void saveKeepsThePreviousVersionAsABackup() throws Exception {
        Path f = copyOfExample();
        String before = Files.readString(f);
        files.open(f);
        doc.edit("x", s -> s.withDriverValue("active_users", 2000));
        files.save();
        assertEquals(before, Files.readString(FileActions.backupOf(f)));
        assertEquals(ScenarioFiles.toJson(doc.scenario()), Files.readString(f));
    }

    @Test
    void aBackupThatCannotBeWrittenDoesNotStopTheSaveAndTheStatusLineSaysWhy() throws Exception {
        Path f = copyOfExample();
        Path bak = FileActions.backupOf(f);
        Files.createDirectory(bak);
        Files.writeString(bak.resolve("mine.txt"), "mine");
        files.open(f);
        doc.edit("x", s -> s.withDriverValue("active_users", 2000));
        List<String> after = new java.util.ArrayList<>();
        files.save(() -> after.add("then"));
        assertEquals(ScenarioFiles.toJson(doc.scenario()), Files.readString(f), "saved");
        assertFalse(doc.isDirty());
        assertEquals(List.of("then"), after, "what waited for the save goes on");
        assertEquals(List.of(), dialogs.errors, "nothing blocks: no dialog");
        assertEquals("Saved " + f + "; no backup kept: cannot write " + bak + ": is a directory", files.statusProperty().get());
        assertEquals("mine", Files.readString(bak.resolve("mine.txt")), "what was there is left alone");

        // a read-only backup: kept as it is, the save still goes on
        Files.delete(bak.resolve("mine.txt"));
        Files.delete(bak);
        Files.writeString(bak, "an old backup the user locked");
        Files.setPosixFilePermissions(bak, PosixFilePermissions.fromString("r--r--r--"));
        doc.edit("y", s -> s.withDriverValue("active_users", 3000));
        files.save();
        assertEquals(3000, ScenarioFiles.load(f).driver("active_users").value());
        assertEquals("an old backup the user locked", Files.readString(bak));
        assertEquals("Saved " + f + "; no backup kept: cannot write " + bak + ": permission denied: " + bak.toRealPath() + " is read-only",
                files.statusProperty().get());
        assertEquals(List.of(), dialogs.errors);
        assertEquals(List.of("model.json", "model.json.bak", "recent.txt"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
    }

    @Test
    void saveAndBackupKeepThePermissionsTheUserSet() throws Exception {
        Path f = copyOfExample();
        String before = Files.readString(f);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        Path bak = FileActions.backupOf(f);
        Files.writeString(bak, "an older backup, readable by all");
        Files.setPosixFilePermissions(bak, PosixFilePermissions.fromString("rw-r--r--"));
        files.open(f);
        doc.edit("x", s -> s.withDriverValue("active_users", 2000));
        files.save();
        assertEquals("Saved " + f, files.statusProperty().get());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), "the private file stays private");
        assertEquals(before, Files.readString(bak));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(bak)),
                "the backup of a private file is as private as it");
    }

    @Test
    void aBrokenFileOpensNothingAndSaysWhereItIsBroken() throws Exception {
        Path good = copyOfExample();
        files.open(good);
        Scenario open = doc.scenario();
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{\n  \"format\": \"costscope-scenario\",\n  \"version\": 1\n  \"name\": \"x\"\n}");
        files.open(bad);
        assertEquals(open, doc.scenario(), "the open scenario stays");
        assertEquals(good, doc.file());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot open broken.json: " + bad + ": line 4, column 3: malformed JSON"),
                dialogs.errors.get(0));
    }

    @Test
    void aFailedSaveKeepsTheEditsAndSaysWhy() throws Exception {
        files.open(copyOfExample());
        doc.edit("x", s -> s.withDriverValue("active_users", 2000));
        Path blocked = dir.resolve("no-such-dir").resolve("x.json");
        files.saveTo(blocked, () -> {
            throw new AssertionError("must not continue after a failed save");
        });
        assertTrue(doc.isDirty());
        assertEquals(2000, doc.scenario().driver("active_users").value());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot save x.json: cannot write " + blocked + ": folder " + blocked.getParent()
                + " does not exist\n"), dialogs.errors.get(0));
        assertTrue(dialogs.errors.get(0).endsWith("Your changes are still open; nothing was lost."));
    }

    @Test
    void unsavedChangesAreAskedAboutBeforeOpeningOrNew() throws Exception {
        Path f = copyOfExample();
        files.open(f);
        doc.edit("x", s -> s.withDriverValue("active_users", 2000));
        dialogs.unsavedAnswers.add(Dialogs.Unsaved.CANCEL);
        files.newScenario();
        assertEquals(2000, doc.scenario().driver("active_users").value(), "cancel keeps everything");
        dialogs.unsavedAnswers.add(Dialogs.Unsaved.DISCARD);
        files.newScenario();
        assertEquals("New scenario", doc.scenario().name());
        assertNull(doc.file());
        doc.edit("y", s -> s.withDriverValue("active_users", 777));
        dialogs.unsavedAnswers.add(Dialogs.Unsaved.SAVE);
        Path saved = dir.resolve("new.json");
        dialogs.files.add(saved);
        files.open(f);
        assertEquals(777, ScenarioFiles.load(saved).driver("active_users").value(), "saved before opening the next file");
        assertEquals(f, doc.file());
        assertEquals(List.of("unsaved:model.json", "unsaved:model.json", "unsaved:Untitled", "save:new-scenario.json"), dialogs.asked);
    }

    @Test
    void theNewScenarioTemplateIsValid() throws Exception {
        costscope.engine.CompiledScenario c = costscope.engine.CompiledScenario.compile(FileActions.template());
        assertEquals(1 * 0.10 * 730, c.newEvaluator().evaluate().monthlyTotal(), 1e-9);
    }
}
