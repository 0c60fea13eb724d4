package costscope.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** export-table output of a seed scenario equals checked-in files byte for byte. */
class ExportTableTest {
    static final Path INNERWORLD = Path.of("sample-scenarios/innerworld.json");

    record Out(int code, String out, String err) {
    }

    static Out run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Out(code, o.toString(), e.toString());
    }

    @Test
    void breakdownCsvEqualsTheExpectedFile() throws Exception {
        Out r = run("export-table", INNERWORLD.toString(), "--table", "breakdown", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(Path.of("src/test/resources/expected/innerworld-breakdown.csv")), r.out().getBytes("UTF-8"));
    }

    @Test
    void scalePointCsvEqualsTheExpectedFile() throws Exception {
        Out r = run("export-table", INNERWORLD.toString(), "--table", "scale-points", "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(Path.of("src/test/resources/expected/innerworld-scale-points.csv")), r.out().getBytes("UTF-8"));
    }

    @Test
    void csvHasPlainNumbersAndMarkdownIsFormatted() {
        String csv = run("export-table", INNERWORLD.toString(), "--table", "scale-points", "--format", "csv", "--at", "10K").out();
        assertTrue(csv.contains("\nmonthlyTotal,533.93,2309,18504,91630,183056\n"), csv);
        String md = run("export-table", INNERWORLD.toString(), "--table", "scale-points", "--format", "markdown").out();
        assertTrue(md.startsWith("|  | 10 | 1K | 10K | 50K | 100K |\n|---|---:|---:|---:|---:|---:|\n"), md);
        assertTrue(md.contains("| Monthly total | $533.93 | $2,309.00 | $18,504.00 | $91,630.00 | $183,056.00 |\n"), md);
    }

    @Test
    void auditExportsEveryStatedFigure() {
        String csv = run("export-table", "sample-scenarios/beatsight.json", "--table", "audit", "--format", "csv").out();
        List<String> lines = csv.lines().toList();
        assertEquals("label,at,of,stated,computed,difference,agrees", lines.get(0));
        assertEquals(21, lines.size(), "a header and 20 stated figures");
        assertEquals("AI Separation + Transcription ~$0.05 per run (stage table),1K,unitPrice(gpu_separation),0.05,0.055,0.005,false", lines.get(1));
    }

    @Test
    void outWritesTheFileAtomically(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("b.csv");
        Out r = run("export-table", INNERWORLD.toString(), "--table", "breakdown", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + out + "\n", r.out());
        assertArrayEquals(Files.readAllBytes(Path.of("src/test/resources/expected/innerworld-breakdown.csv")), Files.readAllBytes(out));
        try (var s = Files.list(dir)) {
            assertEquals(List.of("b.csv"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void badTableNamesTheFile() {
        Out r = run("export-table", INNERWORLD.toString(), "--table", "pie");
        assertEquals(2, r.code());
        assertEquals(INNERWORLD + ": --table pie: expected one of breakdown, scale-points, audit\n", r.err());
    }
}
