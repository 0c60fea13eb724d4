package costscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import costscope.engine.CompiledScenario;
import costscope.files.ScenarioFiles;
import costscope.formula.Parser;
import costscope.model.Scenario;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regressions for bugs found by the CLI tests: long flat formulas, one JSON line per bench scenario, file named in format errors. */
class CliRegressionTest {
    private static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");

    @TempDir
    Path tmp;

    // BUG 1 -> CliTest
    @Test
    void benchPrintsExactlyOneJsonLinePerScenario() throws Exception {
        CliTest.Run r = CliTest.cli("bench", EXAMPLE.toString(), "--rounds", "1", "--round-millis", "20", "--warmup-millis", "20");
        assertEquals(0, r.code());
        List<String> lines = r.lines();
        assertEquals(1, lines.size(), "one JSON line, got:\n" + r.out());
        var o = new ObjectMapper().readTree(lines.get(0));
        assertTrue(o.get("evaluationsPerSecond").asDouble() > 0);
        assertTrue(o.get("sweep1000Millis").asDouble() > 0);
    }

    // BUG 2 -> CliTest
    @Test
    void badFormatNamesTheFile() {
        CliTest.Run r = CliTest.cli("evaluate", EXAMPLE.toString(), "--format", "xml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(EXAMPLE.toString()), r.err());
    }

    // BUG 3 -> FuzzTest (API) and CliTest (CLI)
    @Test
    void longFlatFormulaCompilesAndEvaluatesWithoutStackOverflow() throws Exception {
        String example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        String chain = String.join("+", java.util.Collections.nCopies(4_999, "x"));   // 9,997 characters, no nesting
        assertTrue(chain.length() <= Parser.MAX_LENGTH);
        String json = example.replace("\"variables\": [", "\"variables\": [\n    {\"id\": \"x\", \"label\": \"X\", \"formula\": \"active_users\"},"
                + "\n    {\"id\": \"y\", \"label\": \"Y\", \"formula\": \"" + chain + "\"},");
        Scenario sc = ScenarioFiles.parse(json, "chain.json");
        assertEquals(1064.04, CompiledScenario.compile(sc).newEvaluator().evaluate().monthlyTotal(), 1e-9);

        Path f = tmp.resolve("chain.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        // the file is valid: both commands succeed, and evaluate prints the total worked out in CliTest
        CliTest.Run v = CliTest.cli("validate", f.toString());
        assertEquals(0, v.code(), v.err());
        assertEquals(f + ": ok (2 drivers, 3 variables, 2 items, 2 categories, 1 levers, 2 scale points, 2 stated figures)",
                v.out().strip());
        CliTest.Run e = CliTest.cli("evaluate", f.toString());
        assertEquals(0, e.code(), e.err());
        assertEquals("Monthly total $1,064.04, annual $12,768.48", e.lines().get(1));
        for (CliTest.Run r : List.of(v, e)) {
            assertEquals("", r.err());
            assertFalse(r.out().contains("\tat "), r.out());
        }
    }
}
