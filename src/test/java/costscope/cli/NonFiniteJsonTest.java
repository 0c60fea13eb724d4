package costscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSON has no NaN or infinity: the commands write them as the strings scripts can read back, never as null or 0. */
class NonFiniteJsonTest {
    @Test
    void evaluateAndAuditWriteWhatTheValueIs(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("nf.json");
        Files.writeString(f, """
                {"format": "costscope-scenario", "version": 1, "name": "nf", "currency": "USD",
                 "drivers": [{"id": "x", "label": "X", "value": 0}],
                 "categories": [{"id": "c", "label": "C"}],
                 "items": [{"id": "a", "label": "A", "category": "c", "quantity": "x / x", "unitPrice": 2},
                           {"id": "b", "label": "B", "category": "c", "quantity": "1 / x", "unitPrice": 2}],
                 "statedFigures": [{"label": "A", "of": "a", "value": 0}]}
                """);
        JsonNode e = json("evaluate", f.toString(), "--format", "json");
        assertEquals("NaN", e.get("monthlyTotal").asText());
        assertEquals("NaN", e.get("items").get(0).get("monthly").asText());
        assertEquals("Infinity", e.get("items").get(1).get("monthly").asText());
        assertEquals(Double.POSITIVE_INFINITY, Double.parseDouble(e.get("items").get(1).get("quantity").asText()));
        JsonNode a = json("audit", f.toString(), "--format", "json");
        assertEquals("NaN", a.findValue("computed").asText(), a.toString());
        assertEquals(false, a.findValue("agrees").asBoolean(true), a.toString());
    }

    private static JsonNode json(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return new ObjectMapper().readTree(out.toString());
    }
}
