package costscope.ui.recalc;

import costscope.engine.Audit;
import costscope.engine.ScaleTable;
import costscope.files.ScenarioFiles;
import costscope.model.LineItem;
import costscope.model.Scenario;
import costscope.ui.document.ScenarioDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The recalculator on the example model, whose monthly total is {@code active_users * messages * 900 * $3 / 1M}
 * (the LLM tokens, less 20% with the cache lever) plus one database instance at $0.348 an hour (730 hours) below
 * 100,000 users: the figures are known in closed form.
 */
class RecalculatorTest {
    static final double DB = 0.348 * 730;
    final ScenarioDocument document = new ScenarioDocument();
    final HoldingRunner tasks = new HoldingRunner();
    Recalculator recalc;
    int compiles;

    @BeforeEach
    void open() throws Exception {
        recalc = new Recalculator(document, FramePulse.immediate(), tasks);
        recalc.compiledProperty().addListener((o, a, c) -> {
            if (c != null) compiles++;
        });
        document.open(ScenarioFiles.load(Path.of("src/test/resources/scenarios/example.json")), null);
    }

    static double llm(double users, double messages) {
        return users * messages * 900 * 3 / 1e6;
    }

    double total() {
        return recalc.results().monthlyTotal();
    }

    Audit.Line audit(String label) {
        return recalc.auditProperty().get().stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow();
    }

    ScaleTable.Column column(String id) {
        return recalc.scaleTableProperty().get().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aValueOrLeverChangeReevaluatesWithoutCompilingAndAFormulaChangeRecompiles() {
        assertEquals(1, compiles);
        assertEquals(llm(1000, 300) + DB, total(), 1e-9);
        var compiled = recalc.compiledProperty().get();

        document.edit("more messages", s -> s.withDriverValue("messages", 600));
        assertEquals(llm(1000, 600) + DB, total(), 1e-9);
        document.edit("more users", s -> s.withDriverValue("active_users", 5000));
        assertEquals(llm(5000, 600) + DB, total(), 1e-9);
        document.edit("cache", s -> s.withLeverEnabled("cache", true));
        assertEquals(0.8 * llm(5000, 600) + DB, total(), 1e-9);
        assertEquals(1, compiles, "values and levers are inputs: no recompilation");
        assertSame(compiled, recalc.compiledProperty().get());
        assertEquals(List.of(), recalc.problemsProperty().get());

        document.edit("price", s -> s.withItems(s.items().stream()
                .map(i -> i.id().equals("claude_input") ? i.withUnitPrice("6.00") : i).toList()));
        assertEquals(2, compiles, "a formula is structure: compiled again");
        assertNotSame(compiled, recalc.compiledProperty().get());
        assertEquals(0.8 * 2 * llm(5000, 600) + DB, total(), 1e-9);
        // and the chart sweep follows, over the scenario's sweep section
        assertEquals(new ChartRange("active_users", 10, 1_000_000, true), recalc.rangeProperty().get());
        double[] x = recalc.sweepProperty().get().x();
        assertEquals(ChartRange.SWEEP_POINTS, x.length);
        assertEquals(0.8 * 2 * llm(x[0], 600) + DB, recalc.sweepProperty().get().total()[0], 1e-9);
    }

    /**
     * The time the status bar shows is the recalculation's own: it is set before the results are handed to the views,
     * so what they do with them (and, with synchronous tasks, a simulation they start) is not counted in it.
     */
    @Test
    void theRecalculationTimeIsSetBeforeTheViewsGetTheResults() {
        double[] seen = {Double.NaN};
        recalc.resultsProperty().addListener((o, a, b) -> seen[0] = recalc.recalcMillisProperty().get());
        document.edit("more messages", s -> s.withDriverValue("messages", 600));
        assertEquals(llm(1000, 600) + DB, total(), 1e-9);
        assertEquals(recalc.recalcMillisProperty().get(), seen[0], 0.0, "the views saw this recalculation's time");
    }

    @Test
    void aBrokenFormulaShowsProblemsAndTheFixCompilesAgain() {
        document.edit("break", s -> s.withItems(replaceQuantity(s, "tokens *")));
        assertNull(recalc.results());
        assertEquals(1, recalc.problemsProperty().get().size());
        document.edit("fix", s -> s.withItems(replaceQuantity(s, "tokens")));
        assertEquals(2, compiles);
        assertEquals(llm(1000, 300) + DB, total(), 1e-9);
    }

    static List<LineItem> replaceQuantity(Scenario s, String quantity) {
        return s.items().stream().map(i -> !i.id().equals("claude_input") ? i : i.withQuantity(quantity)).toList();
    }

    @Test
    void theAuditAndScaleTableComeFromTheBackgroundAtTheCurrentValues() {
        assertEquals(810, audit("LLM cost at 1K").computed(), 1e-9);
        assertEquals(llm(10_000, 300) + DB, column("10K").results().monthlyTotal(), 1e-9);
        document.edit("more messages", s -> s.withDriverValue("messages", 600));
        assertEquals(llm(1000, 600), audit("LLM cost at 1K").computed(), 1e-9);
        assertEquals(llm(10_000, 600) + DB, column("10K").results().monthlyTotal(), 1e-9);
    }

    @Test
    void aStaleBackgroundResultFinishingLastIsDropped() {
        staleResultIsDropped(false);
    }

    @Test
    void aStaleBackgroundResultComputedBeforeTheNewerOneAndHandedOverLastIsDropped() {
        staleResultIsDropped(true);
    }

    private void staleResultIsDropped(boolean workAtOnce) {
        tasks.holding = true;
        tasks.workAtOnce = workAtOnce;
        document.edit("older", s -> s.withDriverValue("messages", 600));
        document.edit("newer", s -> s.withDriverValue("messages", 900));
        assertEquals(2, tasks.held.size(), "one background task per recalculation");
        // the evaluation itself is not held: the headline figures are already the newer ones
        assertEquals(llm(1000, 900) + DB, total(), 1e-9);
        // nothing has landed yet: the audit still shows the figures from before both edits
        assertEquals(810, audit("LLM cost at 1K").computed(), 1e-9);

        tasks.held.get(1).run();
        assertEquals(llm(1000, 900), audit("LLM cost at 1K").computed(), 1e-9);
        assertEquals(llm(1000, 900) + DB, column("1K").results().monthlyTotal(), 1e-9);
        tasks.held.get(0).run();
        assertEquals(llm(1000, 900), audit("LLM cost at 1K").computed(), 1e-9, "the older audit (600 messages) must not land");
        assertEquals(llm(1000, 900) + DB, column("1K").results().monthlyTotal(), 1e-9, "nor its scale table");
        assertEquals(1, compiles);
    }
}
