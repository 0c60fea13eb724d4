package costscope.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output is never a file the command reads, however it is named; a bad output path says what is wrong. */
class OutputsTest {

    @Test
    void everyNameOfTheInputIsRefused(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("model.json");
        Files.writeString(input, "{}");
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path linkedDir = Files.createSymbolicLink(dir.resolve("linked"), sub);
        Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("model.json"));
        Files.createLink(dir.resolve("hard.csv"), input);
        Files.createSymbolicLink(sub.resolve("up.csv"), Path.of("../model.json"));
        Path relative = Path.of("").toAbsolutePath().relativize(input);

        List<Path> names = new ArrayList<>(List.of(input, dir.resolve("./model.json"), dir.resolve("sub/../model.json"),
                relative, dir.resolve("link.csv"), dir.resolve("hard.csv"), sub.resolve("up.csv"), linkedDir.resolve("up.csv")));
        for (Path out : names) {
            OutputException e = assertThrows(OutputException.class, () -> Outputs.check(out, input), out.toString());
            assertEquals("cannot write " + out + ": it is the same file as " + input + ", which this command reads; writing it would replace "
                    + input, e.getMessage());
            // and the input named in any of these ways too
            assertThrows(OutputException.class, () -> Outputs.check(input, out), out.toString());
        }
        assertEquals("{}", Files.readString(input));
    }

    @Test
    void anotherFileEvenWithTheSameContentIsFine(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("model.json");
        Files.writeString(input, "{}");
        Path copy = dir.resolve("copy.json");
        Files.copy(input, copy);
        Outputs.check(copy, input);
        Outputs.check(dir.resolve("new.csv"), input);
        Outputs.check(dir.resolve("new.csv"));
        Outputs.check(dir.resolve("new.csv"), dir.resolve("missing.json"), null);
    }

    @Test
    void creatingFoldersNeedsAFolderToCreateThemIn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.json");
        Files.writeString(file, "{}");
        Outputs.checkCreatingFolders(dir.resolve("new/deeper/x.png"), file);
        Outputs.createFolders(dir.resolve("new/deeper/x.png"));
        assertTrue(Files.isDirectory(dir.resolve("new/deeper")));
        OutputException e = assertThrows(OutputException.class, () -> Outputs.createFolders(file.resolve("charts/x.png")));
        assertEquals("cannot write " + file + "/charts/x.png: " + file + " is a file, not a folder", e.getMessage());
        e = assertThrows(OutputException.class, () -> Outputs.check(dir.resolve("other/x.png")));
        assertEquals("cannot write " + dir + "/other/x.png: folder " + dir + "/other does not exist", e.getMessage());
    }
}
