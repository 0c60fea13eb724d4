package costscope.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing a file or an argument says reaches the terminal as a control sequence. */
class TerminalTextTest {
    private static String through(String text, int chunk) throws IOException {
        StringWriter sink = new StringWriter();
        try (TerminalText t = new TerminalText(sink)) {
            for (int i = 0; i < text.length(); i += chunk) t.write(text, i, Math.min(chunk, text.length() - i));
        }
        return sink.toString();
    }

    private static boolean hasUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') continue;
            if (TerminalText.unsafe(c) || c == '\r') return true;
        }
        return false;
    }

    @Test
    void everyControlCharacterIsShownNotObeyedWhateverTheWritesLookLike() throws IOException {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c <= 0x9F; c++) all.append('<').append(c).append('>');
        for (char c = 0x2000; c <= 0x206F; c++) all.append(c);
        for (int chunk : new int[] {1, 2, 3, 7, 1000}) {
            String out = through(all.toString(), chunk);
            assertFalse(hasUnsafe(out), "chunk " + chunk);
            assertEquals(through(all.toString(), 1000), out, "the same whatever the chunks");
        }
        assertEquals("a\\u001B[2Jb\\u0007c", through("a\u001B[2Jb\u0007c", 1));
        assertEquals("line\r\nnext\tcol\n", through("line\r\nnext\tcol\n", 1), "line breaks and tabs pass");
        assertEquals("fake\\u000Dreal", through("fake\rreal", 1), "a lone carriage return cannot overwrite a line");
        assertEquals("x\\u000D", through("x\r", 1), "not even at the very end");
        assertEquals("\\u202Eevil", through("\u202Eevil", 1));
        assertEquals("no\u00e9 \u20ac \u4e2d", through("no\u00e9 \u20ac \u4e2d", 2), "other text is untouched");
    }

    @Test
    void argumentsEchoedInMessagesAreShownNotObeyed() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"evaluate", "sample-scenarios/raptorflow.json", "--set", "\u001B]0;pwned\u0007=5"},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code);
        assertFalse(hasUnsafe(err.toString()), err.toString());
        assertTrue(err.toString().contains("\\u001B]0;pwned\\u0007"), err.toString());
    }

    @Test
    void aDescriptionsCarriageReturnCannotOverwriteALine(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = dir.resolve("cr.json");
        Files.writeString(f, Files.readString(Path.of("sample-scenarios/raptorflow.json"))
                .replaceFirst("\"description\": \"", "\"description\": \"fake total \\\\r"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"table", f.toString(), "--format", "text"}, new PrintWriter(out), new PrintWriter(err));
        assertTrue(code == 0 || code == 2, err.toString());
        assertFalse(hasUnsafe(out.toString() + err.toString()));
    }
}
