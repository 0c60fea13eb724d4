package costscope.cli;

import costscope.engine.CompiledScenario;
import costscope.files.ScenarioFiles;
import costscope.model.InputException;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** A headless command on one scenario FILE: picocli's model of the command, the FILE, and bad input naming it. */
abstract class FileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    /** Bad input: the message after the file name. */
    final InputException bad(String message) {
        return new InputException(file + ": " + message);
    }

    /** Reads and compiles a scenario file; a compile error names the file. */
    static CompiledScenario load(Path file) throws ScenarioException {
        Scenario sc = ScenarioFiles.load(file);
        try {
            return CompiledScenario.compile(sc);
        } catch (ScenarioException e) {
            throw e.withSource(file.toString());
        }
    }
}
