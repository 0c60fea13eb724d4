package costscope.ui.recovery;

import costscope.ui.CostscopeApp;
import costscope.ui.base.Headless;
import costscope.ui.files.Dialogs;
import costscope.ui.files.RecentFiles;
import costscope.ui.recalc.FramePulse;
import costscope.ui.recalc.TaskRunner;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.ArrayList;

/**
 * The app in a child JVM for {@link KilledAppRecoveryTest}: headless, with the app's real services (background
 * thread, frame pulse, the default journal delay) and journals in {@code args[0]}, it opens {@code args[1]}, sets
 * driver {@code args[2]} to {@code args[3]} and waits to be killed (it ends itself after a minute at most).
 */
public final class EditingApp {
    private EditingApp() {
    }

    public static void main(String[] args) {
        Path journals = Path.of(args[0]);
        Path file = Path.of(args[1]);
        String driver = args[2];
        double value = Double.parseDouble(args[3]);
        Thread guard = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(3);
        }, "never-outlive-the-test");
        guard.setDaemon(true);
        guard.start();
        Headless.headless();
        Platform.startup(() -> {
            Stage stage = new Stage();
            CostscopeApp.Window w = CostscopeApp.build(stage, TaskRunner.background(), FramePulse.fx(),
                    Dialogs.headless(new ArrayList<>()), new RecentFiles(null), new JournalStore(journals));
            stage.show();
            var doc = w.context().document();
            doc.scenarioProperty().addListener((o, was, now) -> {
                if (was == null && now != null) {
                    Platform.runLater(() -> {
                        doc.edit("Set " + driver, s -> s.withDriverValue(driver, value));
                        System.out.println("edited " + driver + " = " + doc.scenario().driver(driver).value());
                    });
                }
            });
            w.context().files().open(file);
        });
    }
}
