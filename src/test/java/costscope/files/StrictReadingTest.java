package costscope.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import costscope.model.Problem;
import costscope.model.Scenario;
import costscope.model.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The file is read as written, never loosely: every value of another kind than its field's, every number too large
 * for a double, every byte that is not UTF-8 is refused with its place, anywhere in the file; and reading is bounded
 * (regular files only, 16 MiB counted while reading).
 */
class StrictReadingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = Path.of("sample-scenarios/awsomebuilder2.json");

    /** The names of the fields that hold a number or a formula (a string and a number are both right there). */
    private static Set<String> formulaFields() {
        Set<String> names = new HashSet<>();
        for (Class<?> c : ScenarioJson.class.getDeclaredClasses()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == ScenarioJson.FormulaText.class) names.add(f.getName());
            }
        }
        return names;
    }

    /** One scalar value in the file: its parent, its key or index, and its field name (the nearest object key). */
    private record Leaf(JsonNode parent, String key, int index, String field, JsonNode value) {
        void set(JsonNode v) {
            if (parent instanceof ObjectNode o) o.set(key, v);
            else ((ArrayNode) parent).set(index, v);
        }
    }

    private static void leaves(JsonNode node, String field, List<Leaf> out) {
        if (node instanceof ObjectNode o) {
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) out.add(new Leaf(o, e.getKey(), -1, e.getKey(), e.getValue()));
                else leaves(e.getValue(), e.getKey(), out);
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isValueNode()) out.add(new Leaf(a, null, i, field, a.get(i)));
                else leaves(a.get(i), field, out);
            }
        }
    }

    /**
     * Puts {@code replacement} at each scalar of the sample (one at a time, the value alone on a marked line) and
     * checks the verdict: refused with the line of the value, or (when {@code rightKind} says the value is of its
     * field's kind) accepted.
     */
    private static int attack(Function<Leaf, String> replacement, Function<Leaf, Boolean> rightKind) throws IOException {
        JsonNode root = JSON.readTree(SAMPLE.toFile());
        List<Leaf> all = new ArrayList<>();
        leaves(root, null, all);
        int refused = 0;
        for (Leaf leaf : all) {
            String text = replacement.apply(leaf);
            if (text == null) continue;
            leaf.set(new TextNode("@@MARK@@"));
            String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).replace("\"@@MARK@@\"", "\n" + text + "\n");
            leaf.set(leaf.value());
            int line = (int) json.substring(0, json.indexOf("\n" + text + "\n")).lines().count() + 1;
            String where = leaf.field() + " = " + text;
            if (rightKind.apply(leaf)) continue;
            try {
                ScenarioFiles.parseStructure(json, "attack.json");
                fail("accepted " + where);
            } catch (ScenarioException e) {
                Problem p = e.problems().get(0);
                assertEquals(line, p.place().line(), where + ": " + e.getMessage());
                refused++;
            }
        }
        return refused;
    }

    @Test
    void aNumberTooLargeForADoubleIsRefusedWhereverItStands() throws IOException {
        for (String big : List.of("1e400", "-1e400", "1" + "0".repeat(400), "1e309")) {
            int refused = attack(leaf -> big, leaf -> false);
            assertTrue(refused > 300, "every scalar of the sample: " + refused);
        }
        // and in a formula
        String formula = Files.readString(SAMPLE).replaceFirst("\"formula\": \"", "\"formula\": \"1e400 * ");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(formula, "f.json"));
        assertTrue(e.getMessage().contains("position 0: the number 1e400 is too large"), e.getMessage());
    }

    @Test
    void aBooleanIsTakenOnlyWhereTrueOrFalseIsMeant() throws IOException {
        int refused = attack(leaf -> "true", leaf -> leaf.value().isBoolean());
        assertTrue(refused > 300, "refused: " + refused);
    }

    @Test
    void aNumberIsNotTakenAsTextNorTextAsANumber() throws IOException {
        Set<String> formulas = formulaFields();
        assertTrue(formulas.containsAll(List.of("quantity", "unitPrice", "formula")), formulas.toString());
        int refused = attack(leaf -> leaf.value().isTextual() ? "3.5" : leaf.value().isNumber() ? "\"3.5\"" : null,
                leaf -> formulas.contains(leaf.field()));
        assertTrue(refused > 100, "refused: " + refused);
        String json = Files.readString(SAMPLE);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json.replace("\"version\": 1", "\"version\": 1.9"), "v.json"));
        assertEquals("v.json: line 3, column 14 (version): expected a whole number, found 1.9", e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json.replace("\"version\": 1", "\"version\": 1.0"), "v.json"));
        assertEquals("v.json: line 3, column 14 (version): expected a whole number, found 1.0", e.getMessage());
    }

    @Test
    void controlCharactersAndHalfCharactersAreRefusedInEveryTextField() throws IOException {
        Set<String> formulas = formulaFields();
        for (String bad : List.of("\"a\\u001B[2Jb\"", "\"a\\u0007\"", "\"a\\u009B\"", "\"a\\ud800b\"", "\"a\\udc00\"")) {
            int refused = attack(leaf -> leaf.value().isTextual() && !formulas.contains(leaf.field()) ? bad : null, leaf -> false);
            assertTrue(refused > 100, bad + ": refused " + refused);
        }
        // a line break only in free text; a whole character outside the BMP is text like any other
        int refused = attack(leaf -> leaf.value().isTextual() && !formulas.contains(leaf.field()) ? "\"a\\nb\"" : null,
                leaf -> leaf.field().equals("description") || leaf.field().equals("note"));
        assertTrue(refused > 100, "refused " + refused);
        attack(leaf -> leaf.field().equals("label") ? "\"a \\ud83d\\ude00 b\"" : null, leaf -> true);
        String json = Files.readString(SAMPLE).replace("\"label\": \"", "\"label\": \"\\ud83d\\ude00 ");
        assertTrue(ScenarioFiles.toJson(assertDoesNotThrowScenario(json)).contains("\ud83d\ude00 "), "kept and saved whole");
    }

    private static Scenario assertDoesNotThrowScenario(String json) {
        try {
            return ScenarioFiles.parse(json, "ok.json");
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    void moreJsonAfterTheScenarioIsSaidPlainly() throws IOException {
        String json = Files.readString(SAMPLE).stripTrailing();
        int lines = (int) json.lines().count();
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json + " {}", "t.json"));
        assertEquals("t.json: line " + lines + ", column 3: more JSON after the end of the scenario object (found an object)", e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse(json + "\n[1]", "t.json"));
        assertEquals("t.json: line " + (lines + 1) + ", column 1: more JSON after the end of the scenario object (found an array)", e.getMessage());
    }

    // ---------------------------------------------------------------------------------------------------------
    // bytes

    @Test
    void aUtf8ByteOrderMarkIsSkipped(@TempDir Path dir) throws IOException, ScenarioException {
        Path bom = dir.resolve("bom.json");
        byte[] plain = Files.readAllBytes(SAMPLE);
        byte[] with = new byte[plain.length + 3];
        with[0] = (byte) 0xEF;
        with[1] = (byte) 0xBB;
        with[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, with, 3, plain.length);
        Files.write(bom, with);
        Scenario a = ScenarioFiles.load(bom);
        assertEquals(ScenarioFiles.load(SAMPLE), a);
    }

    @Test
    void utf16IsRefusedWithWhatToDo(@TempDir Path dir) throws IOException {
        for (String cs : List.of("UTF-16BE", "UTF-16LE")) {
            Path f = dir.resolve(cs + ".json");
            byte[] body = Files.readString(SAMPLE).getBytes(cs);
            byte[] bytes = new byte[body.length + 2];
            bytes[0] = (byte) (cs.endsWith("BE") ? 0xFE : 0xFF);
            bytes[1] = (byte) (cs.endsWith("BE") ? 0xFF : 0xFE);
            System.arraycopy(body, 0, bytes, 2, body.length);
            Files.write(f, bytes);
            assertEquals(f + ": the file is UTF-16 text; save it as UTF-8", assertThrows(ScenarioException.class, () -> ScenarioFiles.load(f)).getMessage());
        }
    }

    @Test
    void invalidUtf8AnywhereIsRefusedAtItsLineAndColumn(@TempDir Path dir) throws IOException {
        byte[] plain = Files.readAllBytes(SAMPLE);
        String text = new String(plain, StandardCharsets.UTF_8);
        Random r = new Random(5);
        List<byte[]> bad = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80});
        for (int k = 0; k < 200; k++) {
            // a place between two ASCII characters (so the insertion does not complete a character of the file)
            int at;
            do {
                at = r.nextInt(plain.length);
            } while ((plain[at] & 0x80) != 0 || at > 0 && (plain[at - 1] & 0x80) != 0);
            byte[] b = bad.get(k % bad.size());
            byte[] bytes = new byte[plain.length + b.length];
            System.arraycopy(plain, 0, bytes, 0, at);
            System.arraycopy(b, 0, bytes, at, b.length);
            System.arraycopy(plain, at, bytes, at + b.length, plain.length - at);
            Path f = dir.resolve("bad" + k + ".json");
            Files.write(f, bytes);
            String before = new String(plain, 0, at, StandardCharsets.UTF_8);
            int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
            int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(f));
            assertEquals(f + ": line " + line + ", column " + column + ": not UTF-8 text: byte 0x" + String.format("%02X", b[0] & 0xff)
                    + " at offset " + at + " cannot start or continue a character", e.getMessage(), "inserted at " + at + " of " + text.length());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // what is read, and how much

    @Test
    void onlyRegularFilesAreReadAndFoldersDevicesAndPipesAreRefusedBeforeReading(@TempDir Path dir) throws Exception {
        String notRegular = ": is not a regular file (a pipe, socket or device); scenario files are read from disk";
        for (String device : List.of("/dev/zero", "/dev/null", "/dev/urandom")) {
            if (Files.exists(Path.of(device))) {
                assertEquals(device + notRegular, assertThrows(ScenarioException.class, () -> ScenarioFiles.load(Path.of(device))).getMessage());
            }
        }
        assertEquals(dir + ": is a folder, not a scenario file", assertThrows(ScenarioException.class, () -> ScenarioFiles.load(dir)).getMessage());
        Path fifo = dir.resolve("fifo");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            // a pipe with no writer: opening it would wait forever
            assertEquals(fifo + notRegular, assertThrows(ScenarioException.class, () -> ScenarioFiles.load(fifo)).getMessage());
        }
        // a link to a regular file is read
        Path link = dir.resolve("link.json");
        Files.createSymbolicLink(link, SAMPLE.toAbsolutePath());
        assertEquals(ScenarioFiles.load(SAMPLE), ScenarioFiles.load(link));
    }

    @Test
    void aFileOverTheLimitIsRefusedNamingTheLimit(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ScenarioFiles.MAX_BYTES + 1);   // sparse: no disk used
        }
        assertEquals(big + ": file is larger than 16 MiB (the limit)", assertThrows(ScenarioException.class, () -> ScenarioFiles.load(big)).getMessage());
        Path exact = dir.resolve("exact.json");
        try (RandomAccessFile f = new RandomAccessFile(exact.toFile(), "rw")) {
            f.setLength(ScenarioFiles.MAX_BYTES);
        }
        // exactly at the limit it is read (and refused for what it holds: zero bytes are not JSON)
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(exact));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        assertEquals(new BigDecimal(16 * 1024 * 1024), new BigDecimal(ScenarioFiles.MAX_BYTES));
    }

    @Test
    void textBoolNumberNodesAreTheOnlyScalarsInTheSample() throws IOException {
        List<Leaf> all = new ArrayList<>();
        leaves(JSON.readTree(SAMPLE.toFile()), null, all);
        assertTrue(all.stream().allMatch(l -> l.value() instanceof TextNode || l.value() instanceof BooleanNode || l.value().isNumber()
                || l.value() instanceof DoubleNode), "the attacks above cover every scalar");
    }
}
