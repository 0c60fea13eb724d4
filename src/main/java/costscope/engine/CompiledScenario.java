package costscope.engine;

import costscope.formula.Compiler;
import costscope.formula.Fn;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario compiled into a flat program over a {@code double[]} of slots: one step per node (driver, variable,
 * line item, category, total, business metric), in dependency order. Compile once per structural change
 * ({@link ScenarioCompiler} builds it); an {@link Evaluator} re-runs the steps on every value change without parsing
 * or looking up names. Immutable.
 *
 * <p>Slot layout: see {@link SlotLayout}.
 */
public final class CompiledScenario {

    /** Built-in names, valid in every formula; no id may use them. */
    public static final List<String> RESERVED = Metric.reservedNames();

    /** One step of the program: computes its node's slot(s) from earlier slots. */
    interface Step {
        void run(double[] s);

        /**
         * This step over a block of samples, with the levers as they are in {@code base} (levers are inputs no step
         * writes, so they are the same in every sample): the same arithmetic on each sample as {@link #run}. Null when
         * the step has no columnar form; a program with such a step runs sample by sample.
         */
        default ColumnStep columns(double[] base) {
            return null;
        }
    }

    /** A step's columnar form ({@link Step#columns}): writes its slots' columns in the block. */
    interface ColumnStep {
        void run(costscope.formula.Block b);
    }

    final Scenario scenario;
    final int slotCount;
    final Step[] steps;
    final double[] initial;
    final Map<String, Integer> driverIndex = new HashMap<>();
    final Map<String, Integer> leverIndex = new HashMap<>();
    final Map<String, Integer> itemIndex = new HashMap<>();
    final Map<String, Integer> categoryIndex = new HashMap<>();
    /** Where every value lives in the slot array. */
    final SlotLayout slots;
    /** The business metrics by formula name, in {@link Metric} order (the totals aside): what results report. */
    final Map<String, Integer> reportedMetrics;
    final ItemPricing[] pricing;
    final Map<String, LeverOverrides.Override[]> setters;
    final Fn[] statedOf;
    /** The timeline compiled, or null without one. */
    final MonthlyPlan timeline;
    /** The business model's funding (a hidden input), or -1. */
    final int fundingSlot;
    final List<String> order;
    /** Each node's step and uses, by position in {@link #order}: what a partial program is cut from. */
    private final Step[] nodeSteps;
    private final int[][] uses;
    /** The fixed programs made of this model's steps ({@link Programs}). */
    private final Programs programs = new Programs();
    private volatile Step whole;
    /** Each driver's sampler (null without a range), built on first use: a PERT's quantile table takes milliseconds. */
    private volatile Sampler[] samplers;

    // ------------------------------------------------------------------------------------------------------------

    /** Compiles a scenario, or throws with every problem found (formula positions, unknown names, cycles). */
    public static CompiledScenario compile(Scenario scenario) throws ScenarioException {
        ScenarioCompiler b = new ScenarioCompiler(scenario);
        List<Problem> problems = b.run();
        if (!problems.isEmpty()) throw new ScenarioException(scenario.name(), problems);
        return new CompiledScenario(b);
    }

    /** Every problem that compiling would report, without throwing. */
    public static List<Problem> validate(Scenario scenario) {
        return List.copyOf(new ScenarioCompiler(scenario).run());
    }

