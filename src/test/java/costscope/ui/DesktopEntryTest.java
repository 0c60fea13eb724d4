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
    /**
     * The .deb's postinst (jpackage fills in its menu commands) completes where the menu cannot be installed (no menu
     * folder: xdg-desktop-menu exits 3): run with a failing command in their place, it exits 0, and the lines after
     * them still run. Without {@code set +e} around them the install was left unconfigured.
     */
    @Test
    void thePackagesPostinstCompletesWhenTheMenuCannotBeInstalled(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        String script = Files.readString(Path.of("packaging/linux/postinst"))
                .replace("DESKTOP_COMMANDS_INSTALL", "sh -c 'echo \"xdg-desktop-menu: No writable system menu directory found.\" >&2; exit 3'")
                .replace("/opt/costscope", tmp.resolve("opt").toString())
                .replace("exit 0", "touch " + tmp.resolve("went-on") + "\nexit 0");
        Path copy = Files.writeString(tmp.resolve("postinst"), script);
        Process p = new ProcessBuilder("/bin/sh", copy.toString(), "configure").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        org.junit.jupiter.api.Assertions.assertTrue(Files.exists(tmp.resolve("went-on")), "the rest of the script ran: " + out);
        org.junit.jupiter.api.Assertions.assertTrue(out.contains("No writable system menu directory"), "the menu's failure is told: " + out);
    }

    @Test
    void theDesktopFileNamesTheClassTheAppGivesItsWindows() throws Exception {
        String entry = Files.readString(Path.of("packaging/linux/Costscope.desktop"));
        assertEquals("StartupWMClass=" + CostscopeApp.WINDOW_CLASS,
                entry.lines().filter(l -> l.startsWith("StartupWMClass=")).findFirst().orElse("(none)"));
    }
}
