package costscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI's upfront totals and pools: evaluate's JSON fields (a contract), its text line and the breakdown's column. */
class UpfrontCliTest {
    static final String MODEL = """
            {"format": "costscope-scenario", "version": 1, "name": "upfront", "currency": "USD",
             "drivers": [{"id": "a", "label": "A", "value": 600000}, {"id": "b", "label": "B", "value": 900000}],
             "categories": [{"id": "compute", "label": "Compute"}],
             "items": [
               {"id": "ri", "label": "Reserved", "category": "compute", "quantity": 1, "unitPrice": 0.074,
                "billing": "hourly", "upfront": 648, "termMonths": 12},
               {"id": "fa", "label": "Function A", "category": "compute", "quantity": "a", "quantityUnit": "requests"},
               {"id": "fb", "label": "Function B", "category": "compute", "quantity": "b", "quantityUnit": "requests"}],
             "pools": [{"id": "requests", "label": "Requests", "items": ["fa", "fb"], "freeAllowance": 1000000,
                        "unitPrice": 0.20, "per": 1000000, "priceUnit": "1M requests"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void evaluateGivesTheUpfrontTotalsAndThePools() throws Exception {
        Path f = dir.resolve("upfront.json");
        Files.writeString(f, MODEL);
        CliTest.Run json = CliTest.cli("evaluate", f.toString(), "--format", "json");
        assertEquals(0, json.code(), json.err());
        JsonNode o = new ObjectMapper().readTree(json.out());
        assertEquals(54.12, o.get("monthlyTotal").asDouble(), 1e-9);     // 0.074 x 730 + $0.10 of requests
        assertEquals(648.0, o.get("upfrontTotal").asDouble());
        assertEquals(12 * 54.12 + 648, o.get("firstYearTotal").asDouble(), 1e-9);
        assertEquals(54.12 + 54, o.get("amortizedMonthlyTotal").asDouble(), 1e-9);
        assertEquals(648.0, o.get("items").get(0).get("upfront").asDouble());
        assertEquals("requests", o.get("items").get(1).get("pool").asText());
        assertEquals(0.04, o.get("items").get(1).get("monthly").asDouble(), 1e-12);
        assertEquals(1_500_000, o.get("pools").get(0).get("quantity").asDouble());
        assertEquals(0.10, o.get("pools").get(0).get("monthly").asDouble(), 1e-12);

        CliTest.Run text = CliTest.cli("evaluate", f.toString());
        assertTrue(text.out().contains("Monthly total $54.12, annual $649.44, upfront: $648.00, first 12 months: $1,297.44,"
                + " amortized: $108.12 a month"), text.out());
        CliTest.Run csv = CliTest.cli("evaluate", f.toString(), "--format", "csv");
        assertTrue(csv.out().startsWith("Category,Item,Quantity,Unit,Unit price,Per,Monthly,Share,Upfront\n"), csv.out());
        assertTrue(csv.out().contains("Compute,Function A,600000,requests,0.2,1M requests,0.04,"), csv.out());
    }

    @Test
    void aModelWithoutUpfrontStillGivesTheThreeFields() throws Exception {
        CliTest.Run json = CliTest.cli("evaluate", "src/test/resources/scenarios/example.json", "--format", "json");
        JsonNode o = new ObjectMapper().readTree(json.out());
        assertEquals(0.0, o.get("upfrontTotal").asDouble());
        assertEquals(o.get("annualTotal").asDouble(), o.get("firstYearTotal").asDouble());
        assertEquals(o.get("monthlyTotal").asDouble(), o.get("amortizedMonthlyTotal").asDouble());
        assertTrue(o.get("items").get(0).get("upfront") == null, "no upfront column without upfront payments");
    }
}
