package costscope.engine;

import costscope.model.ScalePoint;

import java.util.ArrayList;
import java.util.List;

/** Every scale point of the report side by side: one evaluation (with lever savings) per column. */
public final class ScaleTable {
    private ScaleTable() {
    }

    public record Column(String id, String label, Results results) {
    }

    /** One column per scale point, or a single "current" column when the scenario has none. */
    public static List<Column> build(CompiledScenario c) {
        return build(c.newEvaluator());
    }

    /** The columns from a given state: each scale point starts from {@code base} (not changed). */
    public static List<Column> build(Evaluator base) {
        CompiledScenario c = base.compiled();
        List<Column> cols = new ArrayList<>();
        if (c.scenario.scalePoints().isEmpty()) {
            cols.add(new Column("current", "Current", base.copy().evaluateWithSavings()));
            return cols;
        }
        for (ScalePoint p : c.scenario.scalePoints()) {
            Evaluator e = base.copy();
            e.applyScalePoint(p.id());
            cols.add(new Column(p.id(), p.label() == null ? p.id() : p.label(), e.evaluateWithSavings()));
        }
        return cols;
    }
}
