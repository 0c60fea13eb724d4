package costscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code simulate}: its JSON fields (a contract), reproducibility across threads, outputs as formulas, bad input. */
class SimulateCliTest {
    static final String MODEL = """
            {"format": "costscope-scenario", "version": 1, "name": "sim", "currency": "USD",
             "drivers": [
               {"id": "tracks", "label": "Tracks", "value": 1000, "min": 0,
                "range": {"distribution": "uniform", "low": 800, "high": 1200}},
               {"id": "minutes", "label": "Minutes per track", "value": 4, "min": 0,
                "range": {"distribution": "pert", "low": 3, "high": 5, "mode": 4}}],
             "categories": [{"id": "gpu", "label": "GPU"}, {"id": "base", "label": "Base"}],
             "items": [
               {"id": "render", "label": "Render", "category": "gpu", "quantity": "tracks * minutes", "unitPrice": 0.01},
               {"id": "server", "label": "Server", "category": "base", "quantity": 1, "unitPrice": 50}],
             "statedFigures": [{"label": "GPU $28-52 (report)", "of": "gpu", "low": 28, "high": 52}]}
            """;

    @TempDir
    Path dir;

    Path model() throws Exception {
        Path f = dir.resolve("sim.json");
        Files.writeString(f, MODEL);
        return f;
    }

    @Test
    void theJsonHasEveryContractFieldAndTheSameNumbersOnOneThreadOrTwo() throws Exception {
        Path f = model();
        CliTest.Run one = CliTest.cli("simulate", f.toString(), "--samples", "20,000", "--seed", "3", "--threads", "1", "--format", "json");
        CliTest.Run two = CliTest.cli("simulate", f.toString(), "--samples", "20000", "--seed", "3", "--threads", "2", "--format", "json");
        assertEquals(0, one.code(), one.err());
        JsonNode a = new ObjectMapper().readTree(one.out());
        JsonNode b = new ObjectMapper().readTree(two.out());
        assertEquals(20_000, a.get("samples").asInt());
        assertEquals(3, a.get("seed").asLong());
        assertTrue(a.get("millis").asDouble() > 0);
        List<String> ids = new ArrayList<>();
        a.get("outputs").forEach(o -> ids.add(o.get("id").asText()));
        assertEquals(List.of("total", "gpu", "base"), ids);
        JsonNode gpu = a.get("outputs").get(1);
        for (String k : List.of("id", "label", "mean", "p5", "p10", "p50", "p90", "p95", "min", "max", "histogram", "drivers")) {
            assertTrue(gpu.has(k), k);
        }
        assertEquals(41, gpu.get("histogram").get("edges").size());
        assertEquals(40, gpu.get("histogram").get("counts").size());
        long count = 0;
        for (JsonNode c : gpu.get("histogram").get("counts")) count += c.asLong();
        assertEquals(20_000, count);
        // gpu = tracks x minutes x $0.01: the mean is 1,000 x 4 x 0.01 = $40 (independent, so the means multiply)
        assertEquals(40, gpu.get("mean").asDouble(), 0.15);
        assertEquals(50.0, a.get("outputs").get(2).get("p95").asDouble(), "the server does not vary");
        assertEquals(2, a.get("drivers").size());
        assertEquals("GPU $28-52 (report)", a.get("stated").get(0).get("label").asText());
        assertTrue(a.get("stated").get(0).get("inside").asBoolean());
        ((ObjectNode) a).remove("millis");
        ((ObjectNode) b).remove("millis");
        assertEquals(a, b, "the seed alone decides the numbers, not the threads");
    }

    @Test
    void anOutputMayBeAFormulaAndTheTextSaysWhatDrivesIt() throws Exception {
        Path f = model();
        CliTest.Run r = CliTest.cli("simulate", f.toString(), "--output", "gpu / total", "--samples", "5000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("5,000 samples, seed 1, 2 uncertain drivers (tracks, minutes)"), r.out());
        assertTrue(r.out().contains("What drives gpu / total (rank correlation with each driver):"), r.out());
        assertTrue(r.out().contains("inside    GPU $28-52 (report): stated $28.00 to $52.00, model $30."), r.out());
    }

    @Test
    void withoutRangesOrWithABadOutputItSaysWhy() throws Exception {
        Path f = dir.resolve("plain.json");
        Files.writeString(f, MODEL.replace("\"range\": {\"distribution\": \"uniform\", \"low\": 800, \"high\": 1200}", "\"step\": 1")
                .replace(",\n    \"range\": {\"distribution\": \"pert\", \"low\": 3, \"high\": 5, \"mode\": 4}", ""));
        CliTest.Run none = CliTest.cli("simulate", f.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no driver has a range"), none.err());
        CliTest.Run bad = CliTest.cli("simulate", model().toString(), "--output", "gpu +");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("output 'gpu +'"), bad.err());
        CliTest.Run many = CliTest.cli("simulate", model().toString(), "--samples", "20000000");
        assertEquals(2, many.code());
        assertTrue(many.err().contains("expected a whole number from 1 to 10,000,000"), many.err());
    }
}
