package costscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static costscope.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The what-if commands' contract: compare, sensitivity, goal-seek; their JSON fields and their errors. */
class WhatIfCliTest {
    static final String BILLION = "sample-scenarios/billion-users.json";
    static final String EXAMPLE = "src/test/resources/scenarios/example.json";

    @Test
    void compareJsonHasRowsDifferencesAndTheWaterfall() throws Exception {
        CliTest.Run r = cli("compare", BILLION, "--variants", "original,optimized", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("original", j.get("variants").get(0).get("id").asText());
        assertEquals("Optimized plan", j.get("variants").get(1).get("label").asText());
        JsonNode total = null;
        for (JsonNode row : j.get("rows")) if (row.get("key").asText().equals("total")) total = row;
        assertEquals(19_955_040.00, total.get("values").get("original").asDouble(), 0.005);
        assertEquals(8_640_058.00, total.get("values").get("optimized").asDouble(), 0.005);
        assertEquals(-11_314_982.00, total.get("differences").get("optimized").asDouble(), 0.005);
        assertEquals("currency", total.get("format").asText());
        JsonNode w = j.get("waterfalls").get(0);
        assertEquals("original", w.get("from").asText());
        assertEquals("optimized", w.get("to").asText());
        List<String> ids = new ArrayList<>();
        double sum = 0;
        for (JsonNode s : w.get("steps")) {
            ids.add(s.get("id").asText());
            sum += s.get("delta").asDouble();
        }
        assertEquals(List.of("aggressive_autoscaling", "fewer_replicas", "connection_pooling", "more_ollama", "cheaper_gpus",
                "cdn_cache_hits"), ids);
        assertEquals(w.get("difference").asDouble(), sum, 1e-6);
        assertEquals(-3_366_720.00, w.get("steps").get(0).get("delta").asDouble(), 0.005);
        assertEquals("lever", w.get("steps").get(0).get("kind").asText());
        assertEquals("off", w.get("steps").get(0).get("from").asText());
    }

    @Test
    void compareOrderAndFormats() {
        CliTest.Run r = cli("compare", BILLION, "--variants", "original,optimized", "--order", "connection_pooling");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1  Connection pooling (20% fewer database servers): on  connection_pooling         -$848,262.00"),
                r.out());
        CliTest.Run csv = cli("compare", BILLION, "--variants", "original,optimized", "--format", "csv");
        assertEquals("row,kind,label,original,optimized,diff_optimized,rel_optimized", csv.lines().get(0));
        assertTrue(csv.out().contains("\ntotal,total,Monthly total,19955040,8640058,-11314982,"), csv.out());
        CliTest.Run md = cli("compare", BILLION, "--variants", "original,optimized", "--format", "markdown");
        assertTrue(md.out().contains("## Waterfall: Original plan → Optimized plan"), md.out());
    }

    @Test
    void compareErrorsNameTheFileAndTheProblem() {
        CliTest.Run one = cli("compare", BILLION, "--variants", "original");
        assertEquals(2, one.code());
        assertEquals(BILLION + ": --variants needs at least two ids, e.g. --variants original,optimized", one.err().trim());
        CliTest.Run unknown = cli("compare", BILLION, "--variants", "original,best");
        assertEquals(2, unknown.code());
        assertEquals(BILLION + ": --variants: 'best' is not a variant (have: original, optimized, optimized_regions, base)",
                unknown.err().trim());
        CliTest.Run order = cli("compare", BILLION, "--variants", "original,optimized", "--order", "regions");
        assertEquals(2, order.code());
        assertTrue(order.err().startsWith(BILLION + ": --order: 'regions' changes in no waterfall here (changes: aggressive_autoscaling,"), order.err());
        CliTest.Run twice = cli("compare", BILLION, "--variants", "original,original");
        assertEquals(2, twice.code());
        assertEquals(BILLION + ": --variants: 'original' is named twice", twice.err().trim());
        // an order for one pair of three: the other waterfall keeps its own
        CliTest.Run three = cli("compare", BILLION, "--variants", "original,optimized,optimized_regions", "--order", "multi_region_pricing");
        assertEquals(0, three.code(), three.err());
        assertTrue(three.out().contains("1  Cheaper regions for non-critical workloads: on"), three.out());
    }

