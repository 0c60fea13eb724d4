package costscope.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Set;

/**
 * Where a file is written, checked: every command and export dialog checks its output here before any work
 * ({@link #check}), and {@link AtomicFiles} checks it again and explains its failures here. A problem is an
 * {@link OutputException} that names the output path as the user gave it and what is wrong ("folder /x/y does not
 * exist", "is a directory", "permission denied: ... is read-only", "it is the same file as x.json, which this command
 * reads"), never a temporary file.
 */
public final class Outputs {
    /** Symbolic links followed at most, as the kernel does. */
    private static final int MAX_LINKS = 40;

    private Outputs() {
    }

    /**
     * Checks that {@code out} can be written (its folder exists and is writable, it is not a directory nor a
     * read-only file) and is none of {@code inputs} (the same file, however named: {@code ./x.json}, a symbolic link
     * to it, a hard link). Call it before any work.
     */
    public static void check(Path out, Path... inputs) throws OutputException {
        checked(out);
        notAnInput(out, inputs);
    }

    /** {@link #target} of {@code out}, checked: {@link AtomicFiles} writes there. */
    static Path checked(Path out) throws OutputException {
        Path real = target(out);
        explain(out, real, false);
        return real;
    }

    /** {@link #check}, for a command that creates the missing folders of {@code out} (see {@link #createFolders}). */
    public static void checkCreatingFolders(Path out, Path... inputs) throws OutputException {
        explain(out, target(out), true);
        notAnInput(out, inputs);
    }

    /** Creates the missing folders {@code out} goes in; a failure names the output and why. */
    public static void createFolders(Path out) throws OutputException {
        Path dir = out.toAbsolutePath().getParent();
        if (dir == null || Files.isDirectory(dir)) return;
        explain(out, target(out), true);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw failed(out, e);
        }
    }

    private static void notAnInput(Path out, Path... inputs) throws OutputException {
        if (!Files.exists(out)) return;
        for (Path in : inputs) {
            try {
                if (in != null && Files.exists(in) && Files.isSameFile(out, in)) {
                    throw new OutputException("cannot write " + out + ": it is the same file as " + in
                            + ", which this command reads; writing it would replace " + in);
                }
            } catch (OutputException e) {
                throw e;
            } catch (IOException e) {
                throw failed(out, e);
            }
        }
    }

    /**
     * The file a write to {@code out} replaces, absolute: {@code out} itself, or with its symbolic links followed,
     * the file they lead to (which need not exist yet). A write replaces that file and leaves the links as they are.
     */
    static Path target(Path out) throws OutputException {
        Path p = out.toAbsolutePath();
        try {
            if (Files.exists(p)) return p.toRealPath();
            for (int i = 0; Files.isSymbolicLink(p); i++) {
                if (i == MAX_LINKS) throw new OutputException("cannot write " + out + ": too many levels of symbolic links");
                p = p.resolveSibling(Files.readSymbolicLink(p));
            }
            return p;
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw failed(out, e);
        }
    }

    /** Throws what is wrong with writing {@code real}, the target of {@code out}, if anything. */
    private static void explain(Path out, Path real, boolean createFolders) throws OutputException {
        String problem = problem(real, createFolders);
        if (problem != null) throw new OutputException("cannot write " + out + ": " + problem);
    }

    private static String problem(Path real, boolean createFolders) {
        if (Files.isDirectory(real)) return "is a directory";
        Path dir = real.getParent();
        if (dir == null) return "is not a file";
        if (!Files.isDirectory(dir)) {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            if (existing != null && !Files.isDirectory(existing)) return existing + " is a file, not a folder";
            if (!createFolders || existing == null) return "folder " + dir + " does not exist";
            dir = existing;
        }
        String folder = notWritable(dir);
        if (folder != null) return "permission denied: folder " + dir + " " + folder;
        if (Files.exists(real)) {
            String file = notWritable(real);
            if (file != null) return "permission denied: " + real + " " + file;
        }
        return null;
    }

    /**
     * "is read-only" when no one may write it (its POSIX permissions have no write bit: refused even to the
     * superuser, who could), "is not writable" when this user may not; null when it may be written.
     */
    private static String notWritable(Path p) {
        try {
            Set<PosixFilePermission> s = Files.getPosixFilePermissions(p);
            if (!s.contains(PosixFilePermission.OWNER_WRITE) && !s.contains(PosixFilePermission.GROUP_WRITE)
                    && !s.contains(PosixFilePermission.OTHERS_WRITE)) {
                return "is read-only";
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the access check below decides
        }
        return Files.isWritable(p) ? null : "is not writable";
    }

    /**
     * A failed write to {@code out}, explained in its terms: the state of the path if that is the cause, otherwise
     * the operating system's reason (which names no file, so no temporary file either).
     */
    static OutputException failed(Path out, IOException e) {
        if (e instanceof OutputException oe) return oe;
        String problem;
        try {
            problem = problem(target(out), false);
        } catch (OutputException again) {
            return again;
        }
        if (problem == null) {
            if (e instanceof AccessDeniedException) {
                problem = "permission denied";
            } else if (e instanceof FileSystemException fs) {
                String reason = fs.getReason();
                problem = reason == null ? fs.getClass().getSimpleName().replace("Exception", "")
                        : reason.isEmpty() ? reason : reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
            } else {
                problem = String.valueOf(e.getMessage());
            }
        }
        return new OutputException("cannot write " + out + ": " + problem, e);
    }
}
