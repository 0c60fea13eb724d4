package costscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static costscope.cli.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bench-launch}: two real cold starts (a bare JavaFX window and the app on InnerWorld), each in its own process,
 * each timed to its launch probe; the app's probe reports the sample it showed and its total, so the start is known
 * to have reached the drawn window (here headless, as CI has no display).
 */
class LaunchBenchTest {
    @Test
    void coldStartsReachTheirWindows() throws Exception {
        CliTest.Run r = cli("bench-launch", "--runs", "1", "--format", "json", "--app", "does/not/exist");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--app does/not/exist: no such launcher"), r.err());

        r = cli("bench-launch", "sample-scenarios/innerworld.json", "--runs", "1", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(1, j.get("runs").asInt());
        JsonNode starts = j.get("starts");
        assertEquals("bare JavaFX window", starts.get(0).get("name").asText());
        assertEquals("bare window", starts.get(0).get("shown").asText());
        assertEquals("app (this jar)", starts.get(1).get("name").asText());
        assertEquals("InnerWorld infrastructure (10 to 100,000 concurrent users) | $2,309.00", starts.get(1).get("shown").asText());
        for (JsonNode s : starts) {
            long ms = s.get("medianMillis").asLong();
            assertTrue(ms > 0 && ms < 120_000, s.toString());
            assertEquals(ms, s.get("millis").get(0).asLong());
        }
        assertEquals(starts.get(1).get("medianMillis").asLong() - starts.get(0).get("medianMillis").asLong(),
                starts.get(1).get("overBareMillis").asLong());
        assertEquals(Math.round(100.0 * starts.get(1).get("medianMillis").asLong() / starts.get(0).get("medianMillis").asLong()) / 100.0,
                starts.get(1).get("timesBare").asDouble(), 0.0);
        assertEquals(1.0, starts.get(0).get("timesBare").asDouble(), 0.0);
        assertEquals(2.26, LaunchBench.timesBare(1857, 820), 0.0);
    }

    @Test
    void aStartThatFailsSaysWhatItPrinted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // a machine without GTK: the process prints its exception and ends; the message carries that line, exit code 2
        java.nio.file.Path log = dir.resolve("start.log");
        java.nio.file.Files.writeString(log, """
                Dec 04, 2026 4:20:10 PM com.sun.javafx.application.PlatformImpl startup
                WARNING: Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'
                Exception in thread "main" java.lang.UnsupportedOperationException: Unable to load glass GTK library.
                	at com.sun.glass.ui.gtk.GtkApplication.lambda$new$5(GtkApplication.java:177)
                """);
        assertEquals(System.lineSeparator() + "  Exception in thread \"main\" java.lang.UnsupportedOperationException: "
                + "Unable to load glass GTK library.", LaunchBench.why(log));
        java.nio.file.Files.writeString(log, "one\ntwo\n\nthree\nfour\n");
        String n = System.lineSeparator();
        assertEquals(n + "  two" + n + "  three" + n + "  four", LaunchBench.why(log));
        java.nio.file.Files.writeString(log, "");
        assertEquals(" (it printed nothing)", LaunchBench.why(log));

        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win")) return;
        java.nio.file.Path app = dir.resolve("Costscope");
        java.nio.file.Files.writeString(app, "#!/bin/sh\necho 'Exception in thread \"main\" java.lang.UnsupportedOperationException: Unable to open DISPLAY'\nexit 1\n");
        assertTrue(app.toFile().setExecutable(true));
        CliTest.Run r = cli("bench-launch", "sample-scenarios/innerworld.json", "--runs", "1", "--app", app.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("packaged app ended (exit 1) without showing its window: " + app), r.err());
        assertTrue(r.err().contains(n + "  Exception in thread \"main\" java.lang.UnsupportedOperationException: Unable to open DISPLAY"), r.err());
        assertTrue(!r.err().contains("internal error"), r.err());
    }
}
