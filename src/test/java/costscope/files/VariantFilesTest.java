package costscope.files;

import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import costscope.model.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Variants in scenario files: read, written byte for byte, and every mistake named with its place. */
class VariantFilesTest {
    static final String HEAD = """
            {"format": "costscope-scenario", "version": 1, "name": "t",
             "drivers": [{"id": "people", "label": "Users", "value": 1000}],
             "categories": [{"id": "c", "label": "C"}],
             "items": [{"id": "tokens", "label": "Tokens", "category": "c", "quantity": "people * 100", "unitPrice": 0.01},
                       {"id": "api", "label": "API", "category": "c", "quantity": "people", "tiers": [{"upTo": 10, "unitPrice": 0}, {"unitPrice": 1}]}],
             "levers": [{"id": "cache", "label": "Cache", "effects": [{"item": "tokens", "factor": 0.5}]}],
            """;

    static Scenario parse(String variants) throws ScenarioException {
        return ScenarioFiles.parse(HEAD + " \"variants\": " + variants + "}", "v.json");
    }

    static List<String> problems(String variants) {
        return assertThrows(ScenarioException.class, () -> parse(variants)).problems().stream().map(Problem::describe).toList();
    }

    @Test
    void variantsAreWrittenInTheirDocumentedShapeAndReadBackEqual(@TempDir Path dir) throws Exception {
        Scenario s = parse("""
                [{"id": "big", "label": "Big", "description": "ten times", "drivers": {"people": 10000},
                  "levers": {"cache": true}, "prices": {"tokens": "0.01 * 0.8"}},
                 {"id": "bare"}]""");
        assertEquals(List.of(new Variant("big", "Big", "ten times", Map.of("people", 10000.0), Map.of("cache", true),
                Map.of("tokens", "0.01 * 0.8")), new Variant("bare", null, null, null, null, null)), s.variants());
        String json = ScenarioFiles.toJson(s);
        String tail = json.substring(json.indexOf("  \"variants\""));
        assertEquals("""
                  "variants": [
                    {
                      "id": "big",
                      "label": "Big",
                      "description": "ten times",
                      "drivers": {
                        "people": 10000
                      },
                      "levers": {
                        "cache": true
                      },
                      "prices": {
                        "tokens": "0.01 * 0.8"
                      }
                    },
                    {
                      "id": "bare"
                    }
                  ]
                }
                """, tail);
        Path f = dir.resolve("v.json");
        ScenarioFiles.save(s, f);
        assertEquals(s, ScenarioFiles.load(f));
        assertEquals(json, Files.readString(f));
    }

    @Test
    void applyingAVariantSetsDriversLeversAndPrices() throws Exception {
        Scenario s = parse("""
                [{"id": "big", "drivers": {"people": 10000}, "levers": {"cache": true}, "prices": {"tokens": 0.02}}]""");
        Scenario big = s.withVariant("big");
        assertEquals(10000, big.driver("people").value(), 0);
        assertEquals(true, big.levers().get(0).enabled());
        assertEquals("0.02", big.items().get(0).unitPrice());
        assertEquals(s.variants(), big.variants(), "the variants stay, so the user can switch again");
        assertEquals("big", big.variant("big").displayName());
    }

    @Test
    void everyMistakeIsNamedWithItsPlace() {
        assertEquals(List.of("variants[0] 'a', drivers: 'peple' is not a driver (did you mean 'people'?)",
                        "variants[0] 'a', levers: 'cash' is not a lever",
                        "variants[0] 'a', prices: 'token' is not a line item or pool (did you mean 'tokens'?)",
                        "variants[1].id: variant id 'a' is used twice",
                        "variants[2].id: '2x' is not a valid id (letters, digits and _, not starting with a digit)",
                        "variants[3] 'd', prices.api: 'api' is priced in tiers; a variant can only replace a flat unit price"),
                problems("""
                        [{"id": "a", "drivers": {"peple": 1}, "levers": {"cash": true}, "prices": {"token": 1}},
                         {"id": "a"}, {"id": "2x"}, {"id": "d", "prices": {"api": 2}}]"""));
        assertEquals(List.of("variants[0] 'p', prices (items[0] 'tokens', field unitPrice), position 7: unknown name 'pepole'"
                        + " (did you mean 'people'?)"),
                problems("[{\"id\": \"p\", \"prices\": {\"tokens\": \"0.01 * pepole\"}}]"));
        assertEquals(List.of("variants[0] 'p', prices (items[0] 'tokens'): cycle: tokens -> tokens"),
                problems("[{\"id\": \"p\", \"prices\": {\"tokens\": \"tokens / 1000\"}}]"));
    }

    @Test
    void typeErrorsInVariantsHaveLineAndColumn() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(HEAD
                + " \"variants\": [{\"id\": \"a\",\n \"drivers\": {\"people\": \"lots\"}}]}", "v.json"));
        assertEquals("v.json: line 8, column 24 (variants[0].drivers.people): expected a number, found a string", e.getMessage());
        ScenarioException f = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(HEAD
                + " \"variants\": [{\"id\": \"a\", \"overrides\": {}}]}", "v.json"));
        assertEquals("v.json: line 7, column 41 (variants[0].overrides): unknown field 'overrides' (allowed here: description,"
                + " drivers, id, label, levers, prices)", f.getMessage());
    }
}
