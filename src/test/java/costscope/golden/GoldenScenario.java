package costscope.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import costscope.model.StatedFigure;
import costscope.model.Variant;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One seed report's sample scenario (sample-scenarios/), loaded and compiled, for the golden tests: the model at a
 * scale point with levers on, the report's display precisions as tolerances, and the audit check every golden test
 * makes (how many figures the report states, how many of them agree, and which ones, by name, contradict it).
 */
final class GoldenScenario {

    /** Half a cent, the precision of figures printed to the cent. */
    static final double CENT = 0.005;
    /** Half of the report's display precision for whole dollars / whole users / whole months. */
    static final double WHOLE = 0.5 + 1e-6;
    /** Half of the report's display precision for shares printed to 1% (as fractions). */
    static final double PERCENT = 0.005 + 1e-9;
    /** Half of the report's display precision for shares printed to 0.1% (as fractions). */
    static final double TENTH_PERCENT = 0.0005 + 1e-9;

    final CompiledScenario compiled;
    private List<Audit.Line> audit;

    private GoldenScenario(CompiledScenario compiled) {
        this.compiled = compiled;
    }

    /** Loads and compiles {@code sample-scenarios/<file>}. */
    static GoldenScenario load(String file) throws Exception {
        return of(ScenarioFiles.load(Path.of("sample-scenarios", file)));
    }

    static GoldenScenario of(Scenario s) throws Exception {
        return new GoldenScenario(CompiledScenario.compile(s));
    }

    Scenario scenario() {
        return compiled.scenario();
    }

    /** An evaluator at a scale point ({@code null}: the file's own driver values) with the given levers on. */
    Evaluator evaluator(String scalePoint, String... leversOn) {
        Evaluator e = compiled.newEvaluator();
        if (scalePoint != null) e.applyScalePoint(scalePoint);
        for (String l : leversOn) e.setLever(l, true);
        return e;
    }

    /** The model at a scale point with the given levers on, lever savings included. */
    Results at(String scalePoint, String... leversOn) {
        return evaluator(scalePoint, leversOn).evaluateWithSavings();
    }

    /** The model at the file's own driver values with the given levers on, lever savings included. */
    Results withLevers(String... leversOn) {
        return at(null, leversOn);
    }

    // ---------------------------------------------------------------- audit

    /** The audit at the file's own driver values and lever states (run once; the scenario does not change). */
    synchronized List<Audit.Line> audit() {
        if (audit == null) audit = List.copyOf(Audit.run(compiled));
        return audit;
    }

    /** The audit line of a stated figure; fails when the report states no figure of that label. */
    Audit.Line auditLine(String label) {
        Audit.Line line = audit().stream().filter(l -> l.label().equals(label)).findFirst().orElse(null);
        assertNotNull(line, "no stated figure '" + label + "'");
        return line;
    }

    /** Asserts that a stated figure contradicts the model, with the report's and the model's numbers. */
    void assertContradiction(String label, double stated, double computed, double delta) {
        Audit.Line l = auditLine(label);
        assertEquals(stated, l.stated(), 1e-9, label + " (stated)");
        assertEquals(computed, l.computed(), delta, label + " (computed)");
        assertFalse(l.agrees(), label + " should disagree");
    }

