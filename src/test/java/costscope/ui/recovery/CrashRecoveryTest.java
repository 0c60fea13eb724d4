package costscope.ui.recovery;

import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import costscope.ui.TestDialogs;
import costscope.ui.TestWindow;
import costscope.ui.document.ScenarioDocument;
import costscope.ui.files.Dialogs.Recovered;
import costscope.ui.files.Dialogs.Unsaved;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless: unsaved edits are journaled after a pause and the journal goes when the work is saved, discarded or the
 * window closes; at start, journals of ended processes are offered back and restored as unsaved documents.
 */
@ExtendWith(ApplicationExtension.class)
class CrashRecoveryTest {
    static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");
    /** A process id above Linux's largest (2^22): never alive. */
    static final long DEAD_PID = 999_999_999L;
    static final Duration DELAY = Duration.ofMillis(400);

    @TempDir
    Path dir;
    Stage stage;
    TestWindow window;
    TestDialogs dialogs = new TestDialogs();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    Path model() throws IOException {
        Path f = dir.resolve("model.json");
        if (!Files.exists(f)) Files.copy(EXAMPLE, f);
        return f;
    }

    Path journals() {
        return dir.resolve("recovery");
    }

    /** The app started as it starts, on model.json, journaling into {@code journals} after {@link #DELAY}. */
    ScenarioDocument startOn(Path journals, FxRobot robot) throws IOException {
        return startOn(journals, robot, () -> {
        });
    }

