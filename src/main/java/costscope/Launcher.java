package costscope;

import costscope.cli.Cli;
import costscope.ui.Screenshot;
import costscope.ui.UiBench;
import costscope.ui.export.ExportChartCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;

/**
 * The jar's entry point. With a CLI command ({@code evaluate}, {@code audit}...) runs headless; with no argument or
 * one existing scenario file opens the desktop app on it (or the first sample); anything else is refused with exit code
 * 2 before JavaFX starts ({@link Cli#launchDecision}). Does not extend Application, so the fat jar runs
 * with JavaFX on the classpath.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // the command line is built only when the arguments need it (once): the app starts without it
        CommandLine[] built = new CommandLine[1];
        java.util.function.Supplier<CommandLine> cli = () -> built[0] != null ? built[0] : (built[0] = cli());
        Cli.Launch launch = Cli.launchDecision(cli, args);
        switch (launch.kind()) {
            case COMMAND -> System.exit(Cli.execute(cli.get(), args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
            case ERROR -> {
                System.err.println(launch.message());
                System.exit(2);
            }
            case OPEN_APP -> costscope.ui.CostscopeApp.launchApp(args);
        }
    }

    /**
     * The command line: the headless commands and the JavaFX ones (export-chart, screenshot, bench-ui), which start
     * the toolkit only when they run. Assembled here, the one class that sees both the cli and the ui packages.
     */
    public static CommandLine cli() {
        return Cli.root(List.of(ExportChartCommand.command(false), Screenshot.command(), UiBench.command()));
    }
}
