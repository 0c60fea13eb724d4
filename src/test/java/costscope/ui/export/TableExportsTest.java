package costscope.ui.export;

import costscope.cli.Cli;
import costscope.ui.TestWindow;
import costscope.ui.TestDialogs;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tables from the app (file and clipboard) equal the CLI's export-table output for the same state. */
@ExtendWith(ApplicationExtension.class)
class TableExportsTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    TestWindow window;
    TestDialogs dialogs = new TestDialogs();
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, INNERWORLD, dialogs);
    }

    /** The real menu item under File, in the submenu {@code menu}, with this text. */
    javafx.scene.control.MenuItem item(String menu, String text) {
        var bar = (javafx.scene.control.MenuBar) window.scene().lookup(".menu-bar");
        java.util.ArrayDeque<javafx.scene.control.MenuItem> todo = new java.util.ArrayDeque<>(bar.getMenus());
        while (!todo.isEmpty()) {
            var mi = todo.pop();
            if (mi instanceof javafx.scene.control.Menu m) {
                if (m.getText().equals(menu)) {
                    for (var c : m.getItems()) if (text.equals(c.getText())) return c;
                }
                todo.addAll(m.getItems());
            }
        }
        throw new AssertionError("no menu item " + menu + " > " + text);
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        Cli.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    @Test
    void copyScalePointsAsMarkdownPutsTheCliTableOnTheClipboard(FxRobot robot) {
        robot.interact(() -> item("Copy table", "Scale points as Markdown").fire());
        AtomicReference<String> clip = new AtomicReference<>();
        robot.interact(() -> clip.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(cli("export-table", INNERWORLD.toString(), "--table", "scale-points", "--format", "markdown"), clip.get());
    }

    @Test
    void auditAsMarkdownIsWrittenToTheChosenFile(FxRobot robot) throws Exception {
        Path out = dir.resolve("audit.md");
        dialogs.files.add(out);
        robot.interact(() -> item("_Export", "Audit as Markdown...").fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cli("export-table", INNERWORLD.toString(), "--table", "audit", "--format", "markdown"), Files.readString(out));
        assertEquals("save:innerworld-audit.md", dialogs.asked.get(dialogs.asked.size() - 1));
    }

    @Test
    void costPerUserIsOnlyChartedWhenTheScenarioHasUsers() throws Exception {
        var raptor = costscope.files.ScenarioFiles.load(Path.of("sample-scenarios/raptorflow.json"));
        var inner = costscope.files.ScenarioFiles.load(INNERWORLD);
        assertEquals(false, ExportChartCommand.applies(costscope.export.chart.ChartKind.COST_PER_USER, raptor));
        assertEquals(true, ExportChartCommand.applies(costscope.export.chart.ChartKind.TOTAL, raptor));
        assertEquals(true, ExportChartCommand.applies(costscope.export.chart.ChartKind.COST_PER_USER, inner));
    }

    @Test
    void aCopiedTableFollowsTheCurrentValues(FxRobot robot) {
        robot.interact(() -> window.context().document().edit("x", s -> s.atScalePoint("10K")));
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(new TableExports(window.context()).copy(TableExports.Which.BREAKDOWN, TableExports.Format.CSV)));
        assertEquals(cli("export-table", INNERWORLD.toString(), "--table", "breakdown", "--format", "csv", "--at", "10K"), copied.get());
    }
}
