package costscope.files;

import costscope.engine.CompiledScenario;
import costscope.cli.Cli;
import costscope.engine.Results;
import costscope.engine.Sweep;
import costscope.model.InputException;
import costscope.export.Reports;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Models far larger than any real one, built to make quadratic work show: every path stays linear, so these finish
 * in seconds (they took minutes or did not finish when "did you mean" compared every unknown name with every known
 * one, and when categories were matched against every item). The timeouts only guard against a hang; speed is
 * measured by {@code costscope bench}.
 */
class LargeModelTest {
    private static final Duration HANG = Duration.ofSeconds(90);

    private static String cat(int i) {
        return String.format("c%06d_abcdef", i);
    }

    private static String file(int n, boolean unknownNames) {
        StringBuilder s = new StringBuilder("{\"format\": \"costscope-scenario\", \"version\": 1, \"name\": \"large\", \"currency\": \"USD\",\n"
                + "\"drivers\": [{\"id\": \"mau\", \"label\": \"Users\", \"value\": 1000}],\n\"categories\": [");
        for (int i = 0; i < n; i++) s.append(i == 0 ? "" : ",\n").append("{\"id\": \"").append(cat(i)).append("\", \"label\": \"C").append(i).append("\"}");
        s.append("],\n\"items\": [");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",\n").append("{\"id\": \"item").append(i).append("\", \"label\": \"I\", \"category\": \"")
                    .append(unknownNames ? cat(i).replace("abcdef", "abcdeg") : cat(i)).append("\", \"quantity\": \"")
                    .append(unknownNames ? String.format("q%06d_abcdef", i) : "mau").append("\", \"unitPrice\": 0.01}");
        }
        return s.append("]}\n").toString();
    }

    @Test
    void twentyThousandUnknownNamesAreAllReportedEachWithItsPlace() {
        String json = file(10_000, true);
        assertTrue(json.length() > 900_000, "about a megabyte: " + json.length());
        ScenarioException e = assertTimeoutPreemptively(HANG, () -> assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json, "large.json")));
        assertEquals(20_000, e.problems().size());
        Problem last = e.problems().get(e.problems().size() - 1);
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("did you mean 'c000001_abcdef'")), "the first names still get suggestions");
        assertTrue(last.place().where().startsWith("items[9999]"), last.place().where());
    }

    @Test
    void tenThousandCategoriesOfOneItemEachEvaluateAndPrint() {
        String json = file(10_000, false);
        Results r = assertTimeoutPreemptively(HANG, () -> {
            Scenario sc = ScenarioFiles.parse(json, "large.json");
            return CompiledScenario.compile(sc).newEvaluator().evaluate();
        });
        assertEquals(10_000 * 1000 * 0.01, r.monthlyTotal(), 1e-6);
        String table = assertTimeoutPreemptively(HANG, () -> Reports.breakdown(r).toText());
        assertEquals(10_000 + 2, table.lines().count(), "header, rule, 10,000 rows");
    }

    @Test
    void aSweepThatWouldNotFitIsRefusedBeforeAnyWorkNamingTheLimit(@TempDir Path dir) throws Exception {
        String json = file(10_000, false);
        CompiledScenario c = CompiledScenario.compile(ScenarioFiles.parse(json, "large.json"));
        Sweep.checkSize(c, 999);   // 999 x 10,003 figures: within 10 million
        InputException e = assertThrows(InputException.class, () -> Sweep.checkSize(c, 1000));
        assertEquals("1,000 points x (10,000 categories + 3) = 10,003,000 figures: a sweep holds at most 10,000,000"
                + " (use at most 999 points for this model)", e.getMessage());
        Path f = dir.resolve("large.json");
        Files.writeString(f, json);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(HANG, () -> Cli.run(new String[] {"sweep", f.toString(), "--driver", "mau", "--from", "1",
                "--to", "2", "--points", "1000000"}, new PrintWriter(out), new PrintWriter(err)));
        assertEquals(2, code);
        assertTrue(err.toString().startsWith(f + ": --points: 1,000,000 points x (10,000 categories + 3)"), err.toString());
    }
}
