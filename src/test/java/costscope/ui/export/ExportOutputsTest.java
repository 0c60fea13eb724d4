package costscope.ui.export;

import costscope.cli.Cli;
import costscope.export.chart.ChartKind;
import costscope.ui.Screenshot;
import costscope.ui.TestDialogs;
import costscope.ui.TestWindow;
import costscope.ui.recalc.TaskRunner;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No export writes over the scenario it reads (export-chart, --chart all, screenshot, the app's table and chart
 * exports), however the output names it; a bad output path is exit 2 (or a dialog) naming the path and the problem.
 */
@ExtendWith(ApplicationExtension.class)
class ExportOutputsTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");
    TestWindow window;
    final TestDialogs dialogs = new TestDialogs();
    final ChartExporterTest.FakePrompts prompts = new ChartExporterTest.FakePrompts();

    @Start
    void start(Stage stage) {
        window = TestWindow.open(stage, null, TaskRunner.synchronous(), dialogs);
    }

    record Run(int code, String out, String err) {
    }

    static Run chart(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ExportChartCommand.run(args, new PrintWriter(out), new PrintWriter(err), true);
        return new Run(code, out.toString(), err.toString());
    }

    static Run screenshot(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(Cli.root(List.of(Screenshot.command())), args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static String sameFile(Path out, Path in) {
        return "cannot write " + out + ": it is the same file as " + in + ", which this command reads; writing it would replace " + in;
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A copy of InnerWorld in {@code dir}, and names that lead to it. */
    static Path scenario(Path dir) throws IOException {
        Path f = dir.resolve("innerworld.json");
        Files.copy(INNERWORLD, f);
        Files.createSymbolicLink(dir.resolve("link.png"), Path.of("innerworld.json"));
        Files.createLink(dir.resolve("hard.svg"), f);
        return f;
    }

    @Test
    void exportChartAndScreenshotNeverWriteOverTheScenario(@TempDir Path dir) throws IOException {
        Path f = scenario(dir);
        byte[] before = Files.readAllBytes(f);
        for (String out : List.of("link.png", "hard.svg")) {
            Path o = dir.resolve(out);
            assertEquals(new Run(2, "", sameFile(o, f) + "\n"), chart(f.toString(), "--chart", "total", "--out", o.toString()));
            assertEquals(new Run(2, "", sameFile(o, f) + "\n"), screenshot("screenshot", f.toString(), "--out", o.toString()));
        }
        assertEquals(new Run(2, "", sameFile(f, f) + "\n"), screenshot("screenshot", f.toString(), "--out", f.toString()));
        Path dotted = dir.resolve(".").resolve("innerworld.json");
        assertEquals(new Run(2, "", sameFile(dotted, f) + "\n"), screenshot("screenshot", f.toString(), "--out", dotted.toString()));

        // --chart all: every file it would write is checked before any is written
        Path charts = Files.createDirectory(dir.resolve("charts"));
        Files.createSymbolicLink(charts.resolve("innerworld-tornado.png"), Path.of("../innerworld.json"));
        Path link = charts.resolve("innerworld-tornado.png");
        Run all = chart(f.toString(), "--chart", "all", "--out", charts.toString());
        assertEquals(2, all.code(), all.err());
        assertTrue(all.err().endsWith(sameFile(link, f) + "\n"), all.err());
        assertEquals(List.of("innerworld-tornado.png"), names(charts), "nothing written");
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of("charts", "hard.svg", "innerworld.json", "link.png"), names(dir));
    }

    @Test
    void badOutputPathsAreExit2NamingThePathAndTheProblem(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a.txt"), "a");
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path locked = Files.writeString(dir.resolve("locked.png"), "locked");
        Path folderNamedPng = Files.createDirectory(dir.resolve("folder.png"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--r--r--"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        String d = dir.toString();
        try {
            List<List<String>> cases = List.of(
                    List.of(file.resolve("x.png").toString(), "cannot write " + d + "/a.txt/x.png: " + d + "/a.txt is a file, not a folder"),
                    List.of(file.resolve("sub/x.png").toString(), "cannot write " + d + "/a.txt/sub/x.png: " + d + "/a.txt is a file, not a folder"),
                    List.of(ro.resolve("x.png").toString(), "cannot write " + d + "/ro/x.png: permission denied: folder " + d + "/ro is read-only"),
                    List.of(ro.resolve("sub/x.png").toString(), "cannot write " + d + "/ro/sub/x.png: permission denied: folder " + d + "/ro is read-only"),
                    List.of(locked.toString(), "cannot write " + locked + ": permission denied: " + locked + " is read-only"),
                    List.of(folderNamedPng.toString(), "cannot write " + folderNamedPng + ": is a directory"));
            for (List<String> c : cases) {
                assertEquals(new Run(2, "", c.get(1) + "\n"), chart(INNERWORLD.toString(), "--chart", "total", "--out", c.get(0)), c.get(0));
            }
            // screenshot creates no folder: a missing one is an error too
            assertEquals(new Run(2, "", "cannot write " + d + "/no/x.png: folder " + d + "/no does not exist\n"),
                    screenshot("screenshot", INNERWORLD.toString(), "--out", dir.resolve("no/x.png").toString()));
            assertEquals(new Run(2, "", cases.get(2).get(1) + "\n"), screenshot("screenshot", INNERWORLD.toString(), "--out", cases.get(2).get(0)));
            assertEquals("locked", Files.readString(locked));
            assertEquals(List.of("a.txt", "folder.png", "locked.png", "ro"), names(dir));
            assertEquals(List.of(), names(ro));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void exportChartStillCreatesAMissingFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("new/deeper/total.svg");
        Run r = chart(INNERWORLD.toString(), "--chart", "total", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).startsWith("<?xml"));
    }

    @Test
    void theAppsExportsNeverWriteOverTheOpenScenario(FxRobot robot, @TempDir Path dir) throws IOException {
        Path f = scenario(dir);
        byte[] before = Files.readAllBytes(f);
        robot.interact(() -> window.context().files().open(f));
        TableExports tables = new TableExports(window.context());
        List<String> expected = new ArrayList<>();
        for (Path out : List.of(f, dir.resolve("link.png"), dir.resolve("hard.svg"))) {
            dialogs.files.add(out);
            robot.interact(() -> tables.export(TableExports.Which.BREAKDOWN, TableExports.Format.CSV));
            expected.add("Cannot export " + out.getFileName() + ": " + sameFile(out, f));
            dialogs.files.add(out);
            prompts.answer = r -> new ChartRequest(r.kind(), out.toString().endsWith(".svg"), r.style());
            robot.interact(() -> new ChartExporter(window.context(), prompts).exportChart(ChartKind.TOTAL));
            expected.add("Cannot export " + out.getFileName() + ": " + sameFile(out, f));
        }
        // export all, into a folder where one chart's name leads to the scenario
        Path charts = Files.createDirectory(dir.resolve("charts"));
        Path link = Files.createSymbolicLink(charts.resolve("innerworld-total.png"), Path.of("../innerworld.json"));
        prompts.folder = charts;
        prompts.replace = true;
        prompts.answer = r -> new ChartRequest(r.kind(), false, r.style());
        robot.interact(() -> new ChartExporter(window.context(), prompts).exportAll());
        expected.add("Cannot export charts/: " + sameFile(link, f));
        assertEquals(expected, dialogs.errors);
        assertEquals(List.of("innerworld-total.png"), names(charts), "nothing written");
        assertArrayEquals(before, Files.readAllBytes(f));
        assertEquals(List.of("charts", "hard.svg", "innerworld.json", "link.png"), names(dir));
    }
}
