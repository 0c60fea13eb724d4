package costscope.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.Evaluator;
import costscope.engine.Results;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import costscope.model.ScenarioException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The complete example of docs/scenario-format.md, read from the document itself at test time: it loads, and the
 * model gives the figures the document states right below it. A broken example or a changed figure in the document
 * breaks this test.
 */
class ScenarioFormatDocTest {

    private static final Path DOC = Path.of("docs/scenario-format.md");
    private static final String HEADING = "## Complete example";

    private static String json;
    /** The document's text between the example's closing fence and the next heading. */
    private static String after;

    /** The json block under the "Complete example" heading of a document, and the text after it up to the next heading. */
    record Example(String json, String after) {
    }

    static Example example(Path doc) throws Exception {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        int heading = lines.indexOf(HEADING);
        assertTrue(heading >= 0, doc + " has no '" + HEADING + "' section");
        int open = heading + 1;
        while (open < lines.size() && !lines.get(open).startsWith("#") && !lines.get(open).equals("```json")) open++;
        assertTrue(open < lines.size() && lines.get(open).equals("```json"), "no ```json block under '" + HEADING + "'");
        int close = lines.subList(open + 1, lines.size()).indexOf("```") + open + 1;
        assertTrue(close > open, "the ```json block under '" + HEADING + "' is not closed");
        int next = close + 1;
        while (next < lines.size() && !lines.get(next).startsWith("#")) next++;
        return new Example(String.join("\n", lines.subList(open + 1, close)) + "\n",
                String.join(" ", lines.subList(close + 1, next)));
    }

    @BeforeAll
    static void readTheDocument() throws Exception {
        Example e = example(DOC);
        json = e.json();
        after = e.after();
    }

    private static CompiledScenario compiled() throws Exception {
        Scenario s = ScenarioFiles.parse(json, DOC + ", " + HEADING);
        return CompiledScenario.compile(s);
    }

    @Test
    void theDocumentStatesTheFiguresThisTestChecks() {
        // "1,000 users x 300 messages x 900 tokens = 270,000,000 tokens x $3.00 / 1M = $810.00 a month;
        //  the database is 1 instance x $0.348 x 730 h = $254.04."
        assertTrue(after.contains("$810.00"), after);
        assertTrue(after.contains("$254.04"), after);
        assertEquals(810.00, 1_000 * 300 * 900 * 3.00 / 1_000_000, 1e-9);
        assertEquals(254.04, 1 * 0.348 * 730, 1e-9);
    }

    @Test
    void theExampleLoadsAndGivesTheDocumentsFiguresAtOneThousandUsers() throws Exception {
        CompiledScenario c = compiled();
        assertEquals("Chat app on AWS", c.scenario().name());
        Evaluator e = c.newEvaluator();
        e.applyScalePoint("1K");
        Results r = e.evaluate();
        assertEquals(270_000_000, r.eval("tokens"), 1e-6);
        assertEquals(810.00, r.eval("llm"), 0.005);
        assertEquals(810.00, r.eval("claude_input"), 0.005);
        assertEquals(254.04, r.eval("database"), 0.005);
        assertEquals(254.04, r.eval("db"), 0.005);
        assertEquals(810.00 + 254.04, r.monthlyTotal(), 0.005);
    }

    @Test
    void theExamplesStatedFiguresAgreeWithItsModel() throws Exception {
        List<Audit.Line> lines = Audit.run(compiled());
        assertEquals(List.of("LLM cost at 1K", "Saving from the cache at 10K"), lines.stream().map(Audit.Line::label).toList());
        Audit.Line llm = lines.get(0);
        assertEquals(810.00, llm.stated(), 1e-9);
        assertEquals(810.00, llm.computed(), 0.005);
        assertTrue(llm.agrees(), "LLM cost at 1K: computed " + llm.computed());
        // 10,000 users x 300 x 900 tokens x $3.00 / 1M = $8,100 of LLM, 20% of it saved by the cache
        Audit.Line cache = lines.get(1);
        assertEquals(1620, cache.stated(), 1e-9);
        assertEquals(0.2 * 10_000 * 300 * 900 * 3.00 / 1_000_000, cache.computed(), 0.005);
        assertTrue(cache.agrees(), "Saving from the cache at 10K: computed " + cache.computed());
    }

    @Test
    void aChangedFigureInTheExampleIsCaught() throws Exception {
        Scenario s = ScenarioFiles.parse(json.replace("\"value\": 810.00", "\"value\": 811.00"), "changed.json");
        Audit.Line llm = Audit.run(CompiledScenario.compile(s)).get(0);
        assertEquals(811.00, llm.stated(), 1e-9);
        assertFalse(llm.agrees(), "a stated $811.00 against the model's $810.00");
    }

    @Test
    void aBrokenExampleInTheDocumentBreaksTheTest(@TempDir Path dir) throws Exception {
        // a copy of the document with the example's LLM price mistyped, then with a comma missing
        String text = Files.readString(DOC, StandardCharsets.UTF_8);
        Path copy = dir.resolve("scenario-format.md");
        String mistyped = text.replace("\"unitPrice\": 3.00,", "\"unitPrice\": 3.10,");
        assertNotEquals(text, mistyped);
        Files.writeString(copy, mistyped, StandardCharsets.UTF_8);
        Audit.Line llm = Audit.run(CompiledScenario.compile(ScenarioFiles.parse(example(copy).json(), "priced.json"))).get(0);
        assertEquals(270_000_000 * 3.10 / 1_000_000, llm.computed(), 0.005);
        assertFalse(llm.agrees(), "the doc's $810.00 against $3.10 per 1M tokens");

        String noComma = text.replace("\"version\": 1,", "\"version\": 1");
        assertNotEquals(text, noComma);
        Files.writeString(copy, noComma, StandardCharsets.UTF_8);
        String broken = example(copy).json();
        assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(broken, "broken.json"));
    }
}
