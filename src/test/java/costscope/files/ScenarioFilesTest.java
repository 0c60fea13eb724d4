package costscope.files;

import costscope.engine.CompiledScenario;
import costscope.engine.Results;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioFilesTest {
    static final Path EXAMPLE = Path.of("src/test/resources/scenarios/example.json");

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("sample-scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void everySeedReportHasItsSample() throws IOException {
        List<String> names = samples().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("innerworld.json", "billion-users.json", "raptorflow.json", "beatsight.json",
                "awsomebuilder2.json")), names.toString());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void loadSaveLoadIsLosslessAndTheSavedFileIsStable(Path sample, @TempDir Path dir) throws Exception {
        Scenario first = ScenarioFiles.load(sample);
        Path saved = dir.resolve("saved.json");
        ScenarioFiles.save(first, saved);
        Scenario second = ScenarioFiles.load(saved);
        assertEquals(first, second, "the model survives a save and a load");
        byte[] once = Files.readAllBytes(saved);
        Path again = dir.resolve("again.json");
        ScenarioFiles.save(second, again);
        assertArrayEquals(once, Files.readAllBytes(again), "saving what was loaded from a saved file gives the same bytes");
        Results a = CompiledScenario.compile(first).newEvaluator().evaluateWithSavings();
        Results b = CompiledScenario.compile(second).newEvaluator().evaluateWithSavings();
        assertEquals(a.monthlyTotal(), b.monthlyTotal(), 0);
        assertEquals(a.metrics(), b.metrics());
    }

    @Test
    void canonicalTextKeepsNumbersAsWrittenAndKeysInOrder() throws Exception {
        String json = """
                {"version": 1, "format": "costscope-scenario", "name": "n",
                 "drivers": [{"label": "N", "id": "n", "value": 1e9, "min": 0.0000166667}],
                 "categories": [{"id": "c", "label": "C"}],
                 "items": [{"id": "x", "label": "X", "category": "c", "quantity": "n", "unitPrice": 3.00, "per": 1000000}]}
                """;
        String out = ScenarioFiles.toJson(ScenarioFiles.parse(json, "t.json"));
        assertEquals("""
                {
                  "format": "costscope-scenario",
                  "version": 1,
                  "name": "n",
                  "currency": "USD",
                  "drivers": [
                    {
                      "id": "n",
                      "label": "N",
                      "value": 1000000000,
                      "min": 0.0000166667
                    }
                  ],
                  "categories": [
                    {
                      "id": "c",
                      "label": "C"
                    }
                  ],
                  "items": [
                    {
                      "id": "x",
                      "label": "X",
                      "category": "c",
                      "quantity": "n",
                      "unitPrice": 3.00,
                      "per": 1000000
                    }
                  ]
                }
                """, out);
    }

    static ScenarioException fails(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json, "bad.json"));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        ScenarioException e = fails("{\n  \"format\": \"costscope-scenario\",\n  \"version\": 1,\n  \"name\": \"x\"\n  \"drivers\": []\n}");
        Problem p = e.problems().get(0);
        assertEquals(5, p.place().line());
        assertEquals(3, p.place().column());
        assertTrue(e.getMessage().startsWith("bad.json: line 5, column 3: malformed JSON: Unexpected character ('\"'"), e.getMessage());
    }

    @Test
    void unknownFieldNamesLineColumnPathAndTheAllowedFields() {
        ScenarioException e = fails("{\"format\": \"costscope-scenario\", \"version\": 1, \"name\": \"x\",\n"
                + "\"drivers\": [{\"id\": \"n\", \"label\": \"N\", \"value\": 1, \"maximum\": 5}]}");
        assertEquals("bad.json: line 2, column 63 (drivers[0].maximum): unknown field 'maximum' (allowed here: description, id,"
                + " label, max, min, range, scale, step, unit, value)", e.getMessage());
    }

    @Test
    void wrongTypesNameWhatWasExpectedAndFound() {
        assertEquals("bad.json: line 1, column 83 (drivers[0].value): expected a number, found a string",
                fails("{\"format\": \"costscope-scenario\", \"version\": 1, \"name\": \"x\", \"drivers\": [{\"value\": \"many\"}]}").getMessage());
        assertEquals("bad.json: line 1, column 96 (items[0].unitPrice): expected a number or a formula string, found an array",
                fails("{\"format\": \"costscope-scenario\", \"version\": 1, \"name\": \"x\", \"items\": [{\"id\": \"a\", \"unitPrice\": [1, 2]}]}").getMessage());
        assertEquals("bad.json: line 1, column 72 (drivers): expected an array, found an object",
                fails("{\"format\": \"costscope-scenario\", \"version\": 1, \"name\": \"x\", \"drivers\": {}}").getMessage());
    }

    @Test
    void missingFieldsAreAllListedWithTheirPaths() {
        ScenarioException e = fails("{\"format\": \"costscope-scenario\", \"version\": 1, \"drivers\": [{\"id\": \"n\"}],"
                + " \"categories\": [], \"items\": [{\"id\": \"x\", \"category\": \"c\"}]}");
        assertEquals(List.of("name: missing required field 'name'", "drivers[0].label: missing required field 'label'",
                        "drivers[0].value: missing required field 'value'", "items[0].label: missing required field 'label'",
                        "items[0].quantity: missing required field 'quantity'"),
                e.problems().stream().map(Problem::describe).toList());
    }

    @Test
    void wrongFormatOrVersionIsSaidPlainly() {
        assertEquals("bad.json: 2 problems: format: 'something-else' is not a Costscope scenario (expected \"costscope-scenario\");"
                        + " version: version 2 is not supported (this Costscope reads version 1)",
                fails("{\"format\": \"something-else\", \"version\": 2, \"name\": \"x\", \"drivers\": [], \"categories\": [], \"items\": []}").getMessage());
    }

    @Test
    void loadNamesTheFileForMissingFilesAndFormulaProblems(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.json");
        assertEquals(missing + ": no such file", assertThrows(ScenarioException.class, () -> ScenarioFiles.load(missing)).getMessage());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(EXAMPLE).replace("\"active_users * messages * 900\"", "\"active_users * * 900\""));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(bad));
        assertEquals(bad + ": variables[0] 'tokens', field formula, position 15: expected a number, a name or '(' but found '*'", e.getMessage());
    }

    @Test
    void polymorphicTypeMarkersCannotSneakCodeIn() {
        ScenarioException e = fails("{\"@class\": \"java.lang.ProcessBuilder\", \"format\": \"costscope-scenario\"}");
        assertTrue(e.getMessage().contains("unknown field '@class'"), e.getMessage());
    }

    @Test
    void saveWritesAtomicallyAndLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Scenario sc = ScenarioFiles.load(EXAMPLE);
        Path target = dir.resolve("s.json");
        Files.writeString(target, "previous version");
        ScenarioFiles.save(sc, target);
        assertEquals(ScenarioFiles.toJson(sc), Files.readString(target, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("s.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aFailedSaveKeepsThePreviousFile(@TempDir Path dir) throws Exception {
        Scenario sc = ScenarioFiles.load(EXAMPLE);
        Scenario broken = sc.withDrivers(List.of(sc.drivers().get(0).withValue(Double.NaN), sc.drivers().get(1)));
        Path target = dir.resolve("s.json");
        Files.writeString(target, "previous version");
        assertThrows(IllegalArgumentException.class, () -> ScenarioFiles.save(broken, target));
        assertEquals("previous version", Files.readString(target));
        Path asDir = dir.resolve("taken");
        Files.createDirectory(asDir);
        Files.writeString(asDir.resolve("child"), "x");
        assertThrows(IOException.class, () -> ScenarioFiles.save(sc, asDir));
        assertEquals("x", Files.readString(asDir.resolve("child")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("s.json", "taken"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
