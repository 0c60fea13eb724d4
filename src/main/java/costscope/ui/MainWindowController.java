package costscope.ui;

import costscope.engine.Audit;
import costscope.model.Problem;
import costscope.model.ScalePoint;
import costscope.model.Scenario;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The main window: menus, toolbar, title, status bar, drag-and-drop. Actions are forwarded to the services. */
public final class MainWindowController {
    public static final String TITLE = "Costscope";

    private final AppContext ctx;

    @FXML
    private BorderPane root;
    @FXML
    private Menu recentMenu;
    @FXML
    private Menu scenarioMenu;
    @FXML
    private MenuItem undoItem;
    @FXML
    private MenuItem redoItem;
    @FXML
    private Button undoButton;
    @FXML
    private Button redoButton;
    @FXML
    private Label scenarioTitle;
    @FXML
    private Label problemsBanner;
    @FXML
    private Label statusFile;
    @FXML
    private Label statusSaved;
    @FXML
    private Label statusMessage;
    @FXML
    private Label statusRecalc;
    @FXML
    private Tab auditTab;
    @FXML
    private Tab modelTab;
    @FXML
    private Tab whatifTab;
    @FXML
    private javafx.scene.control.SplitPane resultsSplit;
    private double chartsDivider = 0.5;

    public MainWindowController(AppContext ctx) {
        this.ctx = ctx;
    }

