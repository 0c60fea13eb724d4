package costscope.cli;

import costscope.engine.CompiledScenario;
import costscope.files.Outputs;
import costscope.files.ScenarioFiles;
import costscope.imports.ImportFormat;
import costscope.imports.Imported;
import costscope.imports.Importers;
import costscope.model.InputException;
import costscope.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code import FILE --out SCENARIO.json [--from aws-json|aws-csv|infracost]}: an AWS Pricing Calculator export (JSON
 * or CSV) or an Infracost JSON output as a scenario, with a report of what was imported.
 */
@Command(name = "import", description = "Import an AWS Pricing Calculator export (JSON or CSV) or an Infracost JSON output"
        + " as a scenario: prints the items, categories and drivers offered, and the lines that could not be read.")
final class ImportCommand extends FileCommand {
    @Option(names = "--out", paramLabel = "SCENARIO.json", required = true, description = "the scenario file to write")
    Path out;
    @Option(names = "--from", paramLabel = "FORMAT", description = "aws-json, aws-csv or infracost (default: found from the content)")
    String from;

    @Override
    public Integer call() throws Exception {
        ImportFormat format = null;
        if (from != null) {
            format = ImportFormat.named(from);
            if (format == null) {
                throw new InputException("--from " + from + ": expected one of " + Arrays.stream(ImportFormat.values())
                        .map(f -> f.id).collect(Collectors.joining(", ")));
            }
        }
        Outputs.check(out, file);
        Imported imported = Importers.read(file, format);
        List<Problem> problems = CompiledScenario.validate(imported.scenario());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the import of " + file + " made a scenario with problems: " + problems.get(0).describe());
        }
        ScenarioFiles.save(imported.scenario(), out);
        var w = spec.commandLine().getOut();
        imported.report().lines().forEach(w::println);
        w.println("Wrote " + out + ".");
        return 0;
    }
}
