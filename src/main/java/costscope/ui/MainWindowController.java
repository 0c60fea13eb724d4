package costscope.ui;

import costscope.ui.base.AppContext;
import costscope.export.chart.ChartKind;
import costscope.model.Problem;
import costscope.ui.export.ChartExporter;
import costscope.ui.export.FxExportPrompts;
import costscope.ui.export.TableExports;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

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
    private Menu viewMenu;
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
    @FXML
    private javafx.scene.control.TabPane tabs;
    /** Makes the views' controllers: the tabs not shown at start load their view when first selected. */
    private javafx.util.Callback<Class<?>, Object> controllers;
    private double chartsDivider = 0.5;

    public MainWindowController(AppContext ctx) {
        this.ctx = ctx;
    }

    /** The controllers of the views loaded later (set before the main window's view is loaded). */
    void controllers(javafx.util.Callback<Class<?>, Object> c) {
        controllers = c;
    }

    /** Loads a tab's view if it has not been yet (its userData names it). */
    private void loadTab(Tab t) {
        if (t.getContent() != null || !(t.getUserData() instanceof String view)) return;
        t.setContent(costscope.ui.base.Views.load(costscope.ui.base.Views.View.valueOf(view), controllers));
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
        for (Tab t : tabs.getTabs()) {
            if (t.isSelected()) loadTab(t);
            t.selectedProperty().addListener((o, was, now) -> {
                if (now) loadTab(t);
            });
        }
        new MainMenus(ctx, recentMenu, scenarioMenu, auditTab, whatifTab);
        // the toolbar's and the panels' help (accessibleHelp in their FXML) as tooltips, built on the first hover
        costscope.ui.base.LazyTooltip.fromHelp(root);
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
            if (ok) ctx.files().dropped(files.get(0).toPath());
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /**
     * Binds the stage title ("*name.json - Costscope" while unsaved) and asks before closing with unsaved changes;
     * a normal close removes the crash-recovery journal.
     */
    public void attach(Stage stage) {
        var doc = ctx.document();
        stage.titleProperty().bind(Bindings.createStringBinding(
                () -> (doc.isDirty() ? "*" : "") + ctx.files().displayName() + " - " + TITLE,
                doc.dirtyProperty(), doc.fileProperty()));
        stage.setOnCloseRequest(e -> {
            e.consume();
            ctx.files().whenSafeToDiscard(() -> {
                ctx.recovery().closeCleanly();
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

    @FXML
    private void onNew() {
        ctx.files().newScenario();
    }

    @FXML
    private void onOpen() {
        ctx.files().openChosen();
    }

    @FXML
    private void onImport() {
        ctx.files().importChosen();
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
    private void onExportTable(ActionEvent e) {
        String spec = (String) ((MenuItem) e.getSource()).getUserData();
        new TableExports(ctx).export(TableExports.which(spec), TableExports.format(spec));
    }

    /** File > Export > Copy table: to the clipboard, as the userData says. */
    @FXML
    private void onCopyTable(ActionEvent e) {
        String spec = (String) ((MenuItem) e.getSource()).getUserData();
        new TableExports(ctx).copy(TableExports.which(spec), TableExports.format(spec));
    }

    /** The toolbar's "Export CSV": the breakdown. */
    @FXML
    private void onExportBreakdownCsv() {
        new TableExports(ctx).export(TableExports.Which.BREAKDOWN, TableExports.Format.CSV);
    }

    private ChartExporter chartExporter() {
        return new ChartExporter(ctx, new FxExportPrompts(() -> statusMessage.getScene() == null ? null : statusMessage.getScene().getWindow()));
    }

    @FXML
    private void onExportChart() {
        chartExporter().exportChart(ChartKind.TOTAL);
    }

    @FXML
    private void onCopyChart() {
        chartExporter().copyChart(ChartKind.TOTAL);
    }

    @FXML
    private void onExportAllCharts() {
        chartExporter().exportAll();
    }

    @FXML
    private void onShortcuts() {
        info("Keyboard shortcuts", MainMenus.SHORTCUTS);
    }

    @FXML
    private void onAbout() {
        info("About Costscope", "Costscope " + costscope.cli.AppVersion.version() + ": a what-if explorer for cloud and"
                + " infrastructure cost models.\n\n" + costscope.cli.AppVersion.licences());
    }

    private void info(String header, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.initOwner(root.getScene().getWindow());
        a.getDialogPane().setPrefWidth(600);   // long lines (the licences, the shortcuts) wrap less
        a.setTitle(TITLE);
        a.setHeaderText(header);
        a.show();
    }

    /** The View menu (its theme choices are the remembered state's, {@link ViewMemory}). */
    Menu viewMenu() {
        return viewMenu;
    }

    /** For tests: the window's root. */
    BorderPane root() {
        return root;
    }

}
