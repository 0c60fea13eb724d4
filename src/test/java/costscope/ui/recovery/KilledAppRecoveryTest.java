package costscope.ui.recovery;

import costscope.files.ScenarioFiles;
import costscope.ui.TestDialogs;
import costscope.ui.TestWindow;
import costscope.ui.document.ScenarioDocument;
import costscope.ui.files.Dialogs.Recovered;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The app is killed (SIGKILL) with an unsaved edit; the next start offers it back, and restoring gives the edited
 * value in an unsaved document that saves into the original file.
 */
@ExtendWith(ApplicationExtension.class)
class KilledAppRecoveryTest {
    static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");

    @TempDir
    Path dir;
    Stage stage;
    TestWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** The child JVM: the test class path and the headless settings of the surefire configuration. */
    static ProcessBuilder child(Path journals, Path file, String driver, String value, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String p : List.of("glass.platform=Monocle", "monocle.platform=Headless", "prism.order=sw", "prism.text=t2k",
                "java.awt.headless=true", "testfx.headless=true")) {
            cmd.add("-D" + p);
        }
        cmd.addAll(List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EditingApp.class.getName(), journals.toString(), file.toString(), driver, value));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    static List<Path> journalsIn(Path d) throws IOException {
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().startsWith("journal-")).toList();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void anEditKilledWithTheAppIsOfferedBackAndRestoredIntoItsFile(FxRobot robot) throws Exception {
        Path model = dir.resolve("model.json");
        Files.copy(EXAMPLE, model);
        Path journals = dir.resolve("recovery");
        Path log = dir.resolve("child.log");

        Process app = child(journals, model, "active_users", "12345.678", log).start();
        Path journal;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<Path> found = journalsIn(journals);
            while (found.isEmpty()) {
                if (!app.isAlive()) fail("the child ended (" + app.exitValue() + "): " + Files.readString(log, StandardCharsets.UTF_8));
                if (System.nanoTime() > deadline) fail("no journal within 30 s: " + Files.readString(log, StandardCharsets.UTF_8));
                Thread.sleep(50);
                found = journalsIn(journals);
            }
            assertEquals(1, found.size(), found.toString());
            journal = found.get(0);
            assertTrue(journal.getFileName().toString().startsWith("journal-" + app.pid() + "-"), journal.toString());
            assertTrue(app.isAlive(), "the journal was written while the app runs");
        } finally {
            app.destroyForcibly();
        }
        assertTrue(app.waitFor(10, TimeUnit.SECONDS), "killed");
        assertEquals(137, app.exitValue(), "SIGKILL: " + Files.readString(log, StandardCharsets.UTF_8));
        assertTrue(Files.readString(log, StandardCharsets.UTF_8).contains("edited active_users = 12345.678"));
        assertEquals(1000, ScenarioFiles.load(model).driver("active_users").value(), 0, "the file was never saved");
        assertEquals(12345.678, JournalStore.read(journal).scenario().driver("active_users").value(), 0);

        TestDialogs dialogs = new TestDialogs();
        dialogs.recoveryAnswers.add(Recovered.RESTORE);
        robot.interact(() -> window = TestWindow.start(stage, model, dialogs, new JournalStore(journals)));
        ScenarioDocument doc = window.context().document();

        assertEquals(List.of("recover:Chat app on AWS:model.json"), dialogs.asked, "the restore offer");
        assertEquals(12345.678, doc.scenario().driver("active_users").value(), 0, "the edited value, exactly");
        assertEquals(ScenarioFiles.load(model).withDriverValue("active_users", 12345.678), doc.scenario());
        assertTrue(doc.isDirty(), "restored as unsaved");
        assertEquals(model.toAbsolutePath(), doc.file(), "tied to the original file");
        assertEquals("*model.json - Costscope", stage.getTitle());
        assertFalse(Files.exists(journal), "the dead instance's journal was taken over");
        assertEquals(List.of(window.context().recovery().journal()), journalsIn(journals));

        robot.interact(() -> window.context().files().save());
        assertFalse(doc.isDirty());
        assertEquals(12345.678, ScenarioFiles.load(model).driver("active_users").value(), 0, "Save wrote the original file");
        assertEquals(List.of(), journalsIn(journals), "and the journal is gone");
        assertEquals(List.of(), dialogs.errors);
    }
}
