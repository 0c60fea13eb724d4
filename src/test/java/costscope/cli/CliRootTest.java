package costscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.Launcher;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one command line root: the JavaFX commands join it through the Launcher, the root decides what is a command,
 * and the state options (--variant, --at, --set, --lever) are one declaration and one parser on every command.
 * Nothing here starts JavaFX: the JavaFX commands refuse bad input before the toolkit starts.
 */
class CliRootTest {
    private static final String FILE = "sample-scenarios/innerworld.json";
    private static final List<String> HEADLESS = List.of("evaluate", "sweep", "table", "audit", "validate", "bench",
            "export-table", "compare", "sensitivity", "goal-seek", "simulate", "timeline", "import", "bench-launch");
    private static final List<String> JAVAFX = List.of("export-chart", "screenshot", "bench-ui");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(CommandLine root, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.execute(root, args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theLauncherRegistersTheJavafxCommandsWithTheHeadlessOnes() {
        Set<String> names = Launcher.cli().getSubcommands().keySet();
        List<String> all = new ArrayList<>(HEADLESS);
        all.addAll(JAVAFX);
        assertEquals(Set.copyOf(all), names);
        assertEquals(Set.copyOf(HEADLESS), Cli.root(List.of()).getSubcommands().keySet());
    }

    @Test
    void theRootDecidesWhatIsACommandLineAndWhatIsAFileToOpen() {
        CommandLine root = Launcher.cli();
        List<String> commands = new ArrayList<>(HEADLESS);
        commands.addAll(JAVAFX);
        commands.addAll(List.of("help", "--help", "-h", "--version", "-V"));
        for (String a : commands) assertTrue(Cli.isCommand(root, a), a);
        // the app's start skips building the command line for one file with a dot or a folder in its name: no command
        // or option may have either
        for (String name : root.getSubcommands().keySet()) assertTrue(name.matches("[a-z-]+"), name);
        for (String name : root.getCommandSpec().optionsMap().keySet()) assertTrue(name.matches("-{1,2}[A-Za-z-]+"), name);
        for (String a : List.of(FILE, "innerworld.json", "--verbose", "-x", "evaluate.json", "")) assertFalse(Cli.isCommand(root, a), a);
        // without the Launcher's registration the JavaFX commands are not there
        for (String a : JAVAFX) assertFalse(Cli.isCommand(Cli.root(List.of()), a), a);
    }

    private static final String HINT = "\ncostscope --help lists the commands; costscope FILE.json opens a scenario in the app";

    /** What the jar does with its arguments, decided without starting JavaFX. */
    @Test
    void theJarRunsACommandOpensAnExistingFileOrSaysWhatIsWrong() throws Exception {
        CommandLine root = Launcher.cli();
        Path model = Files.writeString(tmp.resolve("model.txt"), "{}");
        Cli.Launch app = new Cli.Launch(Cli.Launch.Kind.OPEN_APP, null);
        Cli.Launch command = new Cli.Launch(Cli.Launch.Kind.COMMAND, null);
        assertEquals(app, Cli.launchDecision(root, new String[0]));
        java.util.function.Supplier<CommandLine> never = () -> {
            throw new AssertionError("the command line was built");
        };
        assertEquals(app, Cli.launchDecision(never, new String[0]), "no argument: the app, without the command line");
        assertEquals(app, Cli.launchDecision(never, new String[]{FILE}), "one scenario file: the app, without the command line");
        assertEquals(app, Cli.launchDecision(() -> root, new String[]{model.toString()}));
        assertEquals(command, Cli.launchDecision(Launcher::cli, new String[]{"evaluate", FILE}));
        assertEquals(app, Cli.launchDecision(root, new String[]{FILE}));
        assertEquals(app, Cli.launchDecision(root, new String[]{model.toString()}), "an existing file, whatever its name");
        for (String a : List.of("evaluate", "export-chart", "bench-ui", "help", "--help", "-h", "--version", "-V")) {
            assertEquals(command, Cli.launchDecision(root, new String[]{a, FILE}), a);
        }
        String[][] errors = {
                {"evalute", "costscope: unknown command 'evalute' (did you mean 'evaluate'?)"},
                {"Evaluate", "costscope: unknown command 'Evaluate' (did you mean 'evaluate'?)"},
                {"goalseek", "costscope: unknown command 'goalseek' (did you mean 'goal-seek'?)"},
                {"goal_seek", "costscope: unknown command 'goal_seek' (did you mean 'goal-seek'?)"},
                {"exprot-table", "costscope: unknown command 'exprot-table' (did you mean 'export-table'?)"},
                {"sreenshot", "costscope: unknown command 'sreenshot' (did you mean 'screenshot'?)"},
                {"exp", "costscope: unknown command 'exp' (did you mean 'export-chart' or 'export-table'?)"},
                {"eval", "costscope: unknown command 'eval' (did you mean 'evaluate'?)"},
                {"--verbose", "costscope: unknown option '--verbose'"},
                {"--hlep", "costscope: unknown option '--hlep' (did you mean '--help'?)"},
                {"--evaluate", "costscope: unknown option '--evaluate' (did you mean 'evaluate'?)"},
                {"-x", "costscope: unknown option '-x'"},
                {"evaluate.json", "costscope: evaluate.json: no such file"},
                {"models/nope.json", "costscope: models/nope.json: no such file"},
                {tmp.toString(), "costscope: " + tmp + " is a folder, not a scenario file"},
                {"", "costscope: an empty argument is neither a command nor a file"},
                {"lots", "costscope: 'lots' is neither a command nor a scenario file (commands: evaluate, sweep, table,"
                        + " audit, validate, bench, export-table, compare, sensitivity, goal-seek, simulate, timeline, import, bench-launch, export-chart,"
                        + " screenshot, bench-ui)"}};
        for (String[] e : errors) {
            assertEquals(Cli.Launch.error(e[1] + HINT), Cli.launchDecision(root, new String[]{e[0], "x.json"}), e[0]);
        }
        assertEquals(Cli.Launch.error("costscope: the app opens one file; '--at' after " + FILE + " is not understood"
                + " (a command comes first: costscope evaluate " + FILE + " ...)" + HINT),
                Cli.launchDecision(root, new String[]{FILE, "--at", "10K"}));
    }

    /**
     * The class of the mistake, not the example: every command with one letter dropped, doubled, replaced or swapped
     * with the next is refused with that command suggested; nothing that does not exist ever opens the app.
     */
    @Test
    void everyOneLetterSlipOfACommandIsRefusedWithTheCommandSuggested() {
        CommandLine root = Launcher.cli();
        int checked = 0;
        for (String c : root.getSubcommands().keySet()) {
            List<String> slips = new ArrayList<>();
            for (int i = 0; i < c.length(); i++) {
                slips.add(c.substring(0, i) + c.substring(i + 1));
                slips.add(c.substring(0, i) + c.charAt(i) + c.substring(i));
                slips.add(c.substring(0, i) + (c.charAt(i) == 'q' ? 'z' : 'q') + c.substring(i + 1));
                if (i + 1 < c.length()) slips.add(c.substring(0, i) + c.charAt(i + 1) + c.charAt(i) + c.substring(i + 2));
            }
            for (String slip : slips) {
                if (slip.equals(c) || root.getSubcommands().containsKey(slip)) continue;
                Cli.Launch l = Cli.launchDecision(root, new String[]{slip, FILE});
                assertEquals(Cli.Launch.Kind.ERROR, l.kind(), slip);
                assertTrue(l.message().startsWith("costscope: unknown command '" + slip + "' (did you mean "), l.message());
                assertTrue(l.message().contains("'" + c + "'"), slip + ": " + l.message());
                checked++;
            }
        }
        assertTrue(checked > 400, "checked " + checked);
        java.util.Random random = new java.util.Random(3);
        for (int n = 0; n < 2000; n++) {
            String word = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            assertEquals(Cli.Launch.Kind.ERROR, Cli.launchDecision(root, new String[]{word}).kind(), word);
        }
    }

    /** The jar itself: a mistyped command exits 2 with the suggestion, and JavaFX never starts. */
    @Test
    void aMistypedCommandExitsTwoWithoutStartingTheApp() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "costscope.Launcher", "evalute", FILE).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), output);
        assertEquals("costscope: unknown command 'evalute' (did you mean 'evaluate'?)" + HINT + "\n", output);
    }

    @Test
    void helpAndVersionReadAsBeforeTheRegistration() {
        CommandLine root = Launcher.cli();
        for (String a : List.of("--help", "-h", "help", "--version", "-V")) {
            Run withFx = run(root, a);
            Run headless = run(Cli.root(List.of()), a);
            assertEquals(headless, withFx, a);
        }
        Run help = run(root, "--help");
        assertEquals(0, help.code());
        for (String a : JAVAFX) assertFalse(help.out().contains(a), "not listed in the usage: " + a);
        assertTrue(help.out().contains("goal-seek"), help.out());
        assertEquals(new Run(0, "Costscope 0.1.0\n", ""), run(root, "--version"));
        // "help" is no command: picocli says so and shows the usage, exit code 2, as it always has
        Run word = run(root, "help");
        assertEquals(2, word.code());
        assertTrue(word.err().startsWith("Unmatched argument at index 0: 'help'\nUsage: costscope [-hV] [COMMAND]\n"), word.err());
    }

    @Test
    void theStateOptionsAreRefusedInTheSameWordsOnEvaluateAndExportChart() {
        CommandLine root = Launcher.cli();
        Path png = tmp.resolve("x.png");
        List<List<String>> bad = List.of(List.of("--at", "7K"), List.of("--set", "nope=1"), List.of("--set", "concurrent_users=abc"),
                List.of("--set", "concurrent_users"), List.of("--lever", "haiku=maybe"), List.of("--lever", "nope=on"),
                List.of("--variant", "nope"));
        for (List<String> option : bad) {
            List<String> evaluate = new ArrayList<>(List.of("evaluate", FILE));
            evaluate.addAll(option);
            List<String> chart = new ArrayList<>(List.of("export-chart", FILE, "--chart", "total", "--out", png.toString()));
            chart.addAll(option);
            Run e = run(root, evaluate.toArray(String[]::new));
            Run c = run(root, chart.toArray(String[]::new));
            assertEquals(2, e.code(), e.err());
            assertEquals(new Run(2, "", e.err()), c, option.toString());
            assertTrue(e.err().startsWith(FILE + ": " + option.get(0) + " " + option.get(1) + ": "), e.err());
        }
        assertEquals(FILE + ": --at 7K: no such scale point (have: 10, 1K, 10K, 50K, 100K)\n", run(root, "evaluate", FILE, "--at", "7K").err());
        assertFalse(Files.exists(png));
    }

    @Test
    void exportChartKeepsItsOwnUsageAndDescriptionsOfTheSharedOptions() {
        Run r = run(Launcher.cli(), "export-chart", FILE, "--chart", "total", "--out", tmp.resolve("x.png").toString(), "--bogus");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("""
                Unknown option: '--bogus'
                Usage: export-chart [--at=POINT] [--background=<background>] --chart=<chart>
                                    [--footnote=<footnote>] [--format=<format>] --out=PATH
                                    [--output=ID] [--samples=N] [--scale=<scale>] [--seed=S]
                                    [--size=<size>] [--subtitle=<subtitle>] [--swing=S]
                                    [--title=<title>] [--variant=ID] [--lever=ID=on|off]...
                                    [--order=ID,ID[,ID,ID...]]... [--set=ID=VALUE]...
                                    [--variants=A,B[,A,B...]]... FILE
                Export a chart as PNG or SVG for slides, headless.
                      FILE
                      --at=POINT          a scale point id
                """), r.err());
        assertTrue(r.err().contains("\n      --set=ID=VALUE      set a driver; values like 1000, 100k, 2.5M, 5%\n"), r.err());
        assertTrue(r.err().contains("\n      --variant=ID        start from a variant of the model\n"), r.err());
        // the same options on evaluate, described as evaluate always described them
        Run e = run(Launcher.cli(), "evaluate");
        assertTrue(e.err().contains("\n      --at=POINT          a scale point id (see `table`)\n"), e.err());
        assertTrue(e.err().contains("\n      --set=ID=VALUE      set a driver; values like 1000, 100k, 2.5M, 1e9, 5%\n"), e.err());
    }

    @Test
    void screenshotAnswersBadArgumentsInItsOwnWords() {
        String usage = "usage: costscope screenshot FILE --out PNG [--size WxH] [--at POINT] [--set ID=VALUE]..."
                + " [--tab breakdown|scale|audit|timeline|what-if|compare|sensitivity|goal|model] [--theme light|dark]\n";
        CommandLine root = Launcher.cli();
        String png = tmp.resolve("x.png").toString();
        assertEquals(new Run(2, "", "screenshot: FILE and --out PNG are required\n" + usage), run(root, "screenshot"));
        assertEquals(new Run(2, "", "screenshot: unknown option --bogus\n" + usage), run(root, "screenshot", FILE, "--bogus"));
        assertEquals(new Run(2, "", "screenshot: unknown option --help\n" + usage), run(root, "screenshot", "--help"));
        assertEquals(new Run(2, "", "screenshot: --set needs a value\n" + usage), run(root, "screenshot", FILE, "--out", png, "--set"));
        assertEquals(new Run(2, "", "screenshot: --out needs a value\n" + usage), run(root, "screenshot", FILE, "--out"));
        assertEquals(new Run(2, "", "screenshot: --at needs a value\n" + usage), run(root, "screenshot", FILE, "--out", png, "--at"));
        assertEquals(new Run(2, "", "screenshot: --size big: expected WIDTHxHEIGHT, e.g. 1440x900\n" + usage),
                run(root, "screenshot", FILE, "--out", png, "--size", "big"));
        assertEquals(new Run(2, "", "screenshot: --size null: expected WIDTHxHEIGHT, e.g. 1440x900\n" + usage),
                run(root, "screenshot", FILE, "--out", png, "--size"));
        assertEquals(new Run(2, "", "nope.json: no such file\n"), run(root, "screenshot", "nope.json", "--out", png));
        assertFalse(Files.exists(tmp.resolve("x.png")));
    }
}