    @FXML
    private void initialize() {
        var doc = ctx.document();
        undoItem.textProperty().bind(doc.undoLabelProperty());
        redoItem.textProperty().bind(doc.redoLabelProperty());
        undoItem.disableProperty().bind(doc.canUndoProperty().not());
        redoItem.disableProperty().bind(doc.canRedoProperty().not());
        undoButton.disableProperty().bind(doc.canUndoProperty().not());
        redoButton.disableProperty().bind(doc.canRedoProperty().not());
        statusFile.textProperty().bind(Bindings.createStringBinding(
                () -> doc.file() == null ? "Untitled (not saved yet)" : doc.file().toString(), doc.fileProperty()));
        statusSaved.textProperty().bind(Bindings.when(doc.dirtyProperty()).then("unsaved changes").otherwise("saved"));
        statusMessage.textProperty().bind(ctx.files().statusProperty());
        statusRecalc.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "recalculated in %.2f ms", ctx.recalc().recalcMillisProperty().get()),
                ctx.recalc().recalcMillisProperty()));
        scenarioTitle.textProperty().bind(Bindings.createStringBinding(
                () -> doc.scenario() == null ? "" : doc.scenario().name(), doc.scenarioProperty()));
        ctx.recalc().problemsProperty().addListener((o, a, p) -> showProblems(p));
        ctx.recalc().auditProperty().addListener((o, a, lines) -> {
            long differ = lines.stream().filter(l -> !l.agrees()).count();
            auditTab.setText(differ == 0 ? "Audit" : "Audit (" + differ + " differ)");
        });
        ctx.recent().files().addListener((javafx.collections.ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        doc.scenarioProperty().addListener((o, a, s) -> {
            if (a == null || s == null || !a.scalePoints().equals(s.scalePoints()) || !a.variants().equals(s.variants())) {
                rebuildScenarioMenu(s);
            }
        });
        rebuildScenarioMenu(doc.scenario());
        // the Model tab's forms and the What-if charts need height: give them most of the split, and give the charts
        // theirs back after
        modelTab.getTabPane().getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            boolean tall = now == modelTab || now == whatifTab;
            boolean wasTall = was == modelTab || was == whatifTab;
            if (tall && !wasTall) chartsDivider = resultsSplit.getDividerPositions()[0];
            if (tall) resultsSplit.setDividerPositions(now == modelTab ? 0.12 : 0.2);
            else if (wasTall) resultsSplit.setDividerPositions(chartsDivider);
        });
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        root.setOnDragDropped(e -> {
            var files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) ctx.files().open(files.get(0).toPath());
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Binds the stage title ("*name.json - Costscope" while unsaved) and asks before closing with unsaved changes. */
    public void attach(Stage stage) {
        var doc = ctx.document();
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> (doc.isDirty() ? "*" : "") + ctx.files().displayName() + " - " + TITLE,
                doc.dirtyProperty(), doc.fileProperty()));
        stage.setOnCloseRequest(e -> {
            e.consume();
            ctx.files().whenSafeToDiscard(() -> {
                ctx.tasks().shutdown();
                stage.close();
                Platform.exit();
            });
        });
    }

    private void showProblems(List<Problem> problems) {
        boolean any = problems != null && !problems.isEmpty();
        problemsBanner.setVisible(any);
        problemsBanner.setManaged(any);
        if (any) {
            problemsBanner.setText("The model cannot be evaluated: " + problems.get(0).describe()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        }
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : ctx.recent().files()) {
            MenuItem mi = new MenuItem(p.getFileName() + "  (" + p.getParent() + ")");
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> ctx.files().open(p));
            recentMenu.getItems().add(mi);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void rebuildScenarioMenu(Scenario s) {
        scenarioMenu.getItems().clear();
        if (s == null) return;
        List<ScalePoint> points = s.scalePoints();
        for (int i = 0; i < points.size(); i++) {
            ScalePoint p = points.get(i);
            MenuItem mi = new MenuItem("Jump to " + p.id() + (p.label() != null ? " (" + p.label() + ")" : ""));
            mi.setMnemonicParsing(false);
            if (i < 9) mi.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(i + 1)), KeyCombination.SHORTCUT_DOWN));
            mi.setOnAction(e -> ctx.document().edit("Jump to " + p.id(), sc -> sc.atScalePoint(p.id())));
            scenarioMenu.getItems().add(mi);
        }
        if (!points.isEmpty()) scenarioMenu.getItems().add(new SeparatorMenuItem());
        MenuItem audit = new MenuItem("Show audit");
        audit.setAccelerator(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        audit.setOnAction(e -> auditTab.getTabPane().getSelectionModel().select(auditTab));
        scenarioMenu.getItems().add(audit);
        scenarioMenu.getItems().add(new SeparatorMenuItem());
        scenarioMenu.getItems().add(whatIf("Compare variants", "Compare", KeyCode.W));
        scenarioMenu.getItems().add(whatIf("Sensitivity (tornado)", "Sensitivity", KeyCode.T));
        scenarioMenu.getItems().add(whatIf("Goal seek", "Goal seek", KeyCode.G));
        if (!s.variants().isEmpty()) {
            scenarioMenu.getItems().add(new SeparatorMenuItem());
            for (var v : s.variants()) {
                MenuItem mi = new MenuItem("Switch to " + v.displayName());
                mi.setMnemonicParsing(false);
                mi.setOnAction(e -> ctx.document().edit("Switch to " + v.displayName(),
                        sc -> costscope.whatif.Variants.switchTo(sc, v.id())));
                scenarioMenu.getItems().add(mi);
            }
        }
    }

    /** A menu item that shows one of the What-if tab's views (Ctrl+Shift+key). */
    private MenuItem whatIf(String text, String tab, KeyCode key) {
        MenuItem mi = new MenuItem(text);
        mi.setAccelerator(new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        mi.setOnAction(e -> {
            whatifTab.getTabPane().getSelectionModel().select(whatifTab);
            if (whatifTab.getContent() instanceof javafx.scene.control.TabPane views) {
                views.getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst()
                        .ifPresent(t -> views.getSelectionModel().select(t));
            }
        });
        return mi;
    }

    @FXML
    private void onNew() {
        ctx.files().newScenario();
    }

    @FXML
    private void onOpen() {
        ctx.files().openChosen();
    }

    @FXML
    private void onSave() {
        ctx.files().save();
    }

    @FXML
    private void onSaveAs() {
        ctx.files().saveAs();
    }

    @FXML
    private void onUndo() {
        ctx.document().undo();
    }

    @FXML
    private void onRedo() {
        ctx.document().redo();
    }

    @FXML
    private void onQuit() {
        var w = root.getScene().getWindow();
        w.fireEvent(new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    /** File > Export > a table: the menu item's userData says which and how ("audit:markdown"). */
    @FXML
    private void onExportTable(javafx.event.ActionEvent e) {
        String spec = (String) ((MenuItem) e.getSource()).getUserData();
        new costscope.ui.export.TableExports(ctx).export(costscope.ui.export.TableExports.which(spec), costscope.ui.export.TableExports.format(spec));
    }

    /** File > Export > Copy table: to the clipboard, as the userData says. */
    @FXML
    private void onCopyTable(javafx.event.ActionEvent e) {
        String spec = (String) ((MenuItem) e.getSource()).getUserData();
        new costscope.ui.export.TableExports(ctx).copy(costscope.ui.export.TableExports.which(spec), costscope.ui.export.TableExports.format(spec));
    }

    /** The toolbar's "Export CSV": the breakdown. */
    @FXML
    private void onExportBreakdownCsv() {
        new costscope.ui.export.TableExports(ctx).export(costscope.ui.export.TableExports.Which.BREAKDOWN, costscope.ui.export.TableExports.Format.CSV);
    }

    private costscope.ui.export.ChartExporter chartExporter() {
        return new costscope.ui.export.ChartExporter(ctx, new costscope.ui.export.FxExportPrompts(
                () -> statusMessage.getScene() == null ? null : statusMessage.getScene().getWindow()));
    }

    @FXML
    private void onExportChart() {
        chartExporter().exportChart(costscope.export.chart.ChartKind.TOTAL);
    }

    @FXML
    private void onCopyChart() {
        chartExporter().copyChart(costscope.export.chart.ChartKind.TOTAL);
    }

    @FXML
    private void onExportAllCharts() {
        chartExporter().exportAll();
    }

    @FXML
    private void onShortcuts() {
        info("Keyboard shortcuts", String.join("\n",
                "Ctrl+N  New scenario", "Ctrl+O  Open", "Ctrl+S  Save", "Ctrl+Shift+S  Save as",
                "Ctrl+Z  Undo", "Ctrl+Shift+Z  Redo", "Ctrl+1 ... Ctrl+9  Jump to a scale point",
                "Ctrl+Shift+A  Show the audit", "Ctrl+Shift+W  Compare variants", "Ctrl+Shift+T  Sensitivity (tornado)",
                "Ctrl+Shift+G  Goal seek", "Ctrl+Q  Quit",
                "", "In the waterfall's order of changes: Alt+Up and Alt+Down move the selected change.",
                "", "In a number field: Enter applies, Esc reverts; 100k, 2.5M, 1e9 and 5% are understood.",
                "On a slider: arrow keys step, Page Up/Down jump."));
    }

    @FXML
    private void onAbout() {
        info("About Costscope", "Costscope 0.1: a what-if explorer for cloud and infrastructure cost models.");
    }

    private void info(String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.initOwner(root.getScene().getWindow());
        a.setTitle(TITLE);
        a.setHeaderText(header);
        a.show();
    }

    /** For tests: the window's root. */
    BorderPane root() {
        return root;
    }

}
