package costscope.model;

import java.util.List;

/** A scenario that cannot be loaded or compiled, with every problem found and the file it came from. */
public class ScenarioException extends Exception {
    private final String source;
    private final List<Problem> problems;

    public ScenarioException(String source, List<Problem> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    public ScenarioException withSource(String newSource) {
        return new ScenarioException(newSource, problems);
    }

    private static String format(String source, List<Problem> problems) {
        StringBuilder b = new StringBuilder();
        b.append(source == null ? "scenario" : source).append(": ");
        if (problems.size() == 1) {
            b.append(problems.get(0).describe());
        } else {
            b.append(problems.size()).append(" problems: ");
            for (int i = 0; i < problems.size(); i++) {
                if (i > 0) b.append("; ");
                b.append(problems.get(i).describe());
            }
        }
        return b.toString();
    }
}