    @Test
    void sensitivityJsonMatchesHandComputedEvaluations() throws Exception {
        // example.json: total = users x 300 x 900 x $3/M + step(users; <100,000 -> 1 instance) x 0.348 x 730
        CliTest.Run r = cli("sensitivity", EXAMPLE, "--output", "total", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals("total", j.get("output").asText());
        assertEquals(1064.04, j.get("base").asDouble(), 1e-9);
        assertEquals(0.2, j.get("swing").asDouble(), 0);
        JsonNode top = j.get("bars").get(0);
        assertEquals("active_users", top.get("driver").asText());
        assertEquals(800, top.get("low").asDouble(), 1e-9);
        assertEquals(0.8 * 810 + 254.04, top.get("outputLow").asDouble(), 1e-9);
        assertEquals(1.2 * 810 + 254.04, top.get("outputHigh").asDouble(), 1e-9);
        assertEquals(0.4 * 810, top.get("effect").asDouble(), 1e-9);
        CliTest.Run wide = cli("sensitivity", EXAMPLE, "--output", "costPerUser", "--swing", "50%", "--format", "json");
        assertEquals(0.5, wide.json().get("swing").asDouble(), 0);
        CliTest.Run zero = cli("sensitivity", EXAMPLE, "--output", "total", "--swing", "0");
        assertEquals(2, zero.code());
        assertEquals(EXAMPLE + ": --swing 0: expected above 0 and at most 10 (1000%)", zero.err().trim());
        CliTest.Run bad = cli("sensitivity", EXAMPLE, "--output", "totl");
        assertEquals(2, bad.code());
        assertEquals(EXAMPLE + ": --output totl: output 'totl', position 0: unknown name 'totl'", bad.err().trim());
    }

    @Test
    void goalSeekFindsTheStepAndSaysWhenThereIsNone() throws Exception {
        // $1,500 a month: 810 x u / 1,000 + 254.04 = 1,500 -> u = 1,538.2222...
        CliTest.Run r = cli("goal-seek", EXAMPLE, "--driver", "active_users", "--output", "total", "--target", "1500", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertTrue(j.get("solved").asBoolean());
        assertEquals((1500 - 254.04) / 0.81, j.get("solutions").get(0).get("value").asDouble(), 1e-6);
        assertEquals("exact", j.get("solutions").get(0).get("kind").asText());
        CliTest.Run none = cli("goal-seek", EXAMPLE, "--driver", "active_users", "--output", "total", "--target", "10");
        assertEquals(0, none.code());
        assertTrue(none.out().startsWith("No solution: Monthly total never reaches $10.00 for Active users from 10 to "), none.out());
        CliTest.Run noneJson = cli("goal-seek", EXAMPLE, "--driver", "active_users", "--output", "total", "--target", "10", "--format", "json");
        assertFalse(noneJson.json().get("solved").asBoolean());
        assertEquals(0, noneJson.json().get("solutions").size());
        CliTest.Run bad = cli("goal-seek", EXAMPLE, "--driver", "users", "--output", "total", "--target", "1k");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith(EXAMPLE + ": --driver users: not a driver (have: active_users"), bad.err());
        CliTest.Run range = cli("goal-seek", EXAMPLE, "--driver", "active_users", "--output", "total", "--target", "1k",
                "--from", "5000", "--to", "100");
        assertEquals(2, range.code());
        assertEquals(EXAMPLE + ": the search range 5,000 to 100 is empty: --from must be below --to", range.err().trim());
    }

    /** The report: break-even on a price driver whose max is 1e100 is 61,414.77, exact, not a jump at 1.6e37. */
    @Test
    void goalSeekOverAPriceRangeUpTo1e100FindsTheBreakEvenPrice(@TempDir Path tmp) throws Exception {
        Path wide = Files.writeString(tmp.resolve("wide.json"), """
                {"format": "costscope-scenario", "version": 1, "name": "Wide price range",
                 "drivers": [{"id": "active_users", "label": "Users", "value": 1000, "min": 1, "max": 1000000},
                             {"id": "price", "label": "Price", "value": 10, "min": 0, "max": 1e100}],
                 "categories": [{"id": "infra", "label": "Infrastructure"}],
                 "items": [{"id": "servers", "label": "Servers", "category": "infra", "quantity": "active_users",
                            "unitPrice": 3070.7385}],
                 "business": {"users": {"label": "user", "formula": "active_users"}, "price": "price",
                              "conversion": 0.05, "payingBase": "active_users"}}
                """);
        CliTest.Run text = cli("goal-seek", wide.toString(), "--driver", "price", "--output", "profit", "--target", "0");
        assertEquals(new CliTest.Run(0, "Price = 61,414.77: Profit = $0.00.\n", ""), text);
        CliTest.Run r = cli("goal-seek", wide.toString(), "--driver", "price", "--output", "profit", "--target", "0", "--format", "json");
        JsonNode s = r.json().get("solutions");
        assertEquals(1, s.size());
        assertEquals("exact", s.get(0).get("kind").asText());
        assertEquals(61_414.77, s.get(0).get("value").asDouble(), 1e-9);
        assertTrue(r.json().get("evaluations").asInt() <= 400 + 64 + 2, r.out());
    }

    @Test
    void theVariantOptionStartsFromAVariant() throws Exception {
        CliTest.Run r = cli("evaluate", BILLION, "--variant", "optimized", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertEquals(8_640_058.00, r.json().get("monthlyTotal").asDouble(), 0.005);
        assertEquals(0, cli("evaluate", BILLION, "--variant", "base", "--format", "json").code(), "base: the model as it is");
        CliTest.Run bad = cli("evaluate", EXAMPLE, "--variant", "x");
        assertEquals(2, bad.code());
        assertEquals(EXAMPLE + ": --variant x: no such variant (have: none)", bad.err().trim());
    }
}