    private CompiledScenario(ScenarioCompiler b) {
        this.slots = b.layout;
        this.scenario = b.sc;
        this.slotCount = slots.slotCount();
        Map<String, Integer> reported = new LinkedHashMap<>();
        for (Metric kind : Metric.values()) {
            if (kind.isTotal()) continue;
            slots.metricSlot.forEach((name, slot) -> {
                if (Metric.named(name) == kind) reported.put(name, slot);
            });
        }
        this.reportedMetrics = Collections.unmodifiableMap(reported);
        this.order = List.copyOf(b.order);
        this.steps = b.steps();
        this.nodeSteps = b.nodeSteps();
        this.uses = b.uses();
        this.pricing = b.pricing;
        this.setters = Map.copyOf(b.setters);
        this.statedOf = b.statedOf;
        this.timeline = b.timeline;
        this.fundingSlot = b.hiddenInput.getOrDefault("business.funding", -1);
        this.initial = new double[slotCount];
        for (Map.Entry<Integer, Double> e : b.constants.entrySet()) initial[e.getKey()] = e.getValue();
        for (int i = 0; i < scenario.drivers().size(); i++) {
            driverIndex.put(scenario.drivers().get(i).id(), i);
            initial[slots.driverInput[i]] = scenario.drivers().get(i).value();
        }
        for (int i = 0; i < scenario.levers().size(); i++) {
            leverIndex.put(scenario.levers().get(i).id(), i);
            initial[slots.leverSlot[i]] = scenario.levers().get(i).enabled() ? 1 : 0;
        }
        for (int i = 0; i < scenario.items().size(); i++) itemIndex.put(scenario.items().get(i).id(), i);
        for (int i = 0; i < scenario.categories().size(); i++) categoryIndex.put(scenario.categories().get(i).id(), i);
        for (int k : slots.savingSlot) initial[k] = Double.NaN;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** A fresh evaluator holding the file's driver values and lever states. */
    public Evaluator newEvaluator() {
        return new Evaluator(this);
    }

    /** A fresh evaluator holding the driver values and lever states of {@code values}, a state of this model. */
    public Evaluator newEvaluator(Scenario values) {
        Evaluator e = new Evaluator(this);
        e.setValues(values);
        return e;
    }

    /** Compiles {@code s} and returns an evaluator at its driver values and lever states. */
    public static Evaluator evaluatorAt(Scenario s) throws ScenarioException {
        return compile(s).newEvaluator(s);
    }

    /** Steps run per recalculation: nodes less the inputs read in place and the constants. */
    public int stepCount() {
        return steps.length;
    }

    /** Slots in the state array (copied once per snapshot). */
    public int slotCount() {
        return slotCount;
    }

    /**
     * The steps that depend, directly or through other nodes, on any of the named drivers, in evaluation order: after
     * one full recalculation, running only these when only those drivers change gives the same values as the whole
     * program (every other node keeps its value). What Monte Carlo runs per sample.
     */
    Step[] stepsDependingOn(java.util.Collection<String> driverIds) {
        return stepsDependingOn(driverIds, null);
    }

    /**
     * As {@link #stepsDependingOn(java.util.Collection)}, less the steps none of the named nodes reads, directly or
     * through other nodes: what an output over those names needs (a simulation of the total skips the business
     * metrics the total feeds). After one full recalculation, running these leaves the named nodes, and every node
     * they read, as the whole program would; other slots may be stale. {@code needed} null: every node is needed; a
     * name that is not a node (a built-in) counts as needing every node.
     */
    Step[] stepsDependingOn(java.util.Collection<String> driverIds, java.util.Collection<String> needed) {
        boolean[] wanted = new boolean[order.size()];
        if (needed == null || !order.containsAll(needed)) {
            java.util.Arrays.fill(wanted, true);
        } else {
            for (String name : needed) wanted[order.indexOf(name)] = true;
            for (int i = order.size() - 1; i >= 0; i--) {   // uses point back: one pass from the end closes the set
                if (wanted[i]) for (int u : uses[i]) wanted[u] = true;
            }
        }
        boolean[] moves = new boolean[order.size()];
        for (int i = 0; i < order.size(); i++) {
            if (driverIds.contains(order.get(i))) {
                moves[i] = true;
                continue;
            }
            for (int u : uses[i]) {
                if (moves[u]) {
                    moves[i] = true;
                    break;
                }
            }
        }
        List<Step> out = new java.util.ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            if (moves[i] && wanted[i] && nodeSteps[i] != ScenarioCompiler.NO_STEP) out.add(nodeSteps[i]);
        }
        return out.toArray(new Step[0]);
    }

    /**
     * The steps as one step whose calls the JIT can inline ({@link Programs}); the same object for the same steps, so
     * that its compiled code serves every run. For programs run very many times (Monte Carlo).
     */
    Step fixed(Step[] steps) {
        return programs.of(steps);
    }

    /** The whole program, fixed ({@link #fixed}); made on first use. */
    Step program() {
        Step p = whole;
        if (p == null) {
            p = fixed(steps);
            whole = p;   // two threads making it at once get the same object from the cache
        }
        return p;
    }

    /** The sampler of driver {@code index} (its range truncated to its min and max), or null when it has no range. */
    Sampler sampler(int index) {
        Sampler[] s = samplers;
        if (s == null) {
            s = new Sampler[scenario.drivers().size()];
            for (int i = 0; i < s.length; i++) {
                var d = scenario.drivers().get(i);
                if (d.range() != null) s[i] = Sampler.of(d.range(), d.min(), d.max());
            }
            samplers = s;   // built whole, then published; two threads building at once build the same
        }
        return s[index];
    }

    /** Node names in evaluation order (for diagnostics and tests of recalculation order). */
    public List<String> evaluationOrder() {
        return order;
    }

    /** Compiles a stated-figure style formula (names, quantity(), unitPrice(), basis(), saving()) against this model. */
    public Fn compileResultFormula(String formula) throws FormulaException {
        return Compiler.compile(Parser.parse(formula),
                StatedFigures.resultScope(slots, itemIndex, leverIndex));
    }

    int slotOf(String name) {
        Integer s = slots.nameSlot.get(name);
        return s == null ? -1 : s;
    }
}