    /** Starts the app and, in the same FX event (before any journal write can run), {@code then}. */
    ScenarioDocument startOn(Path journals, FxRobot robot, Check then) throws IOException {
        Path f = model();
        robot.interact(() -> {
            window = TestWindow.start(stage, f, dialogs, new JournalStore(journals, DELAY));
            try {
                then.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return window.context().document();
    }

    interface Check {
        void run() throws IOException;
    }

    List<String> files(Path d) throws IOException {
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

    double journaledUsers(Path journal) throws Exception {
        return JournalStore.read(journal).scenario().driver("active_users").value();
    }

    @Test
    void aTypedValueIsJournaledAfterAPauseAndSavingRemovesTheJournal(FxRobot robot) throws Exception {
        ScenarioDocument doc = startOn(journals(), robot);
        Path journal = window.context().recovery().journal();
        assertEquals(List.of(), dialogs.asked, "no journals to offer");
        assertEquals(1000, doc.scenario().driver("active_users").value(), 0);
        assertFalse(Files.exists(journal), "a freshly opened file is no unsaved work");

        robot.doubleClickOn(robot.lookup(costscope.ui.base.NodeKeys.is("field-active_users")).queryAs(javafx.scene.control.TextField.class)).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("12345.678").type(KeyCode.ENTER);
        assertEquals(12345.678, doc.scenario().driver("active_users").value(), 0);

        waitUntil(() -> Files.exists(journal));
        Journal j = JournalStore.read(journal);
        assertEquals(12345.678, j.scenario().driver("active_users").value(), 0, "the edited value, exactly");
        assertEquals(doc.scenario(), j.scenario(), "the whole scenario as edited");
        assertEquals(model().toAbsolutePath(), j.file());
        assertTrue(Duration.between(j.savedAt(), Instant.now()).abs().getSeconds() < 60, j.savedAt().toString());
        String name = journal.getFileName().toString();
        assertTrue(name.startsWith("journal-" + ProcessHandle.current().pid() + "-"), name);
        assertEquals(List.of(name), files(journals()), "one journal, no temporary files");
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"format\" : \"costscope-recovery\""), text);
        assertTrue(text.contains("\"value\": 12345.678"), "the scenario as ScenarioFiles writes it: " + text);

        robot.interact(() -> window.context().files().save());
        assertFalse(doc.isDirty());
        assertEquals(12345.678, ScenarioFiles.load(model()).driver("active_users").value(), 0);
        assertEquals(List.of(), files(journals()), "saving removed the journal");
        WaitForAsyncUtils.sleep(DELAY.toMillis() * 2, TimeUnit.MILLISECONDS);
        assertEquals(List.of(), files(journals()), "and no late write brings it back");
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void changesWithinThePauseMakeOneJournalOfTheLatestStateAndUndoingToTheFileRemovesIt(FxRobot robot) throws Exception {
        ScenarioDocument doc = startOn(journals(), robot);
        Path journal = window.context().recovery().journal();
        robot.interact(() -> {
            doc.edit("a", s -> s.withDriverValue("active_users", 2000));
            doc.edit("b", s -> s.withDriverValue("active_users", 3000));
            assertFalse(Files.exists(journal), "not at once: after the pause");
        });
        waitUntil(() -> Files.exists(journal));
        assertEquals(3000, journaledUsers(journal), 0);

        robot.interact(() -> doc.edit("c", s -> s.withDriverValue("messages", 40)));
        waitUntil(() -> JournalStore.read(journal).scenario().driver("messages").value() == 40);
        assertEquals(doc.scenario(), JournalStore.read(journal).scenario());

        robot.interact(() -> {
            doc.undo();
            doc.undo();
            doc.undo();
        });
        assertFalse(doc.isDirty(), "back to what the file holds");
        assertFalse(Files.exists(journal), "no unsaved work, no journal");
    }

    @Test
    void discardingForAnotherFileOrClosingNormallyRemovesTheJournal(FxRobot robot) throws Exception {
        ScenarioDocument doc = startOn(journals(), robot);
        Path journal = window.context().recovery().journal();
        robot.interact(() -> doc.edit("a", s -> s.withDriverValue("active_users", 2500)));
        waitUntil(() -> Files.exists(journal));

        dialogs.unsavedAnswers.add(Unsaved.DISCARD);
        robot.interact(() -> window.context().files().newScenario());
        assertEquals(List.of("unsaved:model.json"), dialogs.asked);
        assertFalse(Files.exists(journal), "the discarded work's journal is gone");
        WaitForAsyncUtils.sleep(DELAY.toMillis() * 2, TimeUnit.MILLISECONDS);
        assertEquals(List.of(), files(journals()), "an untouched new scenario is no work to keep");

        robot.interact(() -> doc.edit("b", s -> s.withDriverValue("active_users", 7)));
        waitUntil(() -> Files.exists(journal));
        Journal j = JournalStore.read(journal);
        assertNull(j.file(), "never saved");
        assertEquals(7, j.scenario().driver("active_users").value(), 0);

        robot.interact(() -> window.context().recovery().closeCleanly());
        assertEquals(List.of(), files(journals()), "a normal close removes it");
        robot.interact(() -> doc.edit("c", s -> s.withDriverValue("active_users", 8)));
        WaitForAsyncUtils.sleep(DELAY.toMillis() * 2, TimeUnit.MILLISECONDS);
        assertEquals(List.of(), files(journals()), "nothing is journaled after the close");
    }

    @Test
    void aJournalThatCannotBeWrittenNeverDisturbsTheUser(FxRobot robot) throws Exception {
        Path blocked = dir.resolve("not-a-folder");
        Files.writeString(blocked, "a file where the journal folder should be");
        ScenarioDocument doc = startOn(blocked.resolve("recovery"), robot);
        robot.interact(() -> doc.edit("a", s -> s.withDriverValue("active_users", 4321)));
        waitUntil(() -> window.context().recovery().failureProperty().get() != null);
        assertEquals(4321, doc.scenario().driver("active_users").value(), 0);
        assertTrue(doc.isDirty());
        assertEquals(List.of(), dialogs.errors, "no error shown");
        robot.interact(() -> window.context().files().save());
        assertFalse(doc.isDirty());
        assertEquals(4321, ScenarioFiles.load(model()).driver("active_users").value(), 0, "saving still works");
    }

    // ---------------------------------------------------------------------------------------------- offering back

    /** A journal as a process that has ended left it. */
    Path orphan(String id, Scenario s, Path file, Instant savedAt) throws IOException {
        Files.createDirectories(journals());
        String text = new JournalStore(journals()).text(s, file, savedAt);
        Path p = journals().resolve("journal-" + DEAD_PID + "-1-" + id + ".json");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void journalsOfEndedProcessesAreOfferedNewestFirstAndRestoredUnsavedInTheirFile(FxRobot robot) throws Exception {
        Scenario example = ScenarioFiles.load(EXAMPLE);
        Path older = orphan("0a", example.withDriverValue("active_users", 111.25), model(), Instant.parse("2024-05-01T10:00:00Z"));
        Path newer = orphan("0b", example.withDriverValue("active_users", 222.5).withName("Newer"), null, Instant.parse("2024-05-02T10:00:00Z"));
        Path leftover = journals().resolve(".journal-" + DEAD_PID + "-1-0c.json.12345.tmp");
        Files.writeString(leftover, "{\"half");
        Path live = journals().resolve("journal-" + ProcessHandle.current().pid() + "-"
                + ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli() + "-0d.json");
        Files.copy(older, live);
        Path unreadable = journals().resolve("journal-" + DEAD_PID + "-1-0e.json");
        Files.writeString(unreadable, "not json");

        dialogs.recoveryAnswers.add(Recovered.DISCARD);
        dialogs.recoveryAnswers.add(Recovered.RESTORE);
        List<String> atStart = new ArrayList<>();
        ScenarioDocument doc = startOn(journals(), robot, () -> atStart.addAll(files(journals())));
        Path mine = window.context().recovery().journal();
        assertEquals(List.of(live.getFileName().toString(), mine.getFileName().toString(),
                        unreadable.getFileName().toString()).stream().sorted().toList(), atStart,
                "at once: the discarded journal deleted, the restored one taken over (no moment without one), "
                        + "the leftover temporary file removed");

        assertEquals(List.of("recover:Newer:", "recover:Chat app on AWS:model.json"), dialogs.asked,
                "newest first; a live instance's journal and an unreadable one are not offered");
        assertEquals(111.25, doc.scenario().driver("active_users").value(), 0);
        assertEquals(example.withDriverValue("active_users", 111.25), doc.scenario());
        assertTrue(doc.isDirty(), "restored work is unsaved");
        assertEquals(model().toAbsolutePath(), doc.file(), "and belongs in its file");
        assertTrue(stage.getTitle().startsWith("*model.json"), stage.getTitle());
        assertFalse(doc.canUndoProperty().get());
        assertEquals(atStart, files(journals()));
        assertEquals(111.25, journaledUsers(mine), 0);
        assertFalse(Files.exists(newer));

        robot.interact(() -> window.context().files().save());
        assertEquals(List.of("recover:Newer:", "recover:Chat app on AWS:model.json"), dialogs.asked, "Save asked nothing");
        assertEquals(111.25, ScenarioFiles.load(model()).driver("active_users").value(), 0, "Save wrote to the file");
        assertFalse(Files.exists(mine));
    }

    @Test
    void aJournalFolderThatCannotBeReadOffersNothingAndTheFileOpens(FxRobot robot) throws Exception {
        // a stray name whose process id is too large to be one: listing the folder fails on it
        Files.createDirectories(journals());
        Files.writeString(journals().resolve("journal-99999999999999999999-1-ab.json"), "{}");
        ScenarioDocument doc = startOn(journals(), robot);
        assertEquals(List.of(), dialogs.asked, "nothing offered");
        assertEquals(ScenarioFiles.load(EXAMPLE), doc.scenario(), "the file the app was started on");
        assertFalse(doc.isDirty());
    }

    @Test
    void notNowKeepsTheJournalsAndOpensTheFile(FxRobot robot) throws Exception {
        Scenario example = ScenarioFiles.load(EXAMPLE);
        Path j = orphan("0a", example.withDriverValue("active_users", 5), model(), Instant.parse("2024-05-01T10:00:00Z"));
        dialogs.recoveryAnswers.add(Recovered.LATER);
        ScenarioDocument doc = startOn(journals(), robot);
        assertEquals(List.of("recover:Chat app on AWS:model.json"), dialogs.asked);
        assertEquals(example, doc.scenario(), "the file the app was started on");
        assertFalse(doc.isDirty());
        assertTrue(Files.exists(j), "kept for the next start");
    }

    @Test
    void everySampleRoundTripsThroughAJournal() throws Exception {
        JournalStore store = new JournalStore(dir);
        List<Path> samples;
        try (Stream<Path> s = Files.list(Path.of("sample-scenarios"))) {
            samples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertEquals(6, samples.size());
        for (Path sample : samples) {
            Scenario s = ScenarioFiles.load(sample);
            Path p = dir.resolve("journal-" + DEAD_PID + "-1-" + Integer.toHexString(sample.hashCode()) + ".json");
            Files.writeString(p, store.text(s, sample, Instant.EPOCH));
            Journal j = JournalStore.read(p);
            assertEquals(s, j.scenario(), sample.toString());
            assertEquals(sample.toAbsolutePath(), j.file());
            assertEquals(Instant.EPOCH, j.savedAt());
            assertNotNull(j.path());
        }
        assertEquals(samples.size(), store.orphans().size());
    }
}
