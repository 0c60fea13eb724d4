package costscope.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way files are written: whole or not at all, and nothing left behind. */
class AtomicFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheExactBytesAndReplacesTheOldFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.csv");
        Files.writeString(f, "old, longer content\n");
        AtomicFiles.write(f, "a,b\n1,€2\n");
        assertEquals(List.of((byte) 'a', (byte) ',', (byte) 'b', (byte) '\n', (byte) '1', (byte) ',', (byte) 0xE2, (byte) 0x82,
                (byte) 0xAC, (byte) '2', (byte) '\n'), toList(Files.readAllBytes(f)));
        assertEquals(List.of("out.csv"), names(dir));
    }

    @Test
    void aWriterThatFailsHalfwayLeavesThePreviousFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("chart.svg");
        Files.writeString(f, "<svg>previous</svg>");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, tmp -> {
            Files.writeString(tmp, "<svg>half", StandardCharsets.UTF_8);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("<svg>previous</svg>", Files.readString(f));
        assertEquals(List.of("chart.svg"), names(dir));
    }

    @Test
    void aMissingFolderIsAnErrorNotCreated(@TempDir Path dir) {
        assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("no/such/folder/x.csv"), "x"));
        assertEquals(false, Files.exists(dir.resolve("no")));
    }

    private static List<Byte> toList(byte[] b) {
        Byte[] out = new Byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = b[i];
        return List.of(out);
    }
}
