package costscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import costscope.files.ScenarioFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code timeline}: its JSON fields (a contract), periods, text summary, round trip of the section, bad input. */
class TimelineCliTest {
    static final String MODEL = """
            {
              "format": "costscope-scenario",
              "version": 1,
              "name": "Timeline demo",
              "currency": "USD",
              "drivers": [
                {"id": "mau", "label": "Users", "value": 1000},
                {"id": "storage_gb", "label": "Storage", "unit": "GB", "value": 500}
              ],
              "categories": [
                {"id": "compute", "label": "Compute"},
                {"id": "db", "label": "Database"}
              ],
              "items": [
                {"id": "api", "label": "API servers", "category": "compute", "quantity": "mau", "unitPrice": 0.5},
                {"id": "rds", "label": "Database", "category": "db", "quantity": "storage_gb", "unitPrice": 1}
              ],
              "levers": [
                {"id": "migration", "label": "DB migration", "effects": [{"item": "rds", "factor": 0.4}]}
              ],
              "business": {"users": {"label": "users", "formula": "mau"}, "price": 2, "conversion": 0.5, "funding": 20000},
              "timeline": {
                "months": 12,
                "start": "2026-01",
                "paths": [
                  {"driver": "mau", "growth": 0.15},
                  {"driver": "storage_gb", "growth": "20%/year"}
                ],
                "events": [
                  {"month": 3, "label": "Database migration", "cost": 2000},
                  {"month": 4, "label": "Migration done", "levers": {"migration": true}},
                  {"month": 9, "label": "Seed round", "funding": 100000}
                ]
              }
            }
            """;

    @TempDir
    Path dir;

    Path model(String text) throws Exception {
        Path f = dir.resolve("timeline.json");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theJsonHasEveryContractField() throws Exception {
        CliTest.Run run = CliTest.cli("timeline", model(MODEL).toString(), "--format", "json");
        assertEquals(0, run.code(), run.err());
        JsonNode o = new ObjectMapper().readTree(run.out());
        assertEquals(12, o.get("months").size());
        JsonNode m4 = o.get("months").get(4);
        for (String k : List.of("month", "date", "total", "categories", "revenue", "profit", "cash", "cumulative")) {
            assertTrue(m4.has(k), k);
        }
        assertEquals(4, m4.get("month").asInt());
        assertEquals("2026-05", m4.get("date").asText());
        // 1,000 x 1.15^4 users at $0.50 and 500 x 1.2^(4/12) GB at $1 x 0.4 after the migration
        assertEquals(1000 * Math.pow(1.15, 4) * 0.5 + 500 * Math.pow(1.2, 4 / 12.0) * 0.4, m4.get("total").asDouble(), 1e-9);
        assertEquals(1000 * Math.pow(1.15, 4), m4.get("revenue").asDouble(), 1e-9, "half the users pay $2");
        assertTrue(o.get("runwayMonth").isNull(), "funded throughout");
        assertEquals(1, o.get("breakEvenMonth").asInt());
        JsonNode p = o.get("paybacks").get(0);
        assertEquals("Migration done", p.get("label").asText());
        assertEquals(2000, p.get("cost").asDouble(), 0.0, "the migration's cost in month 3 is its cost");
        assertEquals(10, p.get("paybackMonth").asInt());
        // cash: 20,000 + the profits - 2,000 in month 3 + 100,000 in month 9
        double cash = 20_000;
        for (int m = 0; m < 12; m++) cash += o.get("months").get(m).get("profit").asDouble();
        assertEquals(cash - 2000 + 100_000, o.get("months").get(11).get("cash").asDouble(), 1e-6);
    }

    @Test
    void byQuarterAndAsText() throws Exception {
        Path f = model(MODEL);
        CliTest.Run q = CliTest.cli("timeline", f.toString(), "--by", "quarter", "--format", "json");
        JsonNode o = new ObjectMapper().readTree(q.out());
        assertEquals(4, o.get("months").size());
        assertEquals(3, o.get("months").get(1).get("month").asInt());
        assertEquals(5, o.get("months").get(1).get("lastMonth").asInt());
        CliTest.Run text = CliTest.cli("timeline", f.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("months numbered from 0; cash is the balance after each month"), text.out());
        assertTrue(text.out().contains("Payback of Migration done (month 4): $2,000.00 paid back in month 10 (2026-11)"), text.out());
        assertTrue(text.out().contains("Break-even: month 1 (2026-02)"), text.out());
        CliTest.Run csv = CliTest.cli("timeline", f.toString(), "--months", "24", "--format", "csv");
        assertEquals(25, csv.out().strip().split("\n").length, "a header and 24 months");
        assertTrue(csv.out().startsWith("month,date,total,compute,db,revenue,profit,oneOff,funding,cash,cumulative,events"), csv.out());
    }

    @Test
    void exportTableWritesTheTimelineMonthByMonth() throws Exception {
        Path f = model(MODEL);
        Path out = dir.resolve("timeline.csv");
        CliTest.Run run = CliTest.cli("export-table", f.toString(), "--table", "timeline", "--format", "csv", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(13, lines.size(), "a header and 12 months");
        assertEquals("month,date,total,compute,db,revenue,profit,oneOff,funding,cash,cumulative,events", lines.get(0));
        assertTrue(lines.get(4).startsWith("3,2026-04,"), lines.get(4));
        assertTrue(lines.get(4).endsWith(",Database migration"), lines.get(4));
        CliTest.Run none = CliTest.cli("export-table", model(MODEL.replaceAll("(?s),\\s*\"timeline\": \\{.*\\}\\s*\\}\\s*$", "}\n"))
                .toString(), "--table", "timeline", "--format", "csv");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("has no timeline section"), none.err());
    }

    @Test
    void theSectionRoundTripsByteForByte() throws Exception {
        String canonical = ScenarioFiles.toJson(ScenarioFiles.parse(MODEL, "t.json"));
        assertEquals(canonical, ScenarioFiles.toJson(ScenarioFiles.parse(canonical, "t.json")));
        assertTrue(canonical.contains("\"growth\": \"20%/year\""), canonical);
        assertTrue(canonical.contains("\"growth\": 0.15"), canonical);
        assertEquals(ScenarioFiles.parse(MODEL, "t.json"), ScenarioFiles.parse(canonical, "t.json"));
    }

    @Test
    void badInputExitsTwoWithTheReason() throws Exception {
        Path none = model(MODEL.replaceAll("(?s),\\s*\"timeline\": \\{.*\\}\\s*\\}\\s*$", "}\n"));
        CliTest.Run run = CliTest.cli("timeline", none.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("has no timeline section"), run.err());
        Path f = model(MODEL);
        assertEquals(2, CliTest.cli("timeline", f.toString(), "--by", "week").code());
        assertTrue(CliTest.cli("timeline", f.toString(), "--months", "0").err().contains("--months 0: expected 1 to 1200"));
        Path broken = model(MODEL.replace("\"growth\": 0.15", "\"growth\": \"fast\""));
        CliTest.Run b = CliTest.cli("timeline", broken.toString());
        assertEquals(2, b.code());
        assertTrue(b.err().contains("timeline.paths[0]") && b.err().contains("'fast' is not a growth rate"), b.err());
    }
}
