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
        for (String cmd : List.of("validate", "evaluate")) {
            CliTest.Run r = CliTest.cli(cmd, f.toString());
            assertTrue(r.code() == 0 || r.code() == 2, cmd + " exit " + r.code());
            assertFalse((r.out() + r.err()).contains("\tat "), cmd + ": " + r.err());
        }
    }
}
