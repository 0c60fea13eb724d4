package costscope.ui;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Linux desktop finds the app's windows by their class: the .desktop file the package installs names the class
 * the app gives its windows ({@link CostscopeApp#WINDOW_CLASS}; that the app's window has it, checked under Xvfb with
 * xprop, is in the README's start section).
 */
class DesktopEntryTest {
    @Test
    void theDesktopFileNamesTheClassTheAppGivesItsWindows() throws Exception {
        String entry = Files.readString(Path.of("packaging/linux/Costscope.desktop"));
        assertEquals("StartupWMClass=" + CostscopeApp.WINDOW_CLASS,
                entry.lines().filter(l -> l.startsWith("StartupWMClass=")).findFirst().orElse("(none)"));
    }
}
