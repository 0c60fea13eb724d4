package costscope;

import costscope.cli.Cli;

import java.io.PrintWriter;

/**
 * The jar's entry point. With a CLI command ({@code evaluate}, {@code audit}...) runs headless; otherwise opens the
 * desktop app on the given scenario file (or the first sample). Does not extend Application, so the fat jar runs
 * with JavaFX on the classpath.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bench-ui")) {
            System.exit(costscope.ui.UiBench.run(args));
        }
        if (args.length > 0 && args[0].equals("screenshot")) {
            System.exit(costscope.ui.Screenshot.run(args));
        }
        if (args.length > 0 && args[0].equals("export-chart")) {
            System.exit(costscope.ui.export.ExportChartCommand.run(args));
        }
        if (args.length > 0 && Cli.COMMANDS.contains(args[0])) {
            int code = Cli.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
            System.exit(code);
        }
        costscope.ui.CostscopeApp.launchApp(args);
    }
}
