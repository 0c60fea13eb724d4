package costscope.cli;

import costscope.engine.CompiledScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.util.List;

/**
 * A command on one scenario FILE that prints its answer in one of the formats its {@link FormatChoices} names. The
 * {@code --format} option is made from that list (the first is the default; the description lists them), so the
 * choices, the default, the description and the check cannot disagree. {@link #call} checks the format, runs
 * {@link #check}, loads and compiles the file, and has {@link #print} write the answer.
 */
@Command(modelTransformer = FormattedCommand.FormatOption.class)
abstract class FormattedCommand extends FileCommand {
    @Override
    public final Integer call() throws Exception {
        List<String> formats = choices(getClass());
        if (!formats.contains(format())) throw bad("--format " + format() + ": expected one of " + String.join(", ", formats));
        check();
        PrintWriter out = spec.commandLine().getOut();
        print(load(file), out);
        out.flush();
        return 0;
    }

    /** Checks the options that need no file, after --format and before the file is read. */
    void check() {
    }

    /** Prints the answer on the compiled FILE. */
    abstract void print(CompiledScenario c, PrintWriter out) throws Exception;

    /** The --format given, or the default. */
    final String format() {
        return spec.findOption("--format").getValue();
    }

    private static List<String> choices(Class<?> command) {
        return List.of(command.getAnnotation(FormatChoices.class).value());
    }

    /** Adds {@code --format=<format>} "a, b or c (default a)" to each command, from its {@link FormatChoices}. */
    static final class FormatOption implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            List<String> f = choices(spec.userObject().getClass());
            String list = String.join(", ", f.subList(0, f.size() - 1)) + " or " + f.get(f.size() - 1);
            spec.addOption(OptionSpec.builder("--format").paramLabel("<format>").type(String.class).defaultValue(f.get(0))
                    .description(list + " (default ${DEFAULT-VALUE})").build());
            return spec;
        }
    }
}
