package costscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export-table --out}: never over the scenario it reads (however named), and a bad output path is exit 2
 * with a message naming the path given and what is wrong, never a temporary file or a stack trace.
 */
class ExportTableOutputTest {

    static ExportTableTest.Out export(Path scenario, Path out) {
        return ExportTableTest.run("export-table", scenario.toString(), "--table", "breakdown", "--format", "csv", "--out", out.toString());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theScenarioIsNeverReplacedByItsOwnExport(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("x.json");
        Files.copy(ExportTableTest.INNERWORLD, scenario);
        byte[] before = Files.readAllBytes(scenario);
        Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("x.json"));
        Files.createLink(dir.resolve("hard.csv"), scenario);
        Path cwdRelative = Path.of("").toAbsolutePath().relativize(scenario);
        for (Path out : List.of(scenario, dir.resolve("./x.json"), cwdRelative, dir.resolve("link.csv"), dir.resolve("hard.csv"))) {
            ExportTableTest.Out r = export(scenario, out);
            assertEquals(2, r.code(), out.toString());
            assertEquals("cannot write " + out + ": it is the same file as " + scenario + ", which this command reads; writing it would replace "
                    + scenario + "\n", r.err());
            assertEquals("", r.out());
            assertArrayEquals(before, Files.readAllBytes(scenario), "the scenario is untouched");
        }
        assertEquals(List.of("hard.csv", "link.csv", "x.json"), names(dir));
    }

    @Test
    void badOutputPathsAreExit2NamingThePathAndTheProblem(@TempDir Path dir) throws IOException {
        Path scenario = ExportTableTest.INNERWORLD;
        Path file = Files.writeString(dir.resolve("a.txt"), "a");
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path roFile = Files.writeString(dir.resolve("locked.csv"), "locked");
        Files.setPosixFilePermissions(roFile, PosixFilePermissions.fromString("r--r-----"));
        try {
            String d = dir.toString();
            expect(export(scenario, dir.resolve("missing/b.csv")), "cannot write " + d + "/missing/b.csv: folder " + d + "/missing does not exist");
            expect(export(scenario, dir), "cannot write " + d + ": is a directory");
            expect(export(scenario, file.resolve("b.csv")), "cannot write " + d + "/a.txt/b.csv: " + d + "/a.txt is a file, not a folder");
            expect(export(scenario, ro.resolve("b.csv")), "cannot write " + d + "/ro/b.csv: permission denied: folder " + d + "/ro is read-only");
            expect(export(scenario, roFile), "cannot write " + roFile + ": permission denied: " + roFile + " is read-only");
            assertEquals("locked", Files.readString(roFile));
            assertEquals(List.of("a.txt", "locked.csv", "ro"), names(dir));
            assertEquals(List.of(), names(ro));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void expect(ExportTableTest.Out r, String message) {
        assertEquals(2, r.code(), r.err());
        assertEquals(message + "\n", r.err());
        assertEquals("", r.out());
    }
}
