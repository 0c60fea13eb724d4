package costscope;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After {@code package} (failsafe, in {@code mvn verify}): the jar made into an app image as {@code mvn -Ppackage
 * package} makes it (jpackage, a jlink'd runtime of the same modules, the samples beside the jar), started with no
 * argument, through the Linux launcher the package ships (packaging/linux-launcher): it passes the options of the
 * image's .cfg (the launch probe is one), finds its bundled sample from another folder and shows it, the probe
 * reporting the scenario and its total. Headless (Monocle) through JAVA_TOOL_OPTIONS.
 */
class AppImageIT {
    @TempDir
    Path tmp;

    static final String MODULES = "java.base,java.desktop,java.logging,java.management,java.prefs,java.scripting,java.sql,java.xml,jdk.jfr,jdk.unsupported";

    static int run(List<String> command, Path log, java.util.Map<String, String> env, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command + "\n" + Files.readString(log));
        }
        return p.exitValue();
    }

    @Test
    void theAppImageStartsAndShowsItsSample() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"),
                "the app image's layout here is Linux's (the other platforms' are built there)");
        Path jar = Path.of("target", "costscope.jar");
        assertTrue(Files.isRegularFile(jar), "the package phase made " + jar);
        // a folder with a space and an & in its name, which the launcher must keep as they are
        Path image = tmp.resolve("out & dir").resolve("Costscope");
        Path input = Files.createDirectories(tmp.resolve("input"));
        Files.copy(jar, input.resolve("costscope.jar"));
        // JavaFX's native libraries beside the jar, as the package profile puts them (pom.xml)
        int natives = 0;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(jar.toFile())) {
            for (var e : java.util.Collections.list(z.entries())) {
                if (e.getName().contains("/") || !e.getName().endsWith(".so")) continue;
                try (var in = z.getInputStream(e)) {
                    Files.copy(in, input.resolve(e.getName()));
                }
                natives++;
            }
        }
        assertTrue(natives >= 5, "JavaFX's Linux libraries in the jar: " + natives);
        Path samples = Files.createDirectories(input.resolve("sample-scenarios"));
        Files.copy(Path.of("sample-scenarios", "innerworld.json"), samples.resolve("innerworld.json"));
        String jpackage = Path.of(System.getProperty("java.home"), "bin", "jpackage").toString();
        Path log = tmp.resolve("jpackage.log");
        List<String> cmd = new ArrayList<>(List.of(jpackage, "--type", "app-image", "--name", "Costscope", "--app-version", "0.1.0",
                "--input", input.toString(), "--main-jar", "costscope.jar", "--main-class", "costscope.Launcher",
                "--add-modules", MODULES, "--jlink-options", "--strip-debug --no-man-pages --no-header-files",
                "--icon", Path.of("packaging", "costscope.png").toAbsolutePath().toString(),
                // the probe as one of the launcher's options (read from its .cfg), so it reports only if they are passed
                "--java-options", "-Dcostscope.launch-probe=$APPDIR/../../../probe.txt",
                "--dest", image.getParent().toString()));
        assertEquals(0, run(cmd, log, java.util.Map.of(), tmp), Files.readString(log));
        // the Linux launcher the package ships in place of jpackage's (pom.xml)
        Path launcher = image.resolve("bin/Costscope");
        Files.copy(Path.of("packaging", "linux-launcher", "Costscope"), launcher, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.isExecutable(launcher), launcher + " made");
        assertTrue(Files.isRegularFile(image.resolve("lib/app/sample-scenarios/innerworld.json")));

        Path probe = image.getParent().resolve("probe.txt");
        Path runLog = tmp.resolve("run.log");
        long t0 = System.currentTimeMillis();
        // started from another folder: the sample is found beside the app (jpackage.app-path), not in the project
        int code = run(List.of(launcher.toString()), runLog, java.util.Map.of("JAVA_TOOL_OPTIONS",
                "-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true -Djavafx.verbose=true"), tmp);
        assertEquals(0, code, Files.readString(runLog));
        // loaded from there as they are (not read from the jar and copied to a cache first)
        String loaded = "Loaded " + image.resolve("lib/app").toRealPath() + "/./libprism_sw.so from relative path";
        assertTrue(Files.readString(runLog).contains(loaded), loaded + " in:\n" + Files.readString(runLog));
        String[] shown = Files.readString(probe, StandardCharsets.UTF_8).strip().split(" ", 2);
        assertEquals("InnerWorld infrastructure (10 to 100,000 concurrent users) | $2,309.00", shown[1]);
        assertTrue(Long.parseLong(shown[0]) > t0, "shown after it started");
    }
}