    /**
     * Asserts the audit has exactly {@code statedFigures} lines with distinct labels, of which exactly
     * {@code agreeing} agree, and that the ones that do not are exactly {@code contradictions} (each named).
     */
    void assertAudit(int statedFigures, int agreeing, List<String> contradictions) {
        List<String> wrong = auditDiscrepancies(statedFigures, agreeing, contradictions);
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    /**
     * What is wrong with the audit against the expected counts and contradictions, one line per finding; empty when
     * it is as expected. A stated figure counts as agreeing when the model's value is within half the figure's
     * rounding of it; the test works that out itself from the stated and computed numbers (it does not take the
     * audit's word for it) and reports an audit whose verdict differs.
     */
    List<String> auditDiscrepancies(int statedFigures, int agreeing, List<String> contradictions) {
        List<String> wrong = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>(contradictions);
        if (expected.size() != contradictions.size()) wrong.add("the expected contradictions name a figure twice");
        if (statedFigures - contradictions.size() != agreeing) {
            wrong.add("expected counts do not add up: " + statedFigures + " stated, " + agreeing + " agreeing, "
                    + contradictions.size() + " contradictions");
        }
        List<Audit.Line> lines = audit();
        if (lines.size() != statedFigures) wrong.add(lines.size() + " stated figures, expected " + statedFigures);
        Map<String, Audit.Line> byLabel = new LinkedHashMap<>();
        int agreed = 0;
        for (Audit.Line l : lines) {
            if (byLabel.put(l.label(), l) != null) wrong.add("'" + l.label() + "' is stated twice");
            boolean agrees = agrees(l);
            if (agrees != l.agrees()) {
                wrong.add("'" + l.label() + "': the audit says agrees=" + l.agrees() + " for stated " + l.stated()
                        + ", computed " + l.computed() + ", rounding " + l.rounding());
            }
            if (agrees) agreed++;
            if (expected.contains(l.label()) && agrees) {
                wrong.add("'" + l.label() + "' no longer contradicts the report: stated " + num(l.stated()) + ", computed "
                        + num(l.computed()));
            } else if (!expected.contains(l.label()) && !agrees) {
                wrong.add("'" + l.label() + "' is a new contradiction: stated " + num(l.stated()) + ", computed "
                        + num(l.computed()));
            }
        }
        for (String c : expected) {
            if (!byLabel.containsKey(c)) wrong.add("no stated figure '" + c + "'");
        }
        if (agreed != agreeing) wrong.add(agreed + " stated figures agree, expected " + agreeing);
        return wrong;
    }

    /**
     * Shows that {@link #assertAudit} fails on its own, in both directions: {@code agreeingFigure} stated as
     * {@code wrongValue} (the model gives {@code modelValue}) is a new contradiction, one agreeing figure fewer; with
     * {@code contradiction} also stated as the model's {@code modelValueOfContradiction}, that one no longer
     * contradicts the report and the number of agreeing figures is back where it was, so only the check by name sees
     * the two changes.
     */
    void assertChangedFiguresAreCaught(int statedFigures, int agreeing, List<String> contradictions,
                                       String agreeingFigure, double wrongValue, double modelValue,
                                       String contradiction, double modelValueOfContradiction) throws Exception {
        String newContradiction = "'" + agreeingFigure + "' is a new contradiction: stated " + num(wrongValue)
                + ", computed " + num(modelValue);
        GoldenScenario changed = withStatedValue(agreeingFigure, wrongValue);
        assertEquals(List.of(newContradiction, (agreeing - 1) + " stated figures agree, expected " + agreeing),
                changed.auditDiscrepancies(statedFigures, agreeing, contradictions));
        assertEquals(List.of(newContradiction, "'" + contradiction + "' no longer contradicts the report: stated "
                        + num(modelValueOfContradiction) + ", computed " + num(modelValueOfContradiction)),
                changed.withStatedValue(contradiction, modelValueOfContradiction)
                        .auditDiscrepancies(statedFigures, agreeing, contradictions));
    }

    /** A number to nine significant digits, in plain notation without trailing zeros (12.96, not 12.959999999999999). */
    static String num(double x) {
        if (!Double.isFinite(x)) return String.valueOf(x);
        return new BigDecimal(x).round(new MathContext(9)).stripTrailingZeros().toPlainString();
    }

    /** Within half the figure's rounding (and a relative hair for binary fractions); never for a non-finite value. */
    private static boolean agrees(Audit.Line l) {
        return Double.isFinite(l.computed())
                && Math.abs(l.computed() - l.stated()) <= l.rounding() / 2 + 1e-9 * Math.max(1, Math.abs(l.stated()));
    }

    // ---------------------------------------------------------------- changed copies, to show the checks can fail

    /** The same scenario with one stated figure's value changed. */
    GoldenScenario withStatedValue(String label, double value) throws Exception {
        Scenario s = scenario();
        List<StatedFigure> figures = new ArrayList<>(s.statedFigures());
        boolean found = false;
        for (int i = 0; i < figures.size(); i++) {
            StatedFigure f = figures.get(i);
            if (f.label().equals(label)) {
                figures.set(i, new StatedFigure(f.label(), f.at(), f.month(), f.levers(), f.set(), f.of(), value, null, null, f.rounding(),
                        f.format(), f.note()));
                found = true;
            }
        }
        if (!found) throw new IllegalArgumentException("no stated figure '" + label + "'");
        return of(s.withStatedFigures(figures));
    }

    /** The same scenario with one flat-priced line item's unit price changed. */
    GoldenScenario withUnitPrice(String item, String price) throws Exception {
        return of(scenario().withOverrides(new Variant("changed", null, null, null, null, Map.of(item, price))));
    }
}
