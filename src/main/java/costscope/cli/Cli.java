package costscope.cli;

import costscope.model.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** The headless command line: evaluate, sweep, table, audit, validate, bench, export-table and the what-if commands. No JavaFX. */
@Command(name = "costscope", mixinStandardHelpOptions = true, version = "Costscope 0.1",
        description = "What-if explorer for cloud cost models. Without a command, opens the desktop app.",
        subcommands = {EvaluateCommand.class, SweepCommand.class, TableCommand.class, AuditCommand.class,
                ValidateCommand.class, Bench.class, ExportTable.class, WhatIfCommands.CompareCmd.class,
                WhatIfCommands.SensitivityCmd.class, WhatIfCommands.GoalSeekCmd.class})
public final class Cli implements Callable<Integer> {
    public static final List<String> COMMANDS = List.of("evaluate", "sweep", "table", "audit", "validate", "bench",
            "export-table", "compare", "sensitivity", "goal-seek", "help", "--help", "-h", "--version", "-V");

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Runs a command line; returns the exit code (0 success, 2 bad input or usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ScenarioException || ex instanceof IllegalArgumentException) {
                err.println(ex.getMessage());
                return 2;
            }
            err.println("costscope: " + ex);
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Bad input with a message naming the file and the place. */
    static final class BadInput extends IllegalArgumentException {
        BadInput(String message) {
            super(message);
        }
    }
}
