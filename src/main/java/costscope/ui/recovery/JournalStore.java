package costscope.ui.recovery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import costscope.files.AtomicFiles;
import costscope.files.ScenarioFiles;
import costscope.model.Scenario;
import costscope.model.ScenarioException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder where unsaved work is journaled so that it survives a crash ({@code ~/.costscope/recovery} for the
 * app): one file per open document, named after the process that keeps it, {@code journal-PID-START-ID.json}
 * (START: when that process started, so a reused process id is not mistaken for it). An instance only ever
 * writes and deletes its own journals; the journals of a process that has ended are offered back at the next start.
 * A journal holds the scenario as {@link ScenarioFiles#toJson} writes it, the file it belongs in and when it was
 * written, and is written through {@link AtomicFiles}. A null folder keeps nothing (headless commands, most tests).
 * Thread-safe: journals are written on the background thread.
 */
public final class JournalStore {
    /** How soon after a change unsaved work is journaled, at the latest. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);
    static final String FORMAT = "costscope-recovery";
    static final int VERSION = 1;
    private static final Pattern JOURNAL = Pattern.compile("journal-(\\d+)-(\\d+)-([0-9a-f]+)\\.json");
    /** What {@link AtomicFiles} leaves behind when the process is killed in the middle of a write. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.journal-(\\d+)-(\\d+)-[0-9a-f]+\\.json\\..*\\.tmp");
    private static final JsonFactory JSON = new JsonFactory();

    private final Path dir;
    private final Duration delay;
    private final long pid;
    private final long started;

    /** Journals in {@code dir} (null: none), written {@link #DEFAULT_DELAY} after a change at the latest. */
    public JournalStore(Path dir) {
        this(dir, DEFAULT_DELAY);
    }

    public JournalStore(Path dir, Duration delay) {
        this.dir = dir == null ? null : dir.toAbsolutePath();
        this.delay = delay;
        ProcessHandle self = ProcessHandle.current();
        this.pid = self.pid();
        this.started = startOf(self);
    }

    /** The app's folder: ~/.costscope/recovery (beside recent-files.txt). */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".costscope", "recovery");
    }

    /** The folder, or null when nothing is kept. */
    public Path dir() {
        return dir;
    }

    public Duration delay() {
        return delay;
    }

    boolean enabled() {
        return dir != null;
    }

    /** A journal for one document of this process; nothing is written until it is. */
    Slot newSlot() {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new Slot(dir == null ? null : dir.resolve("journal-" + pid + "-" + started + "-" + id + ".json"));
    }

    /**
     * The journals left by processes that have ended, newest first. Leftover temporary files of those processes are
     * deleted; a journal that cannot be read is left where it is and not offered.
     */
    public List<Journal> orphans() throws IOException {
        List<Journal> out = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) return out;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                Matcher t = TEMPORARY.matcher(name);
                if (t.matches()) {
                    if (!alive(Long.parseLong(t.group(1)), Long.parseLong(t.group(2)))) Files.deleteIfExists(p);
                    continue;
                }
                Matcher m = JOURNAL.matcher(name);
                if (!m.matches() || alive(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) continue;
                try {
                    out.add(read(p));
                } catch (IOException | ScenarioException | RuntimeException e) {
                    // unreadable (it should not happen: journals are written atomically): not offered, not deleted
                }
            }
        }
        out.sort(Comparator.comparing(Journal::savedAt).reversed());
        return out;
    }

    /**
     * Reads one journal. The scenario is cut out of the journal's text as written, not read into a tree and written
     * again, so every number keeps its spelling ("3.00" stays "3.00").
     */
    static Journal read(Path p) throws IOException, ScenarioException {
        if (Files.size(p) > 2 * ScenarioFiles.MAX_BYTES) throw new IOException("journal too large: " + p);
        String text = Files.readString(p, StandardCharsets.UTF_8);
        String format = null;
        int version = -1;
        Instant savedAt = null;
        Path file = null;
        String scenario = null;
        try (JsonParser g = JSON.createParser(text)) {
            if (g.nextToken() != JsonToken.START_OBJECT) throw new IOException("not a journal: " + p);
            while (g.nextToken() == JsonToken.FIELD_NAME) {
                String field = g.currentName();
                JsonToken t = g.nextToken();
                switch (field) {
                    case "format" -> format = g.getValueAsString();
                    case "version" -> version = g.getValueAsInt(-1);
                    case "savedAt" -> savedAt = Instant.parse(g.getText());
                    case "file" -> file = t == JsonToken.VALUE_NULL ? null : Path.of(g.getText());
                    case "scenario" -> {
                        if (t != JsonToken.START_OBJECT) throw new IOException("no scenario in " + p);
                        int from = (int) g.currentTokenLocation().getCharOffset();
                        g.skipChildren();
                        scenario = text.substring(from, (int) g.currentLocation().getCharOffset());
                    }
                    default -> g.skipChildren();
                }
            }
        }
        if (!FORMAT.equals(format) || version != VERSION || savedAt == null || scenario == null) {
            throw new IOException("not a version " + VERSION + " journal: " + p);
        }
        // the structure only: work in progress may hold a formula that does not compile yet, as the app allows
        return new Journal(p, savedAt, file, ScenarioFiles.parseStructure(scenario, p.toString()));
    }

    /** The text of a journal. */
    String text(Scenario s, Path file, Instant savedAt) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("savedAt", savedAt.toString());
            g.writeNumberField("pid", pid);
            if (file == null) g.writeNullField("file");
            else g.writeStringField("file", file.toAbsolutePath().toString());
            g.writeFieldName("scenario");
            g.writeRawValue(ScenarioFiles.toJson(s).strip());
            g.writeEndObject();
        }
        return w + "\n";
    }

    /** Whether process {@code pid}, started at {@code started} (epoch millis), is still running. */
    static boolean alive(long pid, long started) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) return false;
        long s = startOf(h.get());
        // unknown start times count as the same process: never offer a journal that may still be in use
        return s == 0 || started == 0 || Math.abs(s - started) < 1000;
    }

    private static long startOf(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /**
     * One document's journal. Writes and deletes are numbered on the FX thread in the order they were asked for,
     * and one that runs after a later one does nothing, so a late write never brings back a deleted journal.
     */
    final class Slot {
        private final Path path;
        private long done;

        private Slot(Path path) {
            this.path = path;
        }

        /** The journal's file (it may not exist). */
        Path path() {
            return path;
        }

        synchronized void write(long sequence, Scenario s, Path file) throws IOException {
            if (path == null || sequence <= done) return;
            done = sequence;
            String text = text(s, file, Instant.now());
            Files.createDirectories(path.getParent());
            AtomicFiles.write(path, text);
        }

        synchronized void delete(long sequence) throws IOException {
            if (path == null || sequence <= done) return;
            done = sequence;
            Files.deleteIfExists(path);
        }

        /** Deletes the journal, and no write asked for before runs after. */
        synchronized void close() throws IOException {
            done = Long.MAX_VALUE;
            if (path != null) Files.deleteIfExists(path);
        }

        /**
         * Takes over a journal left by an ended process by moving it here: false if another instance took it first.
         */
        synchronized boolean claim(Journal j) throws IOException {
            if (path == null) return false;
            try {
                try {
                    Files.move(j.path(), path, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(j.path(), path);
                }
                return true;
            } catch (NoSuchFileException e) {
                return false;
            }
        }
    }
}
