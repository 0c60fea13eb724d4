package costscope.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one way files are written: whole or not at all, nothing left behind (even after a kill -9), what the user
 * set on the file kept, symbolic links kept, and every failure said in terms of the path given.
 */
class AtomicFilesTest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static void chmod(Path p, String perms) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void writesTheExactBytesAndReplacesTheOldFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("out.csv");
        Files.writeString(f, "old, longer content\n");
        AtomicFiles.write(f, "a,b\n1,€2\n");
        assertArrayEquals(new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xE2, (byte) 0x82, (byte) 0xAC, '2', '\n'},
                Files.readAllBytes(f));
        assertEquals(List.of("out.csv"), names(dir));
    }

    @Test
    void aWriterThatFailsHalfwayLeavesThePreviousFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("chart.svg");
        Files.writeString(f, "<svg>previous</svg>");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, tmp -> {
            Files.writeString(tmp, "<svg>half", StandardCharsets.UTF_8);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("<svg>previous</svg>", Files.readString(f));
        assertEquals(List.of("chart.svg"), names(dir));
    }

    // ------------------------------------------------------------------ what the user set on the file is kept

    @Test
    void replacingAFileKeepsItsExactPermissions(@TempDir Path dir) throws IOException {
        for (String p : List.of("rw-------", "rw-r-----", "rwxr-xr-x", "rw-rw-rw-", "-w-------", "rwx--x--x")) {
            Path f = dir.resolve("f-" + p.replace('-', '_'));
            Files.writeString(f, "old");
            chmod(f, p);
            AtomicFiles.write(f, "new " + p);
            assertEquals(p, perms(f), f.toString());
            assertEquals("new " + p, Files.readString(f));
        }
        assertEquals(6, names(dir).size(), "no temporary file left");
    }

    @Test
    void aNewFileGetsTheUsualPermissionsNotPrivateOnes(@TempDir Path dir) throws IOException {
        Path reference = dir.resolve("made-the-usual-way");
        Files.writeString(reference, "x");
        Path f = dir.resolve("new.csv");
        AtomicFiles.write(f, "x");
        assertEquals(perms(reference), perms(f), "the umask decides, as for any new file");
        // with the usual umask 022, the reference is rw-r--r--: a temporary file's rw------- is not kept
        if (perms(reference).equals("rw-r--r--")) assertEquals("rw-r--r--", perms(f));
    }

    @Test
    void replacingAFileKeepsItsOwnerAndGroup(@TempDir Path dir) throws IOException {
        assumeTrue(root(), "only the superuser may give a file to another user");
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = users.lookupPrincipalByName("nobody");
        GroupPrincipal group = users.lookupPrincipalByGroupName(Files.exists(Path.of("/etc/group"))
                && Files.readString(Path.of("/etc/group")).contains("\nnogroup:") ? "nogroup" : "nobody");
        Path f = dir.resolve("shared.json");
        Files.writeString(f, "old");
        PosixFileAttributeView view = Files.getFileAttributeView(f, PosixFileAttributeView.class);
        view.setOwner(nobody);
        view.setGroup(group);
        chmod(f, "rw-rw----");
        AtomicFiles.write(f, "new");
        PosixFileAttributeView after = Files.getFileAttributeView(f, PosixFileAttributeView.class);
        assertEquals(nobody, after.readAttributes().owner());
        assertEquals(group, after.readAttributes().group());
        assertEquals("rw-rw----", perms(f));
        assertEquals("new", Files.readString(f));
    }

    @Test
    void writingThroughASymbolicLinkReplacesItsTargetAndKeepsTheLink(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path links = Files.createDirectory(dir.resolve("links"));
        Path real = data.resolve("model.json");
        Files.writeString(real, "old");
        chmod(real, "rw-r-----");
        Path link = links.resolve("model.json");
        Files.createSymbolicLink(link, Path.of("../data/model.json"));
        Path link2 = dir.resolve("again.json");
        Files.createSymbolicLink(link2, Path.of("links/model.json"));

        AtomicFiles.write(link, "through the link");
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals(Path.of("../data/model.json"), Files.readSymbolicLink(link));
        assertEquals("through the link", Files.readString(real));
        assertEquals("rw-r-----", perms(real));

        AtomicFiles.write(link2, "through two links");
        assertTrue(Files.isSymbolicLink(link2));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("through two links", Files.readString(real));
        assertEquals(List.of("model.json"), names(data), "no temporary file beside the real file");
        assertEquals(List.of("model.json"), names(links), "nor beside the link");
    }

    @Test
    void aLinkToAFileNotYetWrittenCreatesThatFile(@TempDir Path dir) throws IOException {
        Path link = dir.resolve("latest.csv");
        Files.createSymbolicLink(link, Path.of("2024-06.csv"));
        AtomicFiles.write(link, "june");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("june", Files.readString(dir.resolve("2024-06.csv")));
        assertEquals(List.of("2024-06.csv", "latest.csv"), names(dir));
    }

    @Test
    void theTemporaryFileIsBesideTheRealTargetAndSaysWhoseItIs(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.writeString(data.resolve("r.csv"), "old");
        Path link = dir.resolve("r.csv");
        Files.createSymbolicLink(link, Path.of("data/r.csv"));
        AtomicReference<Path> seen = new AtomicReference<>();
        AtomicFiles.write(link, tmp -> {
            seen.set(tmp);
            Files.writeString(tmp, "new");
        });
        Path tmp = seen.get();
        assertEquals(data.toRealPath(), tmp.getParent().toRealPath());
        String name = tmp.getFileName().toString();
        assertTrue(name.matches("\\.r\\.csv\\.costscope-" + ProcessHandle.current().pid() + "-[0-9a-z]+\\.tmp"), name);
        assertFalse(Files.exists(tmp));
    }

    @Test
    void aVeryLongNameStillGetsATemporaryFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x".repeat(240) + ".csv");
        AtomicFiles.write(f, "long");
        assertEquals("long", Files.readString(f));
        assertEquals(List.of(f.getFileName().toString()), names(dir));
    }

    // ------------------------------------------------------------------ bad output paths, said in the user's terms

    @Test
    void badPathsAreOutputErrorsNamingThePathGivenNeverATemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.json");
        Files.writeString(file, "{}");
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path roFile = dir.resolve("locked.csv");
        Files.writeString(roFile, "locked");
        chmod(roFile, "r--r--r--");
        chmod(ro, "r-xr-xr-x");
        try {
            String d = dir.toString();
            assertEquals("cannot write " + d + "/no/such/x.csv: folder " + d + "/no/such does not exist",
                    fails(dir.resolve("no/such/x.csv")));
            assertFalse(Files.exists(dir.resolve("no")), "a missing folder is not created");
            assertEquals("cannot write " + d + ": is a directory", fails(dir));
            assertEquals("cannot write " + d + "/a.json/x.csv: " + d + "/a.json is a file, not a folder", fails(file.resolve("x.csv")));
            assertEquals("cannot write " + d + "/a.json/b/x.csv: " + d + "/a.json is a file, not a folder",
                    fails(file.resolve("b/x.csv")));
            assertEquals("cannot write " + d + "/ro/x.csv: permission denied: folder " + d + "/ro is read-only", fails(ro.resolve("x.csv")));
            assertEquals("cannot write " + roFile + ": permission denied: " + roFile + " is read-only", fails(roFile));
            assertEquals("locked", Files.readString(roFile));
            assertEquals(List.of(), names(ro));
            assertEquals(List.of("a.json", "locked.csv", "ro"), names(dir));
        } finally {
            chmod(ro, "rwxr-xr-x");
        }
    }

    private static String fails(Path target) {
        OutputException e = assertThrows(OutputException.class, () -> AtomicFiles.write(target, "x"));
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aFolderThisUserMayNotWriteIsPermissionDenied() {
        // as the superuser only a folder without write bits is refused (above); as anyone else the OS decides
        assumeTrue(!root(), "the superuser may write anywhere");
        assertEquals("cannot write /x.csv: permission denied: folder / is not writable", fails(Path.of("/x.csv")));
    }

    // ------------------------------------------------------------------ temporary files of killed writers

    @Test
    void staleTemporaryFilesOfDeadProcessesAreRemovedByTheNextWrite(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder(java(), "-version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        long dead = p.pid();
        long alive = ProcessHandle.current().pid();
        Path stale = dir.resolve(".x.csv.costscope-" + dead + "-k2j4.tmp");
        Path busy = dir.resolve(".x.csv.costscope-" + alive + "-zz9.tmp");
        Path notOurs = dir.resolve(".x.csv.12345.tmp");
        Path other = dir.resolve("notes.costscope-1-a.tmp");
        for (Path f : List.of(stale, busy, notOurs, other)) Files.writeString(f, "half");
        AtomicFiles.write(dir.resolve("y.csv"), "y");
        assertFalse(Files.exists(stale), "the dead process's temporary file is removed");
        assertTrue(Files.exists(busy), "a live process's write in progress is left alone");
        assertTrue(Files.exists(notOurs), "files not named like ours are left alone");
        assertTrue(Files.exists(other));
    }

    @Test
    void aWriterKilledMidWriteLeavesTheOldFileAndTheNextWriteClearsItsTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model.json");
        byte[] old = "{\"the\": \"previous version\"}\n".getBytes(StandardCharsets.UTF_8);
        Files.write(target, old);
        chmod(target, "rw-r-----");
        Process child = child("slow", target);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertNotNull(line, "the child started writing");
            assertTrue(line.startsWith("writing .model.json.costscope-" + child.pid() + "-"), line);
            Path tmp = dir.resolve(line.substring("writing ".length()));
            assertTrue(Files.size(tmp) >= 1 << 20, "mid-write: the temporary file holds part of the new content");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertTrue(Files.exists(tmp), "kill -9 leaves the temporary file (nothing could remove it)");
            assertArrayEquals(old, Files.readAllBytes(target), "the file is the old one, byte for byte");

            AtomicFiles.write(dir.resolve("other.csv"), "a later write to the same folder");
            assertEquals(List.of("model.json", "other.csv"), names(dir), "the killed writer's temporary file is gone");
            assertArrayEquals(old, Files.readAllBytes(target));
            assertEquals("rw-r-----", perms(target));
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aWriterKilledAtAnyMomentLeavesEitherTheOldOrTheNewFileWhole(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("model.json");
        byte[] old = KilledWriter.content(0);
        Files.write(target, old);
        for (int round = 0; round < 3; round++) {
            Process child = child("loop", target);
            int written = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                // let it finish a few writes, then kill it at some moment of the next ones
                for (int i = 0; i < 3 + round; i++) {
                    String line = r.readLine();
                    assertNotNull(line);
                    written = Integer.parseInt(line.substring("wrote ".length()));
                }
                Thread.sleep(7L * round);
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            } finally {
                child.destroyForcibly();
            }
            byte[] now = Files.readAllBytes(target);
            assertEquals(KilledWriter.SIZE, now.length, "never a partial file");
            int n = now[0] - 'a';
            assertTrue(n >= written % 26, "the last whole write or a later one: " + (char) now[0] + " after " + written);
            assertArrayEquals(KilledWriter.content(n), now, "one write's bytes exactly");
            AtomicFiles.write(dir.resolve("other.csv"), "later");
            assertEquals(List.of("model.json", "other.csv"), names(dir), "no temporary file left");
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process child(String mode, Path target) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"),
                KilledWriter.class.getName(), mode, target.toString()));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
