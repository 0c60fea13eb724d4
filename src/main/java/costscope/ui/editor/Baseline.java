package costscope.ui.editor;

import costscope.engine.CompiledScenario;
import costscope.model.Problem;
import costscope.model.Scenario;

import java.util.List;

/** The problems the document's scenario already has (normally none), computed once per scenario. */
final class Baseline {
    private Scenario scenario;
    private List<Problem> problems = List.of();

    List<Problem> problems(Scenario s) {
        if (s != scenario) {
            scenario = s;
            problems = s == null ? List.of() : CompiledScenario.validate(s);
        }
        return problems;
    }
}
