package costscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line contract scripts rely on, driven through {@link Cli#run}. Expected figures are worked by hand
 * from src/test/resources/scenarios/example.json:
 * <ul>
 * <li>LLM: 1,000 users x 300 messages x 900 tokens = 270,000,000 tokens x $3.00 / 1M = $810.00</li>
 * <li>database: step(1,000; below 100,000 -> 1) = 1 instance x $0.348 x 730 h = $254.04</li>
 * <li>total $1,064.04 a month, $12,768.48 a year, $1.06404 per active user</li>
 * </ul>
 * The commands print to System.out / System.err (not only to the writers given to {@code run}), so both are
 * captured and combined.
 */
class CliTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double EPS = 1e-9;

    @TempDir
    Path tmp;

    /** Exit code and everything printed to the writers and to System.out / System.err. */
    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        List<String> lines() {
            return Arrays.stream(out.split("\r?\n")).filter(l -> !l.isEmpty()).toList();
        }
    }

    static Run cli(String... args) {
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        try (PrintWriter out = new PrintWriter(outText); PrintWriter err = new PrintWriter(errText)) {
            System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
            try {
                code = Cli.run(args, out, err);
            } finally {
                System.out.flush();
                System.err.flush();
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            out.flush();
            err.flush();
        }
        return new Run(code, outText + sysOut.toString(StandardCharsets.UTF_8),
                errText + sysErr.toString(StandardCharsets.UTF_8));
    }

    static String example() {
        return EXAMPLE.toString();
    }

    private Path write(String name, String content) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static String exampleText() throws IOException {
        return Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    }

    /** The example with one literal replaced; fails if the text to replace is not there exactly once. */
    private Path exampleWith(String name, String from, String to) throws IOException {
        String s = exampleText();
        int i = s.indexOf(from);
        assertTrue(i >= 0 && s.indexOf(from, i + 1) < 0, "fixture text not found exactly once: " + from);
        return write(name, s.replace(from, to));
    }

    private static void assertSuccess(Run r) {
        assertEquals(0, r.code(), () -> "exit code; stderr:\n" + r.err());
        assertNoStackTrace(r);
    }

    private static void assertNoStackTrace(Run r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("Exception"), () -> "looks like a stack trace:\n" + all);
        assertFalse(all.contains("\tat "), () -> "looks like a stack trace:\n" + all);
    }

    /** Exit 2, a message that names the file and contains every given fragment, one paragraph, no stack trace. */
    private static void assertBadInput(Run r, Object file, String... fragments) {
        assertEquals(2, r.code(), () -> "exit code; stdout:\n" + r.out() + "\nstderr:\n" + r.err());
        assertNoStackTrace(r);
        String err = r.err().strip();
        assertFalse(err.isEmpty(), "no message on stderr");
        assertFalse(err.contains("\n\n") || err.contains("\r\n\r\n"), () -> "more than one paragraph:\n" + err);
        if (file != null) assertTrue(err.contains(file.toString()), () -> "message does not name " + file + ":\n" + err);
        for (String f : fragments) assertTrue(err.contains(f), () -> "message lacks '" + f + "':\n" + err);
    }

    private static JsonNode itemById(JsonNode root, String id) {
        for (JsonNode i : root.get("items")) if (i.get("id").asText().equals(id)) return i;
        throw new AssertionError("no item " + id + " in " + root);
    }

    private static List<double[]> csvNumbers(List<String> rows) {
        List<double[]> out = new ArrayList<>();
        for (String row : rows) out.add(Arrays.stream(row.split(",", -1)).mapToDouble(Double::parseDouble).toArray());
        return out;
    }

    // ------------------------------------------------------------------------------------------------ evaluate

    @Test
    void evaluateJsonHoldsTheContractFieldsWithHandWorkedValues() throws IOException {
        Run r = cli("evaluate", example(), "--format", "json");
        assertSuccess(r);
        JsonNode o = r.json();

        assertEquals(1064.04, o.get("monthlyTotal").asDouble(), EPS);
        assertEquals(12768.48, o.get("annualTotal").asDouble(), EPS);

        JsonNode items = o.get("items");
        assertTrue(items.isArray());
        assertEquals(2, items.size());
        JsonNode llm = items.get(0);
        assertEquals("claude_input", llm.get("id").asText());
        assertEquals("Claude input tokens", llm.get("label").asText());
        assertEquals("llm", llm.get("category").asText());
        assertEquals(810.00, llm.get("monthly").asDouble(), EPS);
        JsonNode db = items.get(1);
        assertEquals("db", db.get("id").asText());
        assertEquals("Database instance", db.get("label").asText());
        assertEquals("database", db.get("category").asText());
        assertEquals(254.04, db.get("monthly").asDouble(), EPS);

        JsonNode cats = o.get("categories");
        assertTrue(cats.isArray());
        assertEquals(2, cats.size());
        assertEquals("LLM APIs", cats.get(0).get("name").asText());
        assertEquals(810.00, cats.get(0).get("monthly").asDouble(), EPS);
        assertEquals(810.00 / 1064.04, cats.get(0).get("share").asDouble(), EPS);
        assertEquals("Database", cats.get(1).get("name").asText());
        assertEquals(254.04, cats.get(1).get("monthly").asDouble(), EPS);
        assertEquals(254.04 / 1064.04, cats.get(1).get("share").asDouble(), EPS);

        JsonNode vars = o.get("variables");
        assertTrue(vars.isObject(), "variables is an id -> value object");
        assertEquals(270_000_000d, vars.get("tokens").asDouble(), EPS);
        assertEquals(1000, vars.get("active_users").asDouble(), EPS);
        assertEquals(300, vars.get("messages").asDouble(), EPS);

        JsonNode m = o.get("metrics");
        assertTrue(m.isObject());
        assertEquals(1.06404, m.get("costPerUser").asDouble(), EPS);
        assertEquals(1000, m.get("users").asDouble(), EPS);
        assertEquals(50, m.get("payingUsers").asDouble(), EPS);           // 1,000 x 5%
        assertEquals(249.50, m.get("revenue").asDouble(), EPS);           // 50 x $4.99
        assertEquals(249.50 - 1064.04, m.get("profit").asDouble(), EPS);
        assertEquals(1064.04 * 1.15, m.get("breakEvenRevenue").asDouble(), 1e-6);
        assertEquals(50000 / (1064.04 - 249.50), m.get("runwayMonths").asDouble(), 1e-6);
    }

    @Test
    void evaluateAtAScalePoint() throws IOException {
        Run r = cli("evaluate", example(), "--at", "10K", "--format", "json");
        assertSuccess(r);
        JsonNode o = r.json();
        // 10,000 x 300 x 900 = 2.7e9 tokens x $3 / 1M = $8,100; still one database instance
        assertEquals(8100 + 254.04, o.get("monthlyTotal").asDouble(), EPS);
        assertEquals(8100, itemById(o, "claude_input").get("monthly").asDouble(), EPS);
        assertEquals(10_000, o.get("variables").get("active_users").asDouble(), EPS);
        assertEquals("10K", o.get("at").asText());
    }

    @Test
    void evaluateWithSetParsesSuffixedNumbers() throws IOException {
        Run r = cli("evaluate", example(), "--set", "active_users=100k", "--format", "json");
        assertSuccess(r);
        JsonNode o = r.json();
        assertEquals(100_000, o.get("variables").get("active_users").asDouble(), EPS);
        // 100,000 x 300 x 900 = 2.7e10 tokens -> $81,000; step(100,000; >= 100,000 -> 2) = 2 instances -> $508.08
        assertEquals(81_000, itemById(o, "claude_input").get("monthly").asDouble(), EPS);
        assertEquals(508.08, itemById(o, "db").get("monthly").asDouble(), EPS);
        assertEquals(81_508.08, o.get("monthlyTotal").asDouble(), EPS);
    }

    @Test
    void evaluateWithLeverOnAppliesItsFactor() throws IOException {
        Run r = cli("evaluate", example(), "--lever", "cache=on", "--format", "json");
        assertSuccess(r);
        JsonNode o = r.json();
        assertEquals(810 * 0.8, itemById(o, "claude_input").get("monthly").asDouble(), EPS);
        assertEquals(254.04, itemById(o, "db").get("monthly").asDouble(), EPS);
        assertEquals(648 + 254.04, o.get("monthlyTotal").asDouble(), EPS);
        JsonNode lever = o.get("levers").get(0);
        assertEquals("cache", lever.get("id").asText());
        assertTrue(lever.get("enabled").asBoolean());
        assertEquals(162, lever.get("saving").asDouble(), EPS);

        Run off = cli("evaluate", example(), "--lever", "cache=off", "--format", "json");
        assertSuccess(off);
        assertEquals(1064.04, off.json().get("monthlyTotal").asDouble(), EPS);
    }

    @Test
    void evaluateCombinesAtSetAndLever() throws IOException {
        // --set is applied after --at; 100k users with the cache: $81,000 x 0.8 + 2 x $254.04
        Run r = cli("evaluate", example(), "--at", "10K", "--set", "active_users=100k", "--lever", "cache=on",
                "--format", "json");
        assertSuccess(r);
        assertEquals(64_800 + 508.08, r.json().get("monthlyTotal").asDouble(), EPS);
    }

    @Test
    void evaluateCsvHasTheBreakdownHeaderAndPlainNumbers() {
        Run r = cli("evaluate", example(), "--format", "csv");
        assertSuccess(r);
        List<String> lines = r.lines();
        assertEquals(3, lines.size(), r.out());
        assertEquals("Category,Item,Quantity,Unit,Unit price,Per,Monthly,Share", lines.get(0));
        assertTrue(lines.get(1).startsWith("LLM APIs,Claude input tokens,270000000,tokens,3,1M tokens,810,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("Database,Database instance,1,instances,0.348,instance-hour,254.04,"), lines.get(2));
    }

    @Test
    void evaluateTextAndMarkdownShowTheTotal() {
        Run text = cli("evaluate", example());
        assertSuccess(text);
        assertTrue(text.out().contains("Monthly total $1,064.04, annual $12,768.48"), text.out());
        Run md = cli("evaluate", example(), "--format", "markdown");
        assertSuccess(md);
        assertTrue(md.out().contains("Monthly total: **$1,064.04**"), md.out());
        assertTrue(md.out().contains("| Category | Item |"), md.out());
    }

    // ------------------------------------------------------------------------------------------------ sweep

    @Test
    void sweepCsvHasOneRowPerPointAndTheEndpointValues() {
        Run r = cli("sweep", example(), "--driver", "active_users", "--from", "10", "--to", "1M", "--points", "5");
        assertSuccess(r);
        List<String> lines = r.lines();
        assertEquals(1 + 5, lines.size(), r.out());
        assertEquals("active_users,monthlyTotal,costPerUser,llm,database", lines.get(0));
        List<double[]> rows = csvNumbers(lines.subList(1, lines.size()));
        // 10 users: 10 x 300 x 900 x $3/1M = $8.10, one instance $254.04
        double[] first = rows.get(0);
        assertEquals(10, first[0], EPS);
        assertEquals(262.14, first[1], EPS);
        assertEquals(26.214, first[2], EPS);
        assertEquals(8.10, first[3], EPS);
        assertEquals(254.04, first[4], EPS);
        // 1M users: $810,000 of tokens, two instances $508.08
        double[] last = rows.get(4);
        assertEquals(1_000_000, last[0], EPS);
        assertEquals(810_508.08, last[1], 1e-6);
        assertEquals(0.81050808, last[2], EPS);
        assertEquals(810_000, last[3], 1e-6);
        assertEquals(508.08, last[4], EPS);
        // linear spacing
        assertEquals(10 + (1_000_000 - 10) / 4.0, rows.get(1)[0], 1e-6);
    }

    @Test
    void sweepLogJson() throws IOException {
        Run r = cli("sweep", example(), "--driver", "active_users", "--from", "10", "--to", "1000000", "--points", "3",
                "--log", "--format", "json");
        assertSuccess(r);
        JsonNode o = r.json();
        assertEquals("active_users", o.get("driver").asText());
        assertTrue(o.get("log").asBoolean());
        JsonNode pts = o.get("points");
        assertEquals(3, pts.size());
        assertEquals(10, pts.get(0).get("x").asDouble(), EPS);
        assertEquals(Math.sqrt(10 * 1_000_000d), pts.get(1).get("x").asDouble(), 1e-6);
        assertEquals(1_000_000, pts.get(2).get("x").asDouble(), EPS);
        assertEquals(262.14, pts.get(0).get("monthlyTotal").asDouble(), EPS);
        assertEquals(26.214, pts.get(0).get("costPerUser").asDouble(), EPS);
        assertEquals(8.10, pts.get(0).get("categories").get("llm").asDouble(), EPS);
        assertEquals(254.04, pts.get(0).get("categories").get("database").asDouble(), EPS);
        assertEquals(810_508.08, pts.get(2).get("monthlyTotal").asDouble(), 1e-6);
        assertEquals(508.08, pts.get(2).get("categories").get("database").asDouble(), EPS);
    }

    // ------------------------------------------------------------------------------------------------ table

    @Test
    void tableCsvHasScalePointColumns() {
        Run r = cli("table", example(), "--format", "csv");
        assertSuccess(r);
        List<String> lines = r.lines();
        assertEquals("row,1K,10K", lines.get(0));
        assertTrue(lines.contains("item:claude_input,810,8100"), r.out());
        assertTrue(lines.contains("item:db,254.04,254.04"), r.out());
        assertTrue(lines.contains("category:llm,810,8100"), r.out());
        assertTrue(lines.contains("monthlyTotal,1064.04,8354.04"), r.out());
        assertTrue(lines.contains("metric:users,1000,10000"), r.out());
    }

    @Test
    void tableJsonHasOneEvaluationPerScalePoint() throws IOException {
        Run r = cli("table", example(), "--format", "json");
        assertSuccess(r);
        JsonNode a = r.json();
        assertTrue(a.isArray());
        assertEquals(2, a.size());
        assertEquals("1K", a.get(0).get("at").asText());
        assertEquals(1064.04, a.get(0).get("monthlyTotal").asDouble(), EPS);
        assertEquals("10K", a.get(1).get("at").asText());
        assertEquals(8354.04, a.get(1).get("monthlyTotal").asDouble(), EPS);
    }

    // ------------------------------------------------------------------------------------------------ audit

    @Test
    void auditJsonListsEveryStatedFigure() throws IOException {
        Run r = cli("audit", example(), "--format", "json");
        assertSuccess(r);
        JsonNode a = r.json();
        assertTrue(a.isArray());
        assertEquals(2, a.size());
        for (JsonNode l : a) {
            for (String f : List.of("label", "at", "stated", "computed", "difference", "agrees")) {
                assertTrue(l.has(f), "audit line lacks " + f + ": " + l);
            }
            assertTrue(l.get("agrees").asBoolean(), l.toString());
        }
        JsonNode llm = a.get(0);
        assertEquals("LLM cost at 1K", llm.get("label").asText());
        assertEquals("1K", llm.get("at").asText());
        assertEquals(810, llm.get("stated").asDouble(), EPS);
        assertEquals(810, llm.get("computed").asDouble(), EPS);
        assertEquals(0, llm.get("difference").asDouble(), EPS);
        JsonNode saving = a.get(1);
        assertEquals("10K", saving.get("at").asText());
        assertEquals(1620, saving.get("stated").asDouble(), EPS);      // 20% of $8,100
        assertEquals(1620, saving.get("computed").asDouble(), 1e-6);
    }

    @Test
    void auditThatFindsADisagreementStillSucceeds() throws IOException {
        Path f = exampleWith("disagrees.json", "\"of\": \"llm\", \"value\": 810.00", "\"of\": \"llm\", \"value\": 900");
        Run r = cli("audit", f.toString(), "--format", "json");
        assertSuccess(r);
        JsonNode l = r.json().get(0);
        assertFalse(l.get("agrees").asBoolean());
        assertEquals(900, l.get("stated").asDouble(), EPS);
        assertEquals(810, l.get("computed").asDouble(), EPS);
        assertEquals(-90, l.get("difference").asDouble(), EPS);

        Run text = cli("audit", f.toString());
        assertSuccess(text);
        assertTrue(text.out().contains("DIFFERS"), text.out());
        assertTrue(text.out().contains("1 of 2 stated figures agree; 1 differ."), text.out());
    }

    // ------------------------------------------------------------------------------------------------ validate

    @Test
    void validateOk() {
        Run r = cli("validate", example());
        assertSuccess(r);
        assertTrue(r.out().contains(example() + ": ok"), r.out());
    }

    @Test
    void validateListsEveryProblemAtOnceWithPositions() throws IOException {
        String s = exampleText()
                .replace("\"active_users * messages * 900\"", "\"active_users * * 900\"")
                .replace("\"quantity\": \"tokens\"", "\"quantity\": \"tokenz + 1\"");
        Path f = write("two-problems.json", s);
        Run r = cli("validate", f.toString());
        assertBadInput(r, f, "2 problems",
                "variables[0] 'tokens', field formula, position 15: expected a number, a name or '(' but found '*'",
                "items[0] 'claude_input', field quantity, position 0: unknown name 'tokenz'");
    }

    // ------------------------------------------------------------------------------------------------ bad input

    @Test
    void missingFile() {
        Path f = tmp.resolve("no-such-scenario.json");
        for (String cmd : List.of("evaluate", "table", "audit", "validate")) {
            assertBadInput(cli(cmd, f.toString()), f, "no such file");
        }
        assertBadInput(cli("sweep", f.toString(), "--driver", "x", "--from", "1", "--to", "2", "--points", "2"), f, "no such file");
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        Path f = write("malformed.json", "{\n  \"format\": \"costscope-scenario\",\n  \"version\": 1,\n  \"name\": \"x\"\n"
                + "  \"drivers\": []\n}\n");
        assertBadInput(cli("evaluate", f.toString()), f, "line 5, column 3", "malformed JSON");
        assertBadInput(cli("validate", f.toString()), f, "line 5, column 3", "malformed JSON");
    }

    @Test
    void truncatedJsonNamesLineAndColumn() throws IOException {
        String s = exampleText();
        Path f = write("truncated.json", s.substring(0, s.indexOf("\"levers\"")));
        Run r = cli("evaluate", f.toString());
        assertBadInput(r, f, "line ", "column ");
    }

    @Test
    void unknownFieldIsAnErrorWithItsPlace() throws IOException {
        Path f = exampleWith("unknown.json", "\"currency\": \"USD\",", "\"currency\": \"USD\", \"colour\": \"red\",");
        assertBadInput(cli("evaluate", f.toString()), f, "line 6, column ", "(colour)", "unknown field 'colour'");
        Path g = exampleWith("unknown-nested.json", "\"priceUnit\": \"1M tokens\"", "\"priceUnit\": \"1M tokens\", \"prise\": 3");
        assertBadInput(cli("validate", g.toString()), g, "items[0].prise", "unknown field 'prise'");
    }

    @Test
    void wrongTypeNamesLineColumnAndField() throws IOException {
        Path f = exampleWith("wrongtype.json", "\"value\": 1000,", "\"value\": \"lots\",");
        assertBadInput(cli("evaluate", f.toString()), f, "line 8, column ", "(drivers[0].value)",
                "expected a number, found a string");
    }

    @Test
    void badFormulaNamesTheFieldAndThePosition() throws IOException {
        Path f = exampleWith("badformula.json", "\"active_users * messages * 900\"", "\"active_users * * 900\"");
        assertBadInput(cli("evaluate", f.toString()), f,
                "variables[0] 'tokens', field formula, position 15: expected a number, a name or '(' but found '*'");
    }

    @Test
    void cycleNamesTheWholePath() throws IOException {
        Path f = exampleWith("cycle.json", "\"variables\": [",
                "\"variables\": [\n    {\"id\": \"a\", \"label\": \"A\", \"formula\": \"b + 1\"},\n"
                        + "    {\"id\": \"b\", \"label\": \"B\", \"formula\": \"a * 2\"},");
        assertBadInput(cli("evaluate", f.toString()), f, "variables[0] 'a': cycle: a -> b -> a");
        assertBadInput(cli("validate", f.toString()), f, "cycle: a -> b -> a");
    }

    @Test
    void unknownScalePoint() {
        assertBadInput(cli("evaluate", example(), "--at", "99K"), example(),
                "--at 99K: no such scale point (have: 1K, 10K)");
    }

    @Test
    void setOfSomethingThatIsNotADriver() {
        assertBadInput(cli("evaluate", example(), "--set", "nobody=3"), example(),
                "--set nobody=3: 'nobody' is not a driver (have: active_users, messages)");
        assertBadInput(cli("evaluate", example(), "--set", "tokens=3"), example(), "'tokens' is not a driver");
        assertBadInput(cli("evaluate", example(), "--set", "active_users"), example(), "--set active_users: expected ID=VALUE");
    }

    @Test
    void badSetValue() {
        assertBadInput(cli("evaluate", example(), "--set", "active_users=lots"), example(),
                "--set active_users=lots: 'lots' is not a number");
        assertBadInput(cli("evaluate", example(), "--set", "active_users=1e400"), example(), "'1e400' is too large");
    }

    @Test
    void badLever() {
        assertBadInput(cli("evaluate", example(), "--lever", "turbo=on"), example(), "'turbo' is not a lever (have: cache)");
        assertBadInput(cli("evaluate", example(), "--lever", "cache=maybe"), example(), "--lever cache=maybe: expected on or off");
    }

    @Test
    void badFormat() {
        for (String cmd : List.of("evaluate", "table", "audit")) {
            assertBadInput(cli(cmd, example(), "--format", "xml"), null, "--format xml", "expected one of");
        }
        assertBadInput(cli("sweep", example(), "--driver", "active_users", "--from", "1", "--to", "2", "--points", "2",
                "--format", "markdown"), null, "--format markdown", "expected one of csv, json");
    }

    @Test
    void badSweepArguments() {
        assertBadInput(cli("sweep", example(), "--driver", "nobody", "--from", "1", "--to", "2", "--points", "3"),
                example(), "--driver nobody: not a driver");
        assertBadInput(cli("sweep", example(), "--driver", "active_users", "--from", "0", "--to", "2", "--points", "3", "--log"),
                example(), "--log needs --from and --to above 0");
        assertBadInput(cli("sweep", example(), "--driver", "active_users", "--from", "1", "--to", "2", "--points", "1"),
                example(), "--points 1");
        assertBadInput(cli("sweep", example(), "--driver", "active_users", "--from", "few", "--to", "2", "--points", "3"),
                example(), "'few' is not a number");
    }

    @Test
    void usageErrorsExitTwoWithoutAStackTrace() {
        Run r = cli("evaluate");
        assertEquals(2, r.code());
        assertNoStackTrace(r);
        assertTrue(r.err().contains("FILE"), r.err());
        Run s = cli("sweep", example(), "--driver", "active_users", "--from", "1", "--to", "2", "--points", "many");
        assertEquals(2, s.code());
        assertNoStackTrace(s);
    }

    // ------------------------------------------------------------------------------------------------ bench

    @Test
    void benchPrintsItsMeasurementsAsJson() throws IOException {
        Run r = cli("bench", example(), "--rounds", "1", "--round-millis", "20", "--warmup-millis", "20");
        assertSuccess(r);
        JsonNode o = r.json();
        assertNotNull(o, r.out());
        assertEquals(example(), o.get("scenario").asText());
        assertTrue(o.get("evaluationsPerSecond").asDouble() > 0, r.out());
        assertTrue(o.get("sweep1000Millis").asDouble() > 0, r.out());
        assertEquals(1, o.get("rounds").asInt());
        Set<String> fields = new TreeSet<>();
        o.fieldNames().forEachRemaining(fields::add);
        assertTrue(fields.containsAll(Set.of("evaluationsPerSecond", "evaluationsWithLeverSavingsPerSecond",
                "sweep1000Millis", "sweepDriver")), fields.toString());
    }
}
