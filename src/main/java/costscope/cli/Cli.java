package costscope.cli;

import costscope.model.InputException;
import costscope.model.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The root of the command line. Its own subcommands are headless (evaluate, sweep, table, audit, validate, bench,
 * export-table, compare, sensitivity, goal-seek); commands that need JavaFX live outside this package and join it
 * through {@link #root(List)}, which only the Launcher calls with them.
 */
@Command(name = "costscope", mixinStandardHelpOptions = true, version = "Costscope 0.1",
        description = "What-if explorer for cloud cost models. Without a command, opens the desktop app.",
        subcommands = {EvaluateCommand.class, SweepCommand.class, TableCommand.class, AuditCommand.class,
                ValidateCommand.class, Bench.class, ExportTable.class, WhatIfCommands.CompareCmd.class,
                WhatIfCommands.SensitivityCmd.class, WhatIfCommands.GoalSeekCmd.class})
public final class Cli implements Callable<Integer> {
    /**
     * Not a subcommand, but always taken for a command line rather than a file to open: picocli answers it with
     * "Unmatched argument" and the usage (exit code 2).
     */
    static final String HELP = "help";

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /**
     * The root with the headless commands and {@code extra} ones: command objects, or a command's own CommandLine
     * when it sets parser settings or answers bad arguments in its own words (its parameter exception handler is
     * used for its arguments). An unexpected error in an extra command is reported under its own name.
     */
    public static CommandLine root(List<?> extra) {
        CommandLine root = new CommandLine(new Cli());
        IParameterExceptionHandler standard = root.getParameterExceptionHandler();
        // set on the root and (by picocli) on the headless subcommands; an extra one added below keeps its own
        root.setParameterExceptionHandler(new IParameterExceptionHandler() {
            @Override
            public int handleParseException(ParameterException ex, String[] args) throws Exception {
                IParameterExceptionHandler own = ex.getCommandLine().getParameterExceptionHandler();
                return (own == this ? standard : own).handleParseException(ex, args);
            }
        });
        Set<String> extraNames = new HashSet<>();
        for (Object command : extra) {
            CommandLine sub = command instanceof CommandLine cl ? cl : new CommandLine(command);
            root.addSubcommand(sub);
            extraNames.add(sub.getCommandName());
        }
        root.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof ScenarioException || ex instanceof InputException) {
                err.println(ex.getMessage());
                return 2;
            }
            return internalError(extraNames.contains(cmd.getCommandName()) ? cmd.getCommandName() : "costscope", ex, err);
        });
        return root;
    }

    /** Whether {@code arg} (the first argument) asks for this command line: a subcommand, a help or version option, "help". */
    public static boolean isCommand(CommandLine root, String arg) {
        return root.getSubcommands().containsKey(arg) || root.getCommandSpec().optionsMap().containsKey(arg) || arg.equals(HELP);
    }

    /**
     * An exception that is not bad input is a bug: said so, with the stack trace and a request to report it (exit code
     * 1), so that it is never mistaken for a problem with the file or the options.
     */
    static int internalError(String name, Exception ex, PrintWriter err) {
        err.println(name + ": internal error: " + ex);
        ex.printStackTrace(err);
        err.println(name + ": this is a bug in Costscope, not a problem with the input; please report it with the"
                + " command line, the scenario file and the lines above");
        err.flush();
        return 1;
    }

    /** Runs a command line on the headless commands; returns the exit code (0 success, 1 a bug, 2 bad input or usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return execute(root(List.of()), args, out, err);
    }

    /** Runs a command line on {@code root}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(CommandLine root, String[] args, PrintWriter out, PrintWriter err) {
        root.setOut(out);
        root.setErr(err);
        int code = root.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
