package costscope.cli;

import costscope.files.OutputException;
import costscope.model.InputException;
import costscope.model.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The root of the command line. Its own subcommands are headless (evaluate, sweep, table, audit, validate, bench,
 * export-table, compare, sensitivity, goal-seek, simulate, timeline); commands that need JavaFX live outside this package and join it
 * through {@link #root(List)}, which only the Launcher calls with them.
 */
@Command(name = "costscope", mixinStandardHelpOptions = true, versionProvider = AppVersion.Provider.class,
        description = "What-if explorer for cloud cost models. Without a command, opens the desktop app.",
        subcommands = {EvaluateCommand.class, SweepCommand.class, TableCommand.class, AuditCommand.class,
                ValidateCommand.class, Bench.class, ExportTable.class, WhatIfCommands.CompareCmd.class,
                WhatIfCommands.SensitivityCmd.class, WhatIfCommands.GoalSeekCmd.class, SimulateCommand.class,
                TimelineCommand.class, ImportCommand.class, LaunchBench.class})
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
                if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine() == root
                        && u.getUnmatched().contains(HELP)) {
                    // the usage, as always; not a "did you mean" for whichever command shares two letters with "help"
                    root.getErr().println(ex.getMessage());
                    root.usage(root.getErr());
                    return root.getCommandSpec().exitCodeOnInvalidInput();
                }
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
            if (ex instanceof ScenarioException || ex instanceof InputException || ex instanceof OutputException) {
                err.println(ex.getMessage());
                return 2;
            }
            return internalError(extraNames.contains(cmd.getCommandName()) ? cmd.getCommandName() : "costscope", ex, err);
        });
        return root;
    }

    /**
     * What the jar does with its arguments: run a command, open the app (no arguments, or one existing file), or
     * refuse (exit code 2) with a message that says what is wrong, so that a mistyped command never starts the app.
     *
     * @param kind    what to do
     * @param message for {@link Kind#ERROR}, what to print on standard error; else null
     */
    public record Launch(Kind kind, String message) {
        public enum Kind { COMMAND, OPEN_APP, ERROR }

        static Launch error(String message) {
            return new Launch(Kind.ERROR, message);
        }
    }

    /**
     * Decides what {@code args} ask of the jar whose command line is {@code root}: a command (or help, version) is run;
     * no argument, or one scenario file that exists, opens the app; anything else is an error that names it, with the
     * nearest command or option when one is close ("unknown command 'evalute' (did you mean 'evaluate'?)").
     */
    public static Launch launchDecision(CommandLine root, String[] args) {
        return launchDecision(() -> root, args);
    }

    /**
     * As {@link #launchDecision(CommandLine, String[])}, building the command line only when the arguments need it: no
     * argument, or one existing file whose name has a dot or a folder in it (no command or option name has either,
     * {@code CliRootTest} checks), opens the app without it, so the app starts without building every command first.
     */
    public static Launch launchDecision(java.util.function.Supplier<CommandLine> root, String[] args) {
        if (args.length == 0) return new Launch(Launch.Kind.OPEN_APP, null);
        if (args.length == 1 && plainlyAFile(args[0])) return new Launch(Launch.Kind.OPEN_APP, null);
        return decide(root.get(), args);
    }

    /** Names a file that exists and cannot be a command or option name (it has a dot or a folder separator). */
    private static boolean plainlyAFile(String arg) {
        if (arg.indexOf('.') < 0 && arg.indexOf('/') < 0 && arg.indexOf(File.separatorChar) < 0) return false;
        try {
            return Files.isRegularFile(Path.of(arg));
        } catch (InvalidPathException x) {
            return false;
        }
    }

    /** The decision for one or more arguments that need the command line. */
    private static Launch decide(CommandLine root, String[] args) {
        String first = args[0];
        if (isCommand(root, first)) return new Launch(Launch.Kind.COMMAND, null);
        String hint = "costscope --help lists the commands; costscope FILE.json opens a scenario in the app";
        if (first.isBlank()) return Launch.error("costscope: an empty argument is neither a command nor a file\n" + hint);
        List<String> commands = List.copyOf(root.getSubcommands().keySet());
        if (first.startsWith("-")) {
            List<String> names = new ArrayList<>(root.getCommandSpec().optionsMap().keySet());
            String word = first.replaceFirst("^-+", "");
            List<String> near = nearest(first, names);
            if (near.isEmpty() && commands.contains(word)) near = List.of(word);
            return Launch.error("costscope: unknown option '" + first + "'" + didYouMean(near) + "\n" + hint);
        }
        Path file = null;
        try {
            file = Path.of(first);
        } catch (InvalidPathException x) {
            // not a file name on this system: taken for a mistyped command below
        }
        if (file != null && Files.isRegularFile(file)) {
            if (args.length == 1) return new Launch(Launch.Kind.OPEN_APP, null);
            return Launch.error("costscope: the app opens one file; '" + args[1] + "' after " + first + " is not understood"
                    + " (a command comes first: costscope evaluate " + first + " ...)\n" + hint);
        }
        if (file != null && Files.isDirectory(file)) return Launch.error("costscope: " + first + " is a folder, not a scenario file\n" + hint);
        List<String> near = nearest(first, commands);
        if (!near.isEmpty()) return Launch.error("costscope: unknown command '" + first + "'" + didYouMean(near) + "\n" + hint);
        if (first.toLowerCase(Locale.ROOT).endsWith(".json") || first.contains("/") || first.contains(File.separator)) {
            return Launch.error("costscope: " + first + ": no such file\n" + hint);
        }
        return Launch.error("costscope: '" + first + "' is neither a command nor a scenario file (commands: "
                + String.join(", ", commands) + ")\n" + hint);
    }

    private static String didYouMean(List<String> near) {
        if (near.isEmpty()) return "";
        return " (did you mean " + String.join(" or ", near.stream().map(n -> "'" + n + "'").toList()) + "?)";
    }

    /**
     * The names closest to {@code word}: those at the smallest edit distance (insertions, deletions, substitutions and
     * swaps of two neighbouring letters, ignoring case), when it is small for the word's length (none for one letter,
     * as in {@code -x}; 1; 2 from six letters); else the names {@code word} is the start of (at least three letters).
     */
    static List<String> nearest(String word, Collection<String> names) {
        String w = word.toLowerCase(Locale.ROOT);
        int letters = w.replaceFirst("^-+", "").length();
        int limit = letters <= 1 ? 0 : letters >= 6 ? 2 : 1;
        int best = limit + 1;
        List<String> out = new ArrayList<>();
        for (String n : names) {
            int d = distance(w, n.toLowerCase(Locale.ROOT));
            if (d > limit) continue;
            if (d < best) {
                best = d;
                out.clear();
            }
            if (d == best) out.add(n);
        }
        if (out.isEmpty() && letters >= 3) {
            for (String n : names) if (n.toLowerCase(Locale.ROOT).startsWith(w)) out.add(n);
        }
        return out.stream().sorted().toList();
    }

    /** The optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
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
        // what a file says reaches the terminal as text, never as control sequences
        PrintWriter safeOut = new PrintWriter(new TerminalText(out), true);
        PrintWriter safeErr = new PrintWriter(new TerminalText(err), true);
        root.setOut(safeOut);
        root.setErr(safeErr);
        int code = root.execute(args);
        safeOut.flush();
        safeErr.flush();
        out.flush();
        err.flush();
        return code;
    }
}
