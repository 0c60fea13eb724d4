package costscope.ui;

import costscope.engine.CompiledScenario;
import costscope.files.ScenarioFiles;
import costscope.model.ScenarioException;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The desktop app: the composition root. Builds services and hands them to controllers. */
public final class CostscopeApp extends Application {
    public static final String TITLE = "Costscope";
    static final Path DEFAULT_SCENARIO = Path.of("sample-scenarios", "innerworld.json");

    public static void launchApp(String[] args) {
        Application.launch(CostscopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        show(stage, args.isEmpty() ? DEFAULT_SCENARIO : Path.of(args.get(0)));
    }

    /** Builds the main window on {@code stage} and opens {@code file}; returns the window's controller. */
    static MainWindowController show(Stage stage, Path file) {
        MainWindowController controller = new MainWindowController();
        Parent root = Views.load(Views.View.MAIN_WINDOW, type -> {
            if (type == MainWindowController.class) return controller;
            throw new IllegalStateException("no controller registered for " + type.getName());
        });
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().addAll(Views.stylesheets());
        stage.setScene(scene);
        stage.setTitle(TITLE);
        stage.show();
        if (Files.exists(file)) {
            open(file, controller, stage);
        } else {
            controller.showMessage("No scenario open. " + file + " was not found.");
        }
        return controller;
    }

    static void open(Path file, MainWindowController controller, Stage stage) {
        try {
            CompiledScenario c = CompiledScenario.compile(ScenarioFiles.load(file));
            controller.show(c);
            stage.setTitle(file.getFileName() + " - " + TITLE);
        } catch (ScenarioException e) {
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage());
            a.setHeaderText("Cannot open " + file.getFileName());
            a.show();
            controller.showMessage(e.getMessage());
        }
    }
}
