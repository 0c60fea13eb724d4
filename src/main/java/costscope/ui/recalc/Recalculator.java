package costscope.ui.recalc;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.engine.Months;
import costscope.engine.ScaleTable;
import costscope.engine.Sweep;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.ui.document.ScenarioDocument;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;

/**
 * Turns the document's scenario into results, live. Recompiles only when the structure changes (a driver value or
 * lever state is an input change); recalculates at most once per frame however many changes arrive; computes the
 * audit and the scale-point table in the background and drops results that a newer change has made stale. Every
 * output is a read-only property written only here, on the FX thread.
 */
public final class Recalculator {
    private final ScenarioDocument document;
    private final FramePulse pulse;

    private final ReadOnlyObjectWrapper<CompiledScenario> compiled = new ReadOnlyObjectWrapper<>(this, "compiled");
    private final ReadOnlyObjectWrapper<List<Problem>> problems = new ReadOnlyObjectWrapper<>(this, "problems", List.of());
    private final ReadOnlyObjectWrapper<Results> results = new ReadOnlyObjectWrapper<>(this, "results");
    private final ReadOnlyObjectWrapper<Sweep.Result> sweep = new ReadOnlyObjectWrapper<>(this, "sweep");
    private final ReadOnlyObjectWrapper<ChartRange> range = new ReadOnlyObjectWrapper<>(this, "range");
    private final ReadOnlyObjectWrapper<List<Audit.Line>> audit = new ReadOnlyObjectWrapper<>(this, "audit", List.of());
    private final ReadOnlyObjectWrapper<List<ScaleTable.Column>> scaleTable = new ReadOnlyObjectWrapper<>(this, "scaleTable", List.of());
    private final ReadOnlyObjectWrapper<Months.Result> timeline = new ReadOnlyObjectWrapper<>(this, "timeline");
    private final ReadOnlyDoubleWrapper recalcMillis = new ReadOnlyDoubleWrapper(this, "recalcMillis");

    private Scenario structure;
    private Evaluator evaluator;
    private boolean scheduled;
    /** The scenario the current results are of: a scheduled recalculation of the same one is skipped. */
    private Scenario computedFor;
    /** The audit and scale table of the newest change win; older ones are dropped. */
    private final LatestResult background;

    public Recalculator(ScenarioDocument document, FramePulse pulse, TaskRunner tasks) {
        this.document = document;
        this.pulse = pulse;
        this.background = new LatestResult(tasks);
        document.scenarioProperty().addListener((obs, old, now) -> schedule(now != null && structureChanged(old, now)));
        if (document.scenario() != null) schedule(false);
    }

    private static boolean structureChanged(Scenario old, Scenario now) {
        return old == null || !old.structure().equals(now.structure());
    }

    /**
     * Recalculates on the next frame. After a structural change (another file, an edit in the Model tab), the views
     * that rebuild on the document's change (the drivers panel) are laid out in one frame and the results' views
     * (charts, legend, breakdown) in the next, so neither pulse does both.
     */
    private void schedule(boolean structural) {
        if (scheduled) return;
        scheduled = true;
        Runnable run = () -> {
            scheduled = false;
            // already done (at start, before the window's first show): nothing has changed since
            if (document.scenario() != computedFor) recalculate();
        };
        if (structural) pulse.afterNextFrame(run);
        else pulse.next(run);
    }

    /**
     * Recalculates now: normally called once per frame by the pulse; at start, before the window is first shown, so
     * that its first frame lays out and draws the results.
     */
    public void recalculate() {
        Scenario s = document.scenario();
        computedFor = s;
        if (s == null) return;
        long t0 = System.nanoTime();
        Scenario st = s.structure();
        if (!st.equals(structure)) {
            structure = st;
            try {
                CompiledScenario c = CompiledScenario.compile(s);
                evaluator = c.newEvaluator();
                compiled.set(c);
                problems.set(List.of());
            } catch (ScenarioException e) {
                evaluator = null;
                compiled.set(null);
                problems.set(e.problems());
            }
        }
        if (evaluator == null) {
            results.set(null);
            sweep.set(null);
            timeline.set(null);
            return;
        }
        evaluator.setValues(s);
        costscope.engine.Results now = evaluator.evaluateWithSavings();
        ChartRange r = ChartRange.of(s);
        costscope.engine.Sweep.Result curve = r == null ? null : r.sweep(evaluator);
        // the recalculation's own time: not what the views do with it (nor, with synchronous tasks, a simulation)
        recalcMillis.set((System.nanoTime() - t0) / 1e6);
        results.set(now);
        range.set(r);
        sweep.set(curve);
        Evaluator base = evaluator.copy();
        boolean months = s.timeline() != null;
        background.run(() -> new Background(Audit.run(base), ScaleTable.build(base), months ? Months.run(base) : null), b -> {
            audit.set(b.audit());
            scaleTable.set(b.table());
            timeline.set(b.timeline());
        }, e -> {
            audit.set(List.of());
            timeline.set(null);
        });
    }

    private record Background(List<Audit.Line> audit, List<ScaleTable.Column> table, Months.Result timeline) {
    }

    public ScenarioDocument document() {
        return document;
    }

    /** The compiled model, or null while the scenario has problems (see {@link #problemsProperty()}). */
    public ReadOnlyObjectProperty<CompiledScenario> compiledProperty() {
        return compiled.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Problem>> problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    /** The current results, with lever savings; null while the scenario has problems. */
    public ReadOnlyObjectProperty<Results> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public Results results() {
        return results.get();
    }

    /** Totals, cost per user and category costs across the chart range, at the current values of the other drivers. */
    public ReadOnlyObjectProperty<Sweep.Result> sweepProperty() {
        return sweep.getReadOnlyProperty();
    }

    /** The range of the cost charts ({@link ChartRange#of}). */
    public ReadOnlyObjectProperty<ChartRange> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    /** Stated figures beside computed ones (computed in the background). */
    public ReadOnlyObjectProperty<List<Audit.Line>> auditProperty() {
        return audit.getReadOnlyProperty();
    }

    /** Every scale point at the current values of the drivers it does not set (computed in the background). */
    public ReadOnlyObjectProperty<List<ScaleTable.Column>> scaleTableProperty() {
        return scaleTable.getReadOnlyProperty();
    }

    /** The timeline month by month at the current values (computed in the background); null without one. */
    public ReadOnlyObjectProperty<Months.Result> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }

    /** How long the last recalculation (evaluation with savings and the chart sweep) took. */
    public ReadOnlyDoubleProperty recalcMillisProperty() {
        return recalcMillis.getReadOnlyProperty();
    }
}
