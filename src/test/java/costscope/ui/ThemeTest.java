package costscope.ui;

import costscope.ui.files.AppState;
import costscope.ui.files.RecentFiles;
import costscope.ui.recalc.FramePulse;
import costscope.ui.recalc.TaskRunner;
import costscope.ui.recovery.JournalStore;
import javafx.scene.control.RadioMenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two themes: every colour token of the light theme has its dark counterpart (styles/theme.css), the View menu
 * switches between them and the choice is remembered; the Model tab, left open when the window closes, keeps the
 * charts' split as it was.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeTest {
    @TempDir
    Path tmp;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    static Set<String> tokens(String css, String selector) {
        Matcher m = Pattern.compile(Pattern.quote(selector) + "\\s*\\{([^}]*)}").matcher(css);
        assertTrue(m.find(), selector);
        Set<String> out = new LinkedHashSet<>();
        Matcher p = Pattern.compile("(-[a-z0-9-]+)\\s*:\\s*([^;]+);").matcher(m.group(1));
        while (p.find()) {
            String value = p.group(2);
            if (value.startsWith("#") || value.startsWith("rgb") || value.startsWith("-cs-")) out.add(p.group(1));
        }
        return out;
    }

    @Test
    void everyLightColourHasItsDarkCounterpart() throws Exception {
        String css = Files.readString(Path.of("styles/theme.css"));
        Set<String> light = tokens(css, ".root ");
        Set<String> dark = tokens(css, ".root.dark ");
        assertTrue(light.size() >= 20, light.toString());
        // the category palette is one block for both themes: a category keeps its colour
        assertTrue(css.contains("-cs-series-11: #1f9e89;"), "the palette");
        assertFalse(dark.stream().anyMatch(t -> t.startsWith("-cs-series-")), "the dark theme keeps the palette");
        Set<String> missing = new LinkedHashSet<>(light);
        missing.removeAll(dark);
        assertEquals(Set.of(), missing, "colours without a dark counterpart");
        // no other stylesheet names a colour of its own: they use the tokens
        for (String f : new String[]{"app.css", "charts.css", "tables.css", "editor.css", "compare.css", "sensitivity.css"}) {
            String other = Files.readString(Path.of("styles", f));
            assertFalse(Pattern.compile("#[0-9a-fA-F]{3,8}\\b|rgba?\\(").matcher(other).find(), f + " names a colour");
        }
    }

    /**
     * The system's theme asked while the toolkit starts ({@link Opening}) is the window's when it is built, before its
     * first frame: a dark system's window does not show light first. The runner here never runs its work, so only the
     * early answer can turn the window dark.
     */
    @Test
    void theSystemsAnswerGivenAtStartIsTheWindowsBeforeItsFirstFrame(FxRobot robot) {
        costscope.ui.recalc.TaskRunner never = new costscope.ui.recalc.TaskRunner() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onDone,
                                java.util.function.Consumer<Throwable> onError) {
            }
        };
        boolean[] dark = new boolean[2];
        robot.interact(() -> {
            Stage s = new Stage();
            CostscopeApp.Window w = CostscopeApp.build(s, never, FramePulse.immediate(), new TestDialogs(), new RecentFiles(null),
                    new JournalStore(null), new AppState(null),
                    java.util.concurrent.CompletableFuture.completedFuture(costscope.ui.base.Theme.DARK));
            dark[0] = w.scene().getRoot().getStyleClass().contains("dark");
            Stage s2 = new Stage();
            CostscopeApp.Window notYet = CostscopeApp.build(s2, never, FramePulse.immediate(), new TestDialogs(), new RecentFiles(null),
                    new JournalStore(null), new AppState(null), new java.util.concurrent.CompletableFuture<>());
            dark[1] = notYet.scene().getRoot().getStyleClass().contains("dark");
        });
        assertTrue(dark[0], "dark when built");
        assertFalse(dark[1], "an answer not in yet is waited for in the background (light until then)");
    }

    @Test
    void theViewMenuSwitchesTheThemeAndItIsRemembered(FxRobot robot) throws Exception {
        Path store = tmp.resolve("state.json");
        CostscopeApp.Window[] w = new CostscopeApp.Window[1];
        robot.interact(() -> {
            stage = new Stage();   // its own: the shared primary stage is not closed under the tests after this one
            w[0] = CostscopeApp.build(stage, TaskRunner.synchronous(), FramePulse.immediate(), new TestDialogs(),
                    new RecentFiles(null), new JournalStore(null), new AppState(store));
            stage.show();
            CostscopeApp.openFirst(w[0], Path.of("sample-scenarios/innerworld.json"));
        });
        assertFalse(w[0].scene().getRoot().getStyleClass().contains("dark"), "this machine's system says light (or nothing)");
        robot.clickOn("View").clickOn("Dark theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(w[0].scene().getRoot().getStyleClass().contains("dark"));
        assertEquals("dark", new AppState(store).theme(), "remembered at once");
        robot.interact(() -> {
            TestWindow.select(((javafx.scene.control.TabPane) w[0].scene().lookup("#tabs")), "Model");
            stage.close();
        });
        AppState state = new AppState(store);
        assertEquals(null, state.window().resultsSplit(), "the Model tab's split is not the charts' share");

        robot.interact(() -> {
            Stage again = new Stage();
            CostscopeApp.Window w2 = CostscopeApp.build(again, TaskRunner.synchronous(), FramePulse.immediate(), new TestDialogs(),
                    new RecentFiles(null), new JournalStore(null), state);
            assertTrue(w2.scene().getRoot().getStyleClass().contains("dark"), "dark again on the next start");
            RadioMenuItem dark = (RadioMenuItem) w2.controller().viewMenu().getItems().get(1);
            assertTrue(dark.isSelected());
        });
    }
}
