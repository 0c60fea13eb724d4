package costscope.ui;

import costscope.files.ScenarioFiles;
import costscope.ui.files.AppState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the app opens at start, found and read while the toolkit starts: the file named, else the last one open, else
 * the sample; read as File > Open reads it (its error, if it cannot be); and what the app remembers.
 */
class OpeningTest {
    static final Path BEATSIGHT = Path.of("sample-scenarios/beatsight.json");
    @TempDir
    Path tmp;

    @Test
    void theFileNamedIsChosenAndRead() throws Exception {
        Opening o = Opening.begin(List.of(BEATSIGHT.toString()), null, null);
        assertEquals(BEATSIGHT, o.choice().file());
        assertEquals(ScenarioFiles.load(BEATSIGHT), o.reading().get());
    }

    @Test
    void withoutOneTheLastFileOpenThenTheSampleAndWhatIsRemembered() throws Exception {
        Path store = tmp.resolve("state.json");
        Path last = tmp.resolve("last.json");
        Files.copy(BEATSIGHT, last);
        AppState state = new AppState(store);
        state.lastFile(last);
        state.theme("dark");
        state.save();

        Opening o = Opening.begin(List.of(), store, null);
        assertEquals(last, o.choice().file(), "the file open when the app last closed");
        assertEquals("dark", o.choice().state().theme(), "what the app remembers, read on the same thread");
        assertEquals(ScenarioFiles.load(last), o.reading().get());

        Files.delete(last);
        Opening gone = Opening.begin(List.of(), store, null);
        assertEquals(CostscopeApp.DEFAULT_SCENARIO, gone.choice().file(), "that file gone: the sample");
        assertEquals("InnerWorld infrastructure (10 to 100,000 concurrent users)", gone.reading().get().name());

        Opening nothing = Opening.begin(List.of(), null, null);
        assertNull(nothing.choice().state().lastFile(), "nothing remembered without a store");
    }

    @Test
    void theSystemsThemeIsAskedOnlyWhenFollowed() throws Exception {
        int[] asked = new int[1];
        java.util.function.Supplier<costscope.ui.base.Theme> system = () -> {
            asked[0]++;
            return costscope.ui.base.Theme.DARK;
        };
        Opening follows = Opening.begin(List.of(), null, null, system);
        assertEquals(costscope.ui.base.Theme.DARK, follows.choice().systemTheme().get(), "nothing chosen: the system's is asked at once");
        assertEquals(1, asked[0]);

        Path store = tmp.resolve("state.json");
        AppState state = new AppState(store);
        state.theme("light");
        state.save();
        Opening chosen = Opening.begin(List.of(), store, null, system);
        assertNull(chosen.choice().systemTheme(), "a theme chosen: the system is not asked");
        state.theme("system");
        state.save();
        Opening system2 = Opening.begin(List.of(), store, null, system);
        assertEquals(costscope.ui.base.Theme.DARK, system2.choice().systemTheme().get(), "\"Follow the system\" chosen: asked");
        assertEquals(2, asked[0]);
    }

    @Test
    void aBrokenFileFailsItsReadingWithTheLineAndColumn() throws Exception {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\n  \"name\": \"x\",\n  \"drivers\": [\n");
        Opening o = Opening.begin(List.of(broken.toString()), null, null);
        assertEquals(broken, o.choice().file());
        ExecutionException e = assertThrows(ExecutionException.class, () -> o.reading().get());
        assertTrue(e.getCause().getMessage().startsWith(broken + ": line 4, column 1"), e.getCause().getMessage());
    }
}
