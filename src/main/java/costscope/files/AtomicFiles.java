package costscope.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way Costscope writes a file: to a temporary file beside the target, forced to disk, then moved over the
 * target (atomically where the file system can), and the folder forced to disk so the move survives a power cut.
 * A failure at any moment leaves the previous file as it was and no temporary file behind.
 * <ul>
 * <li>The output is checked first ({@link Outputs}): a missing folder, a directory, a read-only file or folder is an
 * {@link OutputException} naming the path given, never the temporary file.</li>
 * <li>Writing over a file keeps what the user set: its POSIX permissions, and its owner and group where allowed. A
 * new file gets the usual permissions (the umask's).</li>
 * <li>Writing through a symbolic link replaces the file it leads to; the link stays a link.</li>
 * <li>The temporary file is named {@code .NAME.costscope-PID-RANDOM.tmp}. One left by a process that was killed
 * mid-write is removed by the next write to the same folder (only once that process is gone).</li>
 * </ul>
 */
public final class AtomicFiles {
    private static final String TAG = ".costscope-";
    /** Our temporary files: ".NAME.costscope-PID-RANDOM.tmp". */
    private static final Pattern TEMP = Pattern.compile("\\..*\\.costscope-(\\d{1,19})-[0-9a-z]+\\.tmp");
    /** A target's name is cut to this in its temporary file's name, which must stay under the usual 255 bytes. */
    private static final int NAME_IN_TEMP = 100;

    private AtomicFiles() {
    }

    /** Writes the content a writer puts in the temporary file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path tmp) throws IOException;
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
            }
        });
    }

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, content, null);
    }

    /**
     * Copies {@code source} to {@code target} (a backup): the copy gets the source's permissions, so it is never
     * readable by more people than the original.
     */
    public static void copy(Path source, Path target) throws IOException {
        write(target, tmp -> {
            try (InputStream in = Files.newInputStream(source);
                 OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
        }, source);
    }

    /** Writes {@code target}; its permissions come from {@code like}, or else from the file it replaces. */
    private static void write(Path target, Content content, Path like) throws IOException {
        Path real = Outputs.checked(target);
        Path dir = real.getParent();
        removeStaleTemps(dir);
        Path keep = like != null ? like : Files.exists(real) ? real : null;
        Path tmp = createTemp(target, dir, real.getFileName().toString());
        try {
            try {
                keepAttributes(keep, tmp);
            } catch (IOException e) {
                throw Outputs.failed(target, e);
            }
            try {
                content.writeTo(tmp);
            } catch (FileSystemException e) {
                if (tmp.toString().equals(e.getFile())) throw Outputs.failed(target, e);
                throw e;
            }
            try {
                // a writer may have made the file anew (ImageIO deletes it first): what the user set, once more
                keepAttributes(keep, tmp);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                try {
                    Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw Outputs.failed(target, e);
            }
            syncFolder(dir);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Removes a temporary file; a failure must not hide the one being thrown. */
    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // left for the next write once this process is gone
        }
    }

    private static Path createTemp(Path target, Path dir, String name) throws OutputException {
        String base = "." + (name.length() > NAME_IN_TEMP ? name.substring(0, NAME_IN_TEMP) : name) + TAG
                + ProcessHandle.current().pid() + "-";
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(base + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                // no attributes given: the umask decides, as for any new file
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) throw Outputs.failed(target, e);
            } catch (IOException e) {
                throw Outputs.failed(target, e);
            }
        }
    }

    /** Gives {@code tmp} the permissions, owner and group of {@code from} (owner and group where allowed). */
    private static void keepAttributes(Path from, Path tmp) throws IOException {
        if (from == null) return;
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) return;
        PosixFileAttributes a = Files.readAttributes(from, PosixFileAttributes.class);
        PosixFileAttributes now = view.readAttributes();
        if (!now.owner().equals(a.owner())) {
            try {
                view.setOwner(a.owner());
            } catch (IOException | SecurityException e) {
                // only the superuser may give a file away: the file becomes the writer's
            }
        }
        if (!now.group().equals(a.group())) {
            try {
                view.setGroup(a.group());
            } catch (IOException | SecurityException e) {
                // a group the writer is not in: the writer's group
            }
        }
        view.setPermissions(a.permissions());
    }

    /** Forces the folder's entries to disk, so the move outlives a power cut; where the OS refuses (Windows), nothing. */
    private static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible on this system
        }
    }

    /** Removes the temporary files in {@code dir} left by processes that no longer run (killed mid-write). */
    private static void removeStaleTemps(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*" + TAG + "*.tmp")) {
            long self = ProcessHandle.current().pid();
            for (Path p : ds) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != self && ProcessHandle.of(pid).isEmpty()) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // someone else's, or already gone
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy: the write goes on
        }
    }
}
