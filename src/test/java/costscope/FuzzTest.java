package costscope;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import costscope.engine.Audit;
import costscope.engine.CompiledScenario;
import costscope.engine.ScaleTable;
import costscope.engine.Sweep;
import costscope.files.ScenarioFiles;
import costscope.formula.FormulaException;
import costscope.formula.Parser;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, bounded fuzzing (fixed seeds, a few thousand cases, a second or two in all) of the formula parser and of
 * scenario loading: no input makes them throw anything but their own checked exceptions, overflow the stack, or
 * produce a message without its source and place. And a scenario file cannot name Java classes.
 */
class FuzzTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");
    private static String example;

    @BeforeAll
    static void read() throws IOException {
        example = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------------ formulas

    private static final String[] FORMULA_PIECES = {
        "0", "1", "2", "9", ".", ".5", "3.25", "1e9", "2.5E-6", "1e", "e", "E", "+", "-", "*", "/", "^", "(", ")", ",",
        "<", "<=", ">", ">=", "==", "!=", "=", "!", " ", " ", "  ", "\t", "x", "users", "total", "a_1", "_", "if(", "min(",
        "max(", "step(", "interp(", "round(", "log(", "not(", "and(", "sqrt(", "abs(", "#", "$", "%", "'", "\"", ";",
        "\u00e9", "\u0660", "\u00a0", "\uD83D\uDE00", "\n", "9999999999999999999999", "1.2.3", "0x1F",
    };

    private static String randomFormula(Random r, int maxPieces) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(8) == 0) b.append((char) (32 + r.nextInt(95)));   // any printable ASCII
            else b.append(FORMULA_PIECES[r.nextInt(FORMULA_PIECES.length)]);
        }
        return b.toString();
    }

    /** Parses; a FormulaException must carry a position inside the text (or at its end) and a message. */
    private static boolean parseOnly(String s, List<String> failures) {
        try {
            Parser.parse(s);
            return true;
        } catch (FormulaException e) {
            int limit = Math.max(s.length(), 0);
            if (e.start() < 0 || e.start() > limit || e.end() < e.start()) {
                failures.add("bad position " + e.start() + ".." + e.end() + " for " + quote(s) + ": " + e.getMessage());
            }
            if (e.detail() == null || e.detail().isBlank()) failures.add("no message for " + quote(s));
        } catch (Throwable t) {
            failures.add(t + " for " + quote(s));
        }
        return false;
    }

    @Test
    void randomFormulasGiveAParseOrAFormulaExceptionWithAPosition() {
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        for (long seed = 1; seed <= 4; seed++) {
            Random r = new Random(seed * 7919);
            for (int i = 0; i < 1000; i++) {
                String s = randomFormula(r, 1 + (i % 30));
                if (parseOnly(s, failures)) parsed++;
            }
        }
        assertEquals(List.of(), first(failures));
        assertTrue(parsed > 50, "the generator should produce some valid formulas, got " + parsed);
    }

    @Test
    void deepNestingIsAFormulaExceptionNotAStackOverflow() {
        List<String> inputs = List.of(
                "(".repeat(10_000),
                "(".repeat(4_999) + "1" + ")".repeat(4_999),
                "-".repeat(9_999) + "1",
                "+-".repeat(4_999) + "1",
                "2^".repeat(4_999) + "2",
                "2^-".repeat(3_333) + "2",
                "max(".repeat(2_499) + "1",
                "f(".repeat(4_999) + "1",
                "if(1,".repeat(1_999) + "1",
                "(".repeat(100_000),
                "-".repeat(1_000_000) + "1");
        for (String s : inputs) {
            FormulaException e = assertThrows(FormulaException.class, () -> Parser.parse(s),
                    () -> "input of length " + s.length() + " starting " + quote(s.substring(0, 12)));
            assertTrue(e.start() >= 0 && e.start() <= s.length(), e.getMessage());
        }
    }

    @Test
    void sixtyFourLevelsOfNestingAreAllowedAndSixtyFiveAreNot() {
        assertDoesNotThrow(() -> Parser.parse("(".repeat(64) + "1" + ")".repeat(64)));
        assertDoesNotThrow(() -> Parser.parse("-".repeat(64) + "1"));
        assertDoesNotThrow(() -> Parser.parse("max(".repeat(64) + "1" + ")".repeat(64)));
        FormulaException e = assertThrows(FormulaException.class, () -> Parser.parse("(".repeat(65) + "1" + ")".repeat(65)));
        assertTrue(e.getMessage().contains("64"), e.getMessage());
        assertThrows(FormulaException.class, () -> Parser.parse("-".repeat(65) + "1"));
        assertThrows(FormulaException.class, () -> Parser.parse("max(".repeat(65) + "1" + ")".repeat(65)));
    }

    // ------------------------------------------------------------------------------------------------ scenario files

    /** Characters a mutation inserts: JSON syntax, digits, letters that make literals, quotes, escapes, oddities. */
    private static final String MUTATION_CHARS = "{}[]:,\"\\0123456789.-+eEtrufalsn _aAz@/*()^<>=!\t\n\u0000\u00e9\u2028";

    private static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(3);
        for (int k = 0; k < edits && b.length() > 0; k++) {
            int i = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.deleteCharAt(i);
                case 1 -> b.insert(i, b.charAt(i));
                default -> b.setCharAt(i, MUTATION_CHARS.charAt(r.nextInt(MUTATION_CHARS.length())));
            }
        }
        return b.toString();
    }

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern NUMBER_LITERAL = Pattern.compile("(?<=[:\\[,]\\s?)-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String[] NUMBERS = {"0", "-1", "1e308", "-1e308", "1e-320", "0.0", "3", "100000", "2147483648",
        "9223372036854775808", "1.5", "-0", "1E400"};

    /** Replaces one string literal's content (or one number) with random formula-ish text (or another number). */
    private static String mutateValue(String s, Random r) {
        boolean number = r.nextInt(3) == 0;
        Matcher m = (number ? NUMBER_LITERAL : STRING_LITERAL).matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) spans.add(number ? new int[] {m.start(), m.end()} : new int[] {m.start(1), m.end(1)});
        int[] span = spans.get(r.nextInt(spans.size()));
        String with = number ? NUMBERS[r.nextInt(NUMBERS.length)]
                : r.nextBoolean() ? randomFormula(r, 6).replace("\\", "").replace("\"", "").replace("\n", "").replace("\t", "")
                : IDS[r.nextInt(IDS.length)];
        return s.substring(0, span[0]) + with + s.substring(span[1]);
    }

    private static final String[] IDS = {"active_users", "messages", "tokens", "llm", "database", "claude_input", "db",
        "cache", "total", "users", "1K", "10K", "log", "linear", "hourly", "perUnit", "monthly", "volume", "percent",
        "saving(cache)", "basis(db)", "quantity(llm)", "a b", "", "x", "costPerUser", "annualTotal", "if"};

    /**
     * Loads; only ScenarioException may escape, naming the source with at least one problem. A valid result must run.
     * True when it loaded and every computation ran.
     */
    private static boolean load(String json, String source, List<String> failures) {
        Scenario sc;
        try {
            sc = ScenarioFiles.parse(json, source);
        } catch (ScenarioException e) {
            if (e.problems().isEmpty()) failures.add(source + ": ScenarioException without problems: " + e.getMessage());
            if (e.getMessage() == null || !e.getMessage().startsWith(source + ": ")) {
                failures.add(source + ": message does not name the source: " + e.getMessage());
            }
            for (Problem p : e.problems()) {
                if (p.message() == null || p.message().isBlank()) failures.add(source + ": a problem without a message: " + p);
            }
            return false;
        } catch (Throwable t) {
            failures.add(source + ": " + describe(t) + "\n" + json);
            return false;
        }
        // it loaded: then it compiles and every command's computation runs
        try {
            CompiledScenario c = CompiledScenario.compile(sc);
            c.newEvaluator().evaluateWithSavings();
            Audit.run(c);
            if (!sc.scalePoints().isEmpty()) ScaleTable.build(c);
            String driver = sc.drivers().get(0).id();
            Sweep.run(c.newEvaluator(), driver, 1, 1000, 5, true);
            return true;
        } catch (Throwable t) {
            failures.add(source + " loaded but then: " + describe(t) + "\n" + json);
            return false;
        }
    }

    /**
     * Of {@code n} mutants, some must load and run and some must be rejected: a fuzzer whose mutants all fail (say,
     * because the example itself no longer loads) or all pass would test nothing.
     */
    private static void assertSomeLoadAndSomeAreRejected(int loaded, int n) {
        assertTrue(loaded >= n / 20, "only " + loaded + " of " + n + " mutants loaded and ran");
        assertTrue(loaded <= n - n / 20, loaded + " of " + n + " mutants loaded: the mutations change nothing");
    }

    @Test
    void exampleLoadsAndRuns() {
        List<String> failures = new ArrayList<>();
        assertTrue(load(example, "example.json", failures), () -> "the example the mutants start from: " + failures);
        assertEquals(List.of(), failures);
    }

    @Test
    void mutatedCharactersOnlyEverGiveAScenarioException() {
        List<String> failures = new ArrayList<>();
        int loaded = 0;
        for (long seed = 1; seed <= 2; seed++) {
            Random r = new Random(seed * 104_729);
            for (int i = 0; i < 1000; i++) {
                if (load(mutate(example, r), "mutant-" + seed + "-" + i + ".json", failures)) loaded++;
            }
        }
        assertEquals(List.of(), first(failures));
        assertSomeLoadAndSomeAreRejected(loaded, 2000);
    }

    @Test
    void mutatedValuesOnlyEverGiveAScenarioException() {
        List<String> failures = new ArrayList<>();
        int loaded = 0;
        for (long seed = 1; seed <= 2; seed++) {
            Random r = new Random(seed * 15_485_863);
            for (int i = 0; i < 400; i++) {
                String s = example;
                int edits = 1 + r.nextInt(2);
                for (int k = 0; k < edits; k++) s = mutateValue(s, r);
                if (load(s, "value-mutant-" + seed + "-" + i + ".json", failures)) loaded++;
            }
        }
        assertEquals(List.of(), first(failures));
        assertSomeLoadAndSomeAreRejected(loaded, 800);
    }

    @Test
    void deeplyNestedAndMalformedJsonIsAScenarioException() {
        List<String> failures = new ArrayList<>();
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("deep-array.json", "[".repeat(100_000));
        inputs.put("deep-object.json", "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000));
        inputs.put("deep-business.json",
                example.replace("\"business\": {", "\"business\": " + "{\"users\": ".repeat(5_000) + "{"));
        inputs.put("empty.json", "");
        inputs.put("null.json", "null");
        inputs.put("array.json", "[]");
        inputs.put("twice.json", example + example);
        inputs.put("trailing.json", example + "x");
        for (Map.Entry<String, String> in : inputs.entrySet()) {
            assertFalse(load(in.getValue(), in.getKey(), failures), in.getKey() + " loaded");
        }
        assertEquals(List.of(), first(failures));
    }

    // ------------------------------------------------------------------------------------------------ no code

    @Test
    void polymorphicTypeMarkersAreRejectedAsUnknownFields() {
        String[][] places = {   // {text in the example, replacement, the marker}
            {"\"format\": \"costscope-scenario\",", "\"@class\": \"java.lang.ProcessBuilder\", \"format\": \"costscope-scenario\",", "@class"},
            {"{\"id\": \"active_users\",", "{\"@class\": \"java.lang.ProcessBuilder\", \"id\": \"active_users\",", "@class"},
            {"{\"id\": \"claude_input\",", "{\"@type\": \"java.net.URL\", \"id\": \"claude_input\",", "@type"},
            {"{\"category\": \"llm\", \"factor\": 0.8}", "{\"@class\": \"javax.script.ScriptEngineManager\", \"category\": \"llm\", \"factor\": 0.8}", "@class"},
            {"\"business\": {", "\"business\": {\"@c\": \".Runtime\", ", "@c"},
            {"\"sweep\": {", "\"sweep\": {\"@class\": \"java.lang.Runtime\", ", "@class"},
            {"{\"id\": \"llm\",", "{\"@id\": 1, \"id\": \"llm\",", "@id"},
            {"{\"id\": \"1K\",", "{\"@class\": \"java.util.HashMap\", \"id\": \"1K\",", "@class"},
        };
        for (String[] p : places) {
            assertTrue(example.contains(p[0]), p[0]);
            String json = example.replace(p[0], p[1]);
            String marker = p[2];
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json, "marker.json"), marker);
            assertTrue(e.getMessage().startsWith("marker.json: "), e.getMessage());
            assertTrue(e.problems().stream().anyMatch(q -> q.message().startsWith("unknown field '" + marker + "'")),
                    () -> marker + ": " + e.getMessage());
            assertTrue(e.problems().get(0).place().line() > 0, "the unknown field has a line: " + e.getMessage());
        }
    }

    @Test
    void arrayWrappedTypeNamesAreRejected() {
        // Jackson's WRAPPER_ARRAY default typing: ["java.util.ArrayList", [...]]
        String wrapped = example.replace("\"drivers\": [", "\"drivers\": [\"java.util.ArrayList\", [").replace(
                "\"max\": 3000, \"step\": 10}\n  ],", "\"max\": 3000, \"step\": 10}\n  ]],");
        assertNotEquals(example, wrapped);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(wrapped, "wrapped.json"));
        // the type name stands where the first driver's object should: line 7, column 15 of the example
        assertEquals("wrapped.json: line 7, column 15 (drivers[0]): expected an object, found a string", e.getMessage());
    }

    @Test
    void aFormatNamingAJavaClassIsNotAScenario() {
        String notAScenario = example.replace("\"format\": \"costscope-scenario\"", "\"format\": \"java.lang.ProcessBuilder\"");
        assertNotEquals(example, notAScenario);
        ScenarioException f = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(notAScenario, "fmt.json"));
        assertTrue(f.getMessage().contains("is not a Costscope scenario"), f.getMessage());
    }

    /**
     * A formula that names Java code is a formula error where it stops being a formula (a '.' is no operator, a quote
     * starts no literal, a name that is not the model's is unknown), and nothing runs: the command in the payload
     * would create a file at an absolute path, which must not exist afterwards. The same check sees a file there once
     * the test creates one.
     */
    @Test
    void aFormulaNamingJavaCodeIsRejectedWhereItStopsBeingAFormulaAndRunsNothing(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("pwned").toAbsolutePath();
        String touch = "touch " + marker;
        String[][] cases = {   // {formula, the error after "field formula, "}
            {"java.lang.Runtime.getRuntime().exec('" + touch + "')", "position 4: unexpected character '.'"},
            {"Runtime.getRuntime().exec('" + touch + "')", "position 7: unexpected character '.'"},
            {"exec('" + touch + "')", "position 5: unexpected character '\''"},
            {"exec(1)", "position 0: unknown function 'exec'"},
            {"getRuntime()", "position 0: unknown function 'getRuntime'"},
            {"Runtime", "position 0: unknown name 'Runtime'"},
        };
        for (String[] c : cases) {
            String json = example.replace("\"active_users * messages * 900\"", "\"" + c[0] + "\"");
            assertNotEquals(example, json);
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json, "exec.json"), c[0]);
            assertEquals("exec.json: variables[0] 'tokens', field formula, " + c[1], e.getMessage(), c[0]);
            assertEquals(1, e.problems().size(), e.getMessage());
            assertFalse(Files.exists(marker), c[0] + " created " + marker);
        }
        Files.createFile(marker);
        assertTrue(Files.exists(marker), "the check looks where the payload would write");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<String> first(List<String> failures) {
        if (failures.size() <= 5) return failures;
        List<String> out = new ArrayList<>(failures.subList(0, 5));
        out.add("... and " + (failures.size() - 5) + " more");
        return out;
    }

    private static String describe(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        return t + (st.length > 0 ? " at " + st[0] : "") + (st.length > 1 ? " / " + st[1] : "") + (st.length > 2 ? " / " + st[2] : "");
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c >= 32 && c < 127 && c != '"' && c != '\\') b.append(c);
            else b.append(String.format("\\u%04x", (int) c));
        }
        return b.append('"').toString();
    }
}
