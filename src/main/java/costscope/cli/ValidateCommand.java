package costscope.cli;

import costscope.files.ScenarioFiles;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import picocli.CommandLine.Command;

/** {@code validate FILE}: "ok" with the counts, or every problem with its place (exit code 2). */
@Command(name = "validate", description = "Check a scenario file and list every problem with its place.")
final class ValidateCommand extends FileCommand {
    @Override
    public Integer call() {
        try {
            Scenario sc = ScenarioFiles.load(file);
            spec.commandLine().getOut().println(file + ": ok (" + sc.drivers().size() + " drivers, " + sc.variables().size()
                    + " variables, " + sc.items().size() + " items, " + sc.categories().size() + " categories, "
                    + sc.levers().size() + " levers, " + sc.scalePoints().size() + " scale points, "
                    + sc.statedFigures().size() + " stated figures)");
            return 0;
        } catch (ScenarioException e) {
            var err = spec.commandLine().getErr();
            err.println(file + ": " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems"));
            for (Problem p : e.problems()) err.println("  " + file + ": " + p.describe());
            return 2;
        }
    }
}
