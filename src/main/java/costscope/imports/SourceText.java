package costscope.imports;

import costscope.model.InputException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An estimate file's bytes as text: UTF-8 with or without a byte-order mark, UTF-16 with one (as PowerShell writes
 * a redirected output), or, for a CSV that is not UTF-8, the Windows-1252 of older calculator exports.
 */
final class SourceText {
    private SourceText() {
    }

    /** The text, and how it was written (for the report). */
    record Decoded(String text, String encoding) {
    }

    static Decoded decode(byte[] b, String source, boolean legacyAllowed) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new Decoded(strict(b, 2, StandardCharsets.UTF_16LE, source), "UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new Decoded(strict(b, 2, StandardCharsets.UTF_16BE, source), "UTF-16BE");
        }
        int start = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return new Decoded(decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(b, start, b.length - start)).toString(), "UTF-8");
        } catch (CharacterCodingException e) {
            if (!legacyAllowed) throw new InputException(source + ": not UTF-8 or UTF-16 text");
            // Windows-1252 maps every byte but five; those (and a stray 0xFF before the header) read as Latin-1
            StringBuilder out = new StringBuilder(b.length);
            Charset cp = Charset.forName("windows-1252");
            for (int i = start; i < b.length; i++) {
                byte[] one = {b[i]};
                String c = new String(one, cp);
                out.append(c.equals("\ufffd") ? (char) (b[i] & 0xff) : c.charAt(0));
            }
            return new Decoded(out.toString(), "Windows-1252");
        }
    }

    private static String strict(byte[] b, int start, Charset cs, String source) {
        try {
            return decoder(cs).decode(ByteBuffer.wrap(b, start, b.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(source + ": not valid " + cs.name() + " text after its byte-order mark");
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
