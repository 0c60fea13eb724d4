package costscope.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * What the commands print, made safe for a terminal: a control character from a file (an escape sequence that clears
 * the screen, moves the cursor or retitles the window; a carriage return that overwrites a line; a bidirectional
 * override that reverses text) is written as a visible "\\u001B" (backslash, u, code) instead of being obeyed. Line breaks and tabs
 * pass, and a carriage return only as part of a CRLF line break.
 */
final class TerminalText extends Writer {
    private final Writer out;
    private boolean pendingCr;

    TerminalText(Writer out) {
        this.out = out;
    }

    /** Whether a character would be obeyed by a terminal (or reorder what follows) rather than shown. */
    static boolean unsafe(char c) {
        return c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        StringBuilder b = new StringBuilder(len + 8);
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (pendingCr) {
                b.append(c == '\n' ? "\r" : "\\u000D");
                pendingCr = false;
            }
            if (c == '\r') pendingCr = true;
            else if (unsafe(c)) b.append(String.format("\\u%04X", (int) c));
            else b.append(c);
        }
        out.write(b.toString());
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingCr) out.write("\\u000D");
        pendingCr = false;
        out.close();
    }
}
