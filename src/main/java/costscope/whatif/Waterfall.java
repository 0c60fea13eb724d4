package costscope.whatif;

import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.model.InputException;
import costscope.model.Scenario;
import costscope.model.ScenarioException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A savings waterfall from one state of a model to another: one bar per change, each bar's value computed by making
 * the changes one after another in the given order. Each bar starts where the previous one ended, so the bars add
 * up to the difference of the two totals; with interacting changes (a factor on a category another change shrinks)
 * a bar's size depends on the order, which is why the order is shown and can be changed.
 *
 * @param fromTotal the monthly total of the starting state
 * @param toTotal   the monthly total of the final state, evaluated on its own
 * @param steps     one per change, in the order applied
 */
public record Waterfall(double fromTotal, double toTotal, List<Step> steps) {
    public Waterfall {
        steps = List.copyOf(steps);
    }

    /** One bar: the total before and after making one change (negative delta: a saving). */
    public record Step(Change change, double before, double after) {
        public double delta() {
            return after - before;
        }
    }

    public double difference() {
        return toTotal - fromTotal;
    }

    /** The sum of the bars' deltas. */
    public double sumOfSteps() {
        double sum = 0;
        for (Step s : steps) sum += s.delta();
        return sum;
    }

    /** The change ids in their default order (see {@link Change#between}). */
    public static List<String> defaultOrder(Scenario from, Scenario to) {
        return Change.between(from, to).stream().map(Change::id).toList();
    }

    /**
     * The waterfall from {@code from} to {@code to}, two states of the same model (for example two variants applied).
     *
     * @param order change ids to apply first, in this order; changes not named follow in their default order; null
     *              or empty for the default order
     * @throws InputException when {@code order} names something that does not change, or names it twice
     */
    public static Waterfall run(Scenario from, Scenario to, List<String> order) throws ScenarioException {
        List<Change> changes = ordered(Change.between(from, to), order);
        CompiledScenario c = CompiledScenario.compile(from);
        Evaluator e = c.newEvaluator(from);
        double start = e.total();
        Scenario state = from;
        double before = start;
        List<Step> steps = new ArrayList<>();
        for (Change ch : changes) {
            state = ch.applyTo(state, to);
            switch (ch.kind()) {
                case DRIVER -> e.setDriver(ch.id(), state.driver(ch.id()).value());
                case LEVER -> e.setLever(ch.id(), !ch.to().equals("off"));
                case PRICE -> {
                    e = CompiledScenario.evaluatorAt(state);
                }
            }
            double after = e.total();
            steps.add(new Step(ch, before, after));
            before = after;
        }
        // the end state on its own (compiled again only when prices differ, else the same program with B's values)
        Evaluator end = (to.items().equals(from.items()) ? c : CompiledScenario.compile(to)).newEvaluator(to);
        return new Waterfall(start, end.total(), steps);
    }

    static List<Change> ordered(List<Change> changes, List<String> order) {
        if (order == null || order.isEmpty()) return changes;
        Map<String, Change> byId = new LinkedHashMap<>();
        for (Change c : changes) byId.put(c.id(), c);
        List<Change> out = new ArrayList<>();
        for (String id : order) {
            Change c = byId.remove(id.trim());
            if (c == null) {
                boolean twice = out.stream().anyMatch(x -> x.id().equals(id.trim()));
                throw new InputException("'" + id.trim() + "' " + (twice ? "is named twice in the order"
                        : "does not change between the two (changes: " + String.join(", ", changes.stream().map(Change::id).toList()) + ")"));
            }
            out.add(c);
        }
        out.addAll(byId.values());
        return out;
    }
}
