package costscope.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import costscope.files.ScenarioFiles;
import costscope.model.InputException;
import costscope.model.ScenarioException;

import java.nio.file.Path;

/**
 * Reads an estimate file into a scenario: the format told ({@code --from}) or found from the content, the bytes read
 * with a scenario file's limits. A file that is none of the formats, or broken, is an {@link InputException} that
 * names the file and says why (the command line exits with 2); nothing in a file can run code.
 */
public final class Importers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Importers() {
    }

    /** Imports {@code file} as {@code from}, or as the format its content shows when {@code from} is null. */
    public static Imported read(Path file, ImportFormat from) {
        byte[] bytes;
        try {
            bytes = ScenarioFiles.bytes(file);
        } catch (ScenarioException e) {
            throw new InputException(file + ": " + e.problems().get(0).message());
        }
        return read(bytes, file.toString(), from);
    }

    /**
     * Whether a file looks like an estimate to import rather than a scenario to open (for a file dropped on the
     * window): a CSV, or JSON that is an AWS Pricing Calculator export or an Infracost output. Reads at most 64 KiB.
     */
    public static boolean isEstimate(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv")) return true;
        byte[] head;
        try (var in = java.nio.file.Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        } catch (java.io.IOException | RuntimeException e) {
            return false;   // opening it says what is wrong
        }
        String text = SourceText.decode(head, name, true).text();
        if (text.contains("\"costscope-scenario\"")) return false;
        return text.contains("\"Total Cost\"") || text.contains("\"Groups\"") || text.contains("\"projects\"");
    }

    /** Imports the bytes of a file named {@code source}. */
    public static Imported read(byte[] bytes, String source, ImportFormat from) {
        if (bytes.length == 0) throw new InputException(source + ": the file is empty");
        SourceText.Decoded d = SourceText.decode(bytes, source, from != ImportFormat.AWS_JSON && from != ImportFormat.INFRACOST);
        String text = d.text();
        if (binary(text)) throw new InputException(source + ": binary data, not an estimate exported as JSON or CSV");
        String body = text.strip().replaceFirst("^\u00ff", "").strip();
        if (body.isEmpty()) throw new InputException(source + ": the file has no content (only blanks)");
        boolean json = body.startsWith("{") || body.startsWith("[");
        ImportFormat format = from;
        if (json && from != ImportFormat.AWS_CSV) {
            JsonNode root = parse(body, source);
            if (format == null) format = detectJson(root, source);
            return encoding(format == ImportFormat.INFRACOST ? InfracostImport.read(root, source) : AwsJsonImport.read(root, source), d);
        }
        if (format == null) {
            if (!AwsCsvImport.looksLike(body)) {
                throw new InputException(source + ": not an estimate Costscope imports: not JSON, and no AWS Pricing"
                        + " Calculator CSV header (\"Group hierarchy,Region,...\" or \"Estimate summary\") in it");
            }
            format = ImportFormat.AWS_CSV;
        }
        if (format != ImportFormat.AWS_CSV) throw notFormat(source, format, "it is not JSON");
        return encoding(AwsCsvImport.read(body, source), d);
    }

    private static Imported encoding(Imported r, SourceText.Decoded d) {
        if (d.encoding().equals("UTF-8")) return r;
        ImportReport p = r.report();
        java.util.List<String> notes = new java.util.ArrayList<>(p.notes());
        notes.add(0, "the file is " + d.encoding() + " text" + (d.encoding().equals("Windows-1252") ? " (not UTF-8: an older"
                + " calculator export), read as such" : ""));
        return new Imported(r.scenario(), new ImportReport(p.source(), p.format(), p.items(), p.categories(), p.drivers(), p.unread(), notes));
    }

    private static boolean binary(String text) {
        int control = 0;
        int n = Math.min(text.length(), 4096);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) return true;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') control++;
        }
        return control > 8;
    }

    private static JsonNode parse(String body, String source) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new InputException(source + ": not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + e.getOriginalMessage().replaceAll("\\s+", " ")
                    + (e.getOriginalMessage().contains("end-of-input") ? " (the file is cut short)" : ""));
        }
    }

    private static ImportFormat detectJson(JsonNode root, String source) {
        if (root.isObject() && root.has("projects") && root.path("projects").isArray()) return ImportFormat.INFRACOST;
        if (root.isObject() && (root.has("Groups") || root.has("Total Cost"))) return ImportFormat.AWS_JSON;
        if (root.isObject() && "costscope-scenario".equals(root.path("format").asText())) {
            throw new InputException(source + ": this is already a Costscope scenario: open it instead of importing it");
        }
        throw new InputException(source + ": JSON, but not an estimate Costscope imports: an AWS Pricing Calculator export"
                + " has \"Groups\" and \"Total Cost\", an Infracost output (breakdown --format json) has \"projects\"; this "
                + (root.isObject() ? "has " + fieldNames(root) : "is a JSON " + root.getNodeType().name().toLowerCase()));
    }

    private static String fieldNames(JsonNode root) {
        java.util.List<String> names = new java.util.ArrayList<>();
        root.fieldNames().forEachRemaining(n -> names.add("\"" + n + "\""));
        if (names.isEmpty()) return "no fields";
        return String.join(", ", names.subList(0, Math.min(5, names.size()))) + (names.size() > 5 ? ", ..." : "");
    }

    /** The file is not the format it was read as. */
    static InputException notFormat(String source, ImportFormat format, String why) {
        return new InputException(source + ": not an " + format.title + ": " + why);
    }
}
