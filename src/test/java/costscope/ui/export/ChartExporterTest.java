package costscope.ui.export;

import costscope.export.chart.ChartKind;
import costscope.export.chart.DeckStyle;
import costscope.ui.TestWindow;
import costscope.ui.TestDialogs;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chart export from the app: dialog options, save, export all (asks before replacing), copy, menus. */
@ExtendWith(ApplicationExtension.class)
class ChartExporterTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    TestWindow window;
    final TestDialogs dialogs = new TestDialogs();
    final FakePrompts prompts = new FakePrompts();

    static final class FakePrompts implements ExportPrompts {
        java.util.function.UnaryOperator<ChartRequest> answer = r -> r;
        Path folder;
        boolean replace;
        final List<List<Path>> confirmations = new ArrayList<>();
        final List<ChartRequest> defaults = new ArrayList<>();

        @Override
        public Optional<ChartRequest> askChart(ChartRequest d, boolean allCharts) {
            defaults.add(d);
            return Optional.ofNullable(answer.apply(d));
        }

        @Override
        public Optional<Path> chooseFolder(Path initial) {
            return Optional.ofNullable(folder);
        }

        @Override
        public boolean confirmOverwrite(List<Path> existing) {
            confirmations.add(existing);
            return replace;
        }
    }

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, INNERWORLD, dialogs);
    }

    ChartExporter exporter() {
        return new ChartExporter(window.context(), prompts);
    }

    @Test
    void exportChartWritesThePngOfTheDialogsSizeThroughTheSaveChooser(FxRobot robot, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("slide.png");
        dialogs.files.add(out);
        prompts.answer = r -> new ChartRequest(ChartKind.COST_PER_USER, false, r.style().withSize(1600, 1200).withScale(2));
        robot.interact(() -> exporter().exportChart(ChartKind.SHARES_OVER_SCALE));
        assertEquals(List.of("save:innerworld-cost-per-user.png"), dialogs.asked);
        ChartRequest d = prompts.defaults.get(0);
        assertEquals(ChartKind.SHARES_OVER_SCALE, d.kind());
        assertEquals("Category shares across the range", d.style().title());
        assertEquals(1920, d.style().width());
        assertEquals(2, d.style().scale());
        assertTrue(d.style().subtitle().startsWith(window.context().document().scenario().name()), d.style().subtitle());
        assertTrue(d.style().footnote().contains(java.time.LocalDate.now().toString()));
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(3200, img.getWidth());
        assertEquals(2400, img.getHeight());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void anExportFromTheDarkThemeKeepsTheDecksLightStyle(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> costscope.ui.base.Theme.DARK.apply(window.scene()));
        Path out = dir.resolve("dark.png");
        dialogs.files.add(out);
        prompts.answer = r -> new ChartRequest(ChartKind.TOTAL, false, r.style().withSize(800, 600).withScale(1));
        robot.interact(() -> exporter().exportChart(ChartKind.TOTAL));
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(0xffffff, img.getRGB(4, 4) & 0xffffff, "the slide's background stays white");
        assertEquals(0xffffff, img.getRGB(796, 596) & 0xffffff);
        assertTrue(window.scene().getRoot().getStyleClass().contains("dark"), "the app stays dark");
    }

    @Test
    void aWhatIfViewsChartIsExportedAsTheViewShowsIt(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> window.context().files().open(Path.of("sample-scenarios/billion-users.json")));
        var sc = window.context().document().scenario();
        var from = costscope.whatif.Variants.resolve(sc, "original");
        var to = costscope.whatif.Variants.resolve(sc, "optimized");
        // the view's order: connection pooling first, so its bar is the report's $848,262
        var w = costscope.whatif.Waterfall.run(from.scenario(), to.scenario(), List.of("connection_pooling"));
        var shown = new costscope.whatif.WhatIfInput(List.of(), null, w, from.label(), to.label(), null);
        Path out = dir.resolve("w.svg");
        dialogs.files.add(out);
        prompts.answer = r -> new ChartRequest(r.kind(), true, r.style());
        robot.interact(() -> new ChartExporter(window.context(), prompts, () -> shown).exportChart(ChartKind.WATERFALL));
        String svg = Files.readString(out);
        assertTrue(svg.contains(">-$848k<") && svg.contains(">-$800k<"), "the bars in the view's order");
        assertEquals("From one plan to the other, change by change", prompts.defaults.get(0).style().title());
        assertTrue(prompts.defaults.get(0).style().subtitle().contains("Original plan $19,955,040.00 \u2192 Optimized plan $8,640,058.00"));
    }

    @Test
    void exportAllWritesOneFilePerChartAndAsksBeforeReplacing(FxRobot robot, @TempDir Path dir) throws Exception {
        prompts.folder = dir;
        prompts.answer = r -> new ChartRequest(r.kind(), true, r.style());
        robot.interact(() -> exporter().exportAll());
        List<String> names = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        assertEquals(List.of("innerworld-cash.svg", "innerworld-category-shares.svg", "innerworld-cost-per-user.svg",
                "innerworld-shares-over-scale.svg", "innerworld-timeline.svg", "innerworld-tornado.svg", "innerworld-total.svg"),
                names, "no variants in InnerWorld: no compare or waterfall; its timeline: timeline and cash");
        assertTrue(Files.readString(dir.resolve("innerworld-total.svg")).contains("Monthly cost by category"));
        assertEquals(List.of(), prompts.confirmations);

        Files.writeString(dir.resolve("innerworld-total.svg"), "mine");
        prompts.replace = false;
        robot.interact(() -> exporter().exportAll());
        assertEquals(1, prompts.confirmations.size());
        assertEquals(7, prompts.confirmations.get(0).size(), "every file already there");
        assertEquals("mine", Files.readString(dir.resolve("innerworld-total.svg")), "not replaced without a yes");

        prompts.replace = true;
        robot.interact(() -> exporter().exportAll());
        assertTrue(Files.readString(dir.resolve("innerworld-total.svg")).startsWith("<?xml"));
    }

    @Test
    void copyChartPutsTheImageOnTheClipboard(FxRobot robot) {
        AtomicReference<WritableImage> img = new AtomicReference<>();
        AtomicReference<Boolean> has = new AtomicReference<>();
        robot.interact(() -> {
            img.set(exporter().copyChart(ChartKind.COST_PER_USER));
            has.set(javafx.scene.input.Clipboard.getSystemClipboard().hasImage());
        });
        assertEquals(3840, (int) img.get().getWidth());
        assertEquals(2160, (int) img.get().getHeight());
        assertTrue(has.get(), "clipboard has the image");
    }

    @Test
    void everyChartHasTheExportContextMenuAndTheWindowHasMenuAndToolbarEntries(FxRobot robot) {
        // the shares tab's charts are built when it is first shown
        robot.interact(() -> ((javafx.scene.control.TabPane) robot.lookup("#chartTabs").query()).getSelectionModel().select(1));
        for (String id : List.of("#costPerUserChart", "#totalChart", "#sharePie", "#shareChart")) {
            Node chart = robot.lookup(id).query();
            assertFalse(chart.getProperties().values().stream().anyMatch(v -> v instanceof ContextMenu),
                    id + ": the menu is built when first asked for (it is a window of its own)");
            ContextMenu[] built = new ContextMenu[1];
            robot.interact(() -> built[0] = ChartExporter.contextMenu(chart));
            ContextMenu menu = built[0];
            assertNotNull(menu, id);
            assertEquals(List.of("Export chart...", "Copy chart", "Export all charts..."),
                    menu.getItems().stream().map(MenuItem::getText).toList());
            assertNotNull(chart.getOnContextMenuRequested(), id);
        }
        assertNotNull(robot.lookup("#exportChartButton").queryAs(Button.class));
        // a right-click shows the chart's menu
        Node total = robot.lookup("#totalChart").query();
        javafx.geometry.Bounds b = total.localToScreen(total.getBoundsInLocal());
        robot.interact(() -> javafx.event.Event.fireEvent(total, new javafx.scene.input.ContextMenuEvent(
                javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 20, b.getMinX() + 20, b.getMinY() + 20, false, null)));
        ContextMenu shown = ChartExporter.contextMenu(total);
        assertTrue(shown.isShowing(), "shown on the right-click");
        robot.interact(shown::hide);
    }

    @Test
    void dialogTurnsItsControlsIntoARequest(FxRobot robot) {
        AtomicReference<ChartRequest> req = new AtomicReference<>();
        robot.interact(() -> {
            ChartRequest d = new ChartRequest(ChartKind.TOTAL, false, DeckStyle.slide().withScale(2).withTexts("T", "S", "F"));
            ChartExportDialog dlg = new ChartExportDialog(d, false);
            assertTrue(dlg.width.isDisabled(), "preset sizes are fixed");
            dlg.preset.setValue(DeckStyle.Preset.CLASSIC.label);
            ((ToggleButton) dlg.content().lookup("#export-scale-3x")).setSelected(true);
            ((ToggleButton) dlg.content().lookup("#export-format-svg")).setSelected(true);
            ((ToggleButton) dlg.content().lookup("#export-background-transparent")).setSelected(true);
            dlg.chart.setValue(ChartKind.CATEGORY_SHARES);
            dlg.subtitle.setText("At launch");
            req.set(dlg.request());
            dlg.preset.setValue(ChartExportDialog.CUSTOM);
            assertFalse(dlg.width.isDisabled(), "custom size is editable");
        });
        ChartRequest r = req.get();
        assertEquals(ChartKind.CATEGORY_SHARES, r.kind());
        assertTrue(r.svg());
        assertEquals(1600, r.style().width());
        assertEquals(1200, r.style().height());
        assertEquals(3, r.style().scale());
        assertEquals(DeckStyle.Background.TRANSPARENT, r.style().background());
        assertEquals("T", r.style().title());
        assertEquals("At launch", r.style().subtitle());
        assertEquals("F", r.style().footnote());
    }
}
